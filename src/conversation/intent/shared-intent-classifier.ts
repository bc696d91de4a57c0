// One intent classifier per process: training takes one to two seconds of CPU, and every engine reads the same
// locale examples.
import { createIntentClassifier, type IntentClassifier } from './intent-classifier.ts';
import { readIntentExamples } from './intent-examples.ts';

let shared: IntentClassifier | null = null;

export function sharedIntentClassifier(): IntentClassifier {
  shared ??= createIntentClassifier(readIntentExamples());
  return shared;
}
