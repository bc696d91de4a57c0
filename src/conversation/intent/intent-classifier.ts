// The intent layer: an nlp.js neural classifier per script (Chinese, English), trained once from the locale
// examples. A message written in Chinese is read by the Chinese model whatever the conversation's language.
import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangEn } from '@nlpjs/lang-en-min';
import { INTENTS, NOT_AN_INTENT, type Intent, type IntentExamples } from './intent-examples.ts';
import { intentFeaturesOf, intentLanguageOf } from './intent-features.ts';

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

async function trainModel(sentences: readonly (readonly [string, string])[]) {
  const container = await containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({ container, languages: [MODEL_LOCALE], autoSave: false, nlu: { log: false } });
  for (const [text, intent] of sentences) {
    const features = intentFeaturesOf(text);
    // nlp.js reads the intent 'None' as "nothing recognised".
    if (features !== '') nlp.addDocument(MODEL_LOCALE, features, intent === NOT_AN_INTENT ? 'None' : intent);
  }
  await nlp.train();
  return nlp;
}

function isIntent(value: string): value is Intent {
  return INTENTS.some((i) => i === value);
}

/** Trains both models (one to two seconds of CPU for about 2,700 examples); `classify` waits for them the first time. */
export function createIntentClassifier(examples: IntentExamples): IntentClassifier {
  const sentencesOf = (script: 'zh' | 'en') =>
    Object.values(examples).flatMap((byIntent) =>
      [...INTENTS, NOT_AN_INTENT].flatMap((intent) => (byIntent[intent] ?? []).filter((s) => intentLanguageOf(s) === script).map((s) => [s, intent] as const)),
    );
  const models = Promise.all([trainModel(sentencesOf('zh')), trainModel(sentencesOf('en'))]);
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
