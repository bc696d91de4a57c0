// The intent examples a bureau can extend: locales/intents/<locale>.json, one list of example sentences per
// intent. Read and checked once; the classifier learns from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Locale } from '../locales.ts';

/** Every intent the bot understands, in the order a tie is broken. */
export const INTENTS = [
  'greeting', 'thanks', 'goodbye', 'help', 'cancel', 'back', 'human', 'restart', 'menu', 'english', 'chinese',
  'registration', 'hardship', 'status', 'followUp',
  'faqWhoCanRegister', 'faqPapers', 'faqContactFrequency', 'faqQuota', 'faqHardship', 'faqDeregistration', 'faqBenefit', 'faqWhere',
  'dontKnow', 'complaint',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Answers that are no request at all (names, dates, numbers): they teach the model what to leave alone. */
export const NOT_AN_INTENT = 'notAnIntent';

const sentences = z.array(z.string().min(1).max(120)).min(3);
const ExamplesSchema = z.strictObject({ ...Object.fromEntries(INTENTS.map((i) => [i, sentences])), [NOT_AN_INTENT]: sentences });

export type IntentExamples = Record<Locale, Readonly<Record<string, readonly string[]>>>;

/** Reads locales/intents/*.json; throws an error naming the file and the bad field. */
export function readIntentExamples(dir = join(process.cwd(), 'locales', 'intents')): IntentExamples {
  const read = (locale: Locale): Readonly<Record<string, readonly string[]>> => {
    const path = join(dir, `${locale}.json`);
    const parsed = ExamplesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`invalid intent examples in ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const data: Record<string, string[] | undefined> = parsed.data;
    const byIntent: Record<string, readonly string[]> = Object.fromEntries([...INTENTS, NOT_AN_INTENT].map((intent) => [intent, data[intent] ?? []]));
    return byIntent;
  };
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}
