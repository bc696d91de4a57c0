// The intent layer: an nlp.js neural classifier per script (Chinese, English), trained once from the locale
// examples. A message written in Chinese is read by the Chinese model whatever the conversation's language.
import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangEn } from '@nlpjs/lang-en-min';
import { INTENTS, NOT_AN_INTENT, type Intent, type IntentExamples } from './intent-examples.ts';
import { intentFeaturesOf, intentLanguageOf } from './intent-features.ts';
import { intentModelKey, type IntentModelCache } from './intent-model-cache.ts';

export interface Understood {
  intent: Intent;
  /** The model's confidence, 0..1. */
  score: number;
}

export interface IntentClassifier {
  /** The intent of a message, or null when the model recognises none. */
  classify(text: string): Promise<Understood | null>;
}

const MODEL_LOCALE = 'en';

async function emptyModel() {
  const container = await containerBootstrap();
  container.use(LangEn);
  return new Nlp({ container, languages: [MODEL_LOCALE], autoSave: false, nlu: { log: false } });
}

async function trainModel(sentences: readonly (readonly [string, string])[], cache: IntentModelCache | null) {
  // nlp.js reads the intent 'None' as "nothing recognised".
  const documents = sentences.map(([text, intent]) => [intentFeaturesOf(text), intent === NOT_AN_INTENT ? 'None' : intent] as const).filter(([features]) => features !== '');
  const key = cache ? intentModelKey([MODEL_LOCALE, documents]) : '';
  const saved = cache?.read(key) ?? null;
  if (saved !== null) {
    try {
      const loaded = await emptyModel();
      loaded.import(saved);
      return loaded;
    } catch {
      // A damaged file: train a fresh model below and write it again.
    }
  }
  const nlp = await emptyModel();
  for (const [features, intent] of documents) nlp.addDocument(MODEL_LOCALE, features, intent);
  await nlp.train();
  cache?.write(key, nlp.export(true));
  return nlp;
}

function isIntent(value: string): value is Intent {
  return INTENTS.some((i) => i === value);
}

/**
 * Trains both models (one to two seconds of CPU for about 2,700 examples), or loads them from `cache` when trained
 * from the same examples before; `classify` waits for them the first time.
 */
export function createIntentClassifier(examples: IntentExamples, cache: IntentModelCache | null = null): IntentClassifier {
  const sentencesOf = (script: 'zh' | 'en') =>
    Object.values(examples).flatMap((byIntent) =>
      [...INTENTS, NOT_AN_INTENT].flatMap((intent) => (byIntent[intent] ?? []).filter((s) => intentLanguageOf(s) === script).map((s) => [s, intent] as const)),
    );
  const models = Promise.all([trainModel(sentencesOf('zh'), cache), trainModel(sentencesOf('en'), cache)]);
  return {
    async classify(text) {
      const features = intentFeaturesOf(text);
      if (features === '') return null;
      const [zh, en] = await models;
      const result = await (intentLanguageOf(text) === 'zh' ? zh : en).process(MODEL_LOCALE, features);
      return isIntent(result.intent) ? { intent: result.intent, score: result.score } : null;
    },
  };
}
