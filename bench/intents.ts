// The time the intent layer adds to a turn: median per message over every example sentence, next to the
// exact command-word lookup it falls back from, measured on the same sentences in the same run.
import { createLocalizer, readLocaleResources } from '../src/conversation/localizer.ts';
import { detectGlobalCommand } from '../src/conversation/global-commands.ts';
import { createIntentClassifier } from '../src/conversation/intent/intent-classifier.ts';
import { readIntentExamples } from '../src/conversation/intent/intent-examples.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeEach(sentences: readonly string[], rounds: number, run: (s: string) => unknown): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const sentence of sentences) {
      const started = process.hrtime.bigint();
      await run(sentence);
      times.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  return median(times);
}

/** Median microseconds per message: the intent classifier, and the exact command lookup as the baseline. */
export async function benchIntentLayer(): Promise<{ intentMicros: number; lookupMicros: number; sentences: number }> {
  const examples = readIntentExamples();
  const sentences = Object.values(examples).flatMap((byIntent) => Object.values(byIntent).flat());
  const classifier = createIntentClassifier(examples);
  await classifier.classify('你好');
  const localizer = createLocalizer(readLocaleResources());
  detectGlobalCommand('你好', localizer);
  const intentMicros = await timeEach(sentences, 3, (s) => classifier.classify(s));
  const lookupMicros = await timeEach(sentences, 3, (s) => detectGlobalCommand(s, localizer));
  return { intentMicros, lookupMicros, sentences: sentences.length };
}
