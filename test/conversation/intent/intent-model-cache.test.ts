// The intent models kept on disk: a second classifier from the same examples loads them (no training) and
// understands every example exactly as the freshly trained one; changed examples or a damaged file mean training.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIntentClassifier } from '../../../src/conversation/intent/intent-classifier.ts';
import { readIntentExamples } from '../../../src/conversation/intent/intent-examples.ts';
import { directoryModelCache, type IntentModelCache } from '../../../src/conversation/intent/intent-model-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'jyb-intent-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const examples = readIntentExamples();
const sentences = [...new Set(Object.values(examples).flatMap((byIntent) => Object.values(byIntent).flat()))];

/** The directory cache, counting reads that found a model. */
function countingCache(inner: IntentModelCache): IntentModelCache & { hits: number } {
  const cache = { hits: 0, read: (key: string) => { const model = inner.read(key); if (model !== null) cache.hits += 1; return model; }, write: inner.write };
  return cache;
}

describe('intent model cache', () => {
  it('a second start loads both models and understands every example exactly as the trained ones', async () => {
    const cache = countingCache(directoryModelCache(dir));
    const trained = createIntentClassifier(examples, cache);
    const want = await Promise.all(sentences.map((s) => trained.classify(s)));
    expect(cache.hits).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);

    const loaded = createIntentClassifier(examples, cache);
    expect(await Promise.all(sentences.map((s) => loaded.classify(s)))).toEqual(want);
    expect(cache.hits).toBe(2);
    expect((await loaded.classify('我要转人工'))?.intent).toBe('human');
  }, 60_000);

  it('changed examples are a new model; a damaged file is trained again and replaced', async () => {
    const cache = countingCache(directoryModelCache(dir));
    const changed = { ...examples, en: { ...examples.en, thanks: [...(examples.en.thanks ?? []), 'much obliged to you'] } };
    await createIntentClassifier(changed, cache).classify('hello');
    expect(cache.hits).toBe(1);
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), '{"nluManager": ');
    const repaired = createIntentClassifier(examples, cache);
    expect((await repaired.classify('转人工'))?.intent).toBe('human');
    expect(cache.hits).toBe(3);
    const again = countingCache(directoryModelCache(dir));
    expect((await createIntentClassifier(examples, again).classify('转人工'))?.intent).toBe('human');
    expect(again.hits).toBe(2);
  }, 60_000);
});
