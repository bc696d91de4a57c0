// One intent classifier per process: training takes one to two seconds of CPU, and every engine reads the same
// locale examples. The trained models are kept on disk, so the next start (or test file) loads them instead.
import { createIntentClassifier, type IntentClassifier } from './intent-classifier.ts';
import { directoryModelCache } from './intent-model-cache.ts';
import { readIntentExamples } from './intent-examples.ts';

let shared: IntentClassifier | null = null;

export function sharedIntentClassifier(): IntentClassifier {
  shared ??= createIntentClassifier(readIntentExamples(), directoryModelCache());
  return shared;
}
