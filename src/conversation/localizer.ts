// Turns locale keys into text with i18next; the words live in locales/*.json, never in code. Values named
// `source` / `<name>Source` are clause references and are shown as citations (cite-clause.ts); ISO days in
// values are shown as people write dates (date-words.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { z } from 'zod';
import { LOCALES, type Locale } from './locales.ts';
import type { Params } from './dialog-types.ts';
import { citeClause, citeParams } from './cite-clause.ts';
import { withDatesInWords, type DateWording } from './date-words.ts';
import { loadPolicySources } from '../config/load-policy-sources.ts';
import type { PolicySources } from '../domain/clauses/policy-source.ts';

const dateFormatSchema = z.object({ format: z.object({ date: z.string(), months: z.array(z.string()).length(12) }) });

export type LocaleResources = Record<Locale, Record<string, unknown>>;

export interface Localizer {
  t(locale: Locale, key: string, params?: Params): string;
  /** A list stored under a key (e.g. the words that mean "help"), for matching what people type. */
  list(locale: Locale, key: string): string[];
  has(locale: Locale, key: string): boolean;
  /** A clause reference as a person reads it in this language (document short name and section). */
  cite(locale: Locale, ref: string): string;
}

export function readLocaleResources(dir = join(process.cwd(), 'locales')): LocaleResources {
  const read = (locale: Locale): Record<string, unknown> => {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`locales/${locale}.json must hold an object`);
    return Object.fromEntries(Object.entries(parsed));
  };
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

/** `sources` are the documents citations name (default: the bundled policy/sources.json). */
export function createLocalizer(resources: LocaleResources, sources: PolicySources = loadPolicySources()): Localizer {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resources[l] }])),
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Keyword lists are read on every turn (commands, intents); the resources never change, so read each once.
  const lists = new Map<string, string[]>();
  const list = (locale: Locale, key: string): string[] => {
    const cacheKey = `${locale}\u0000${key}`;
    const cached = lists.get(cacheKey);
    if (cached) return cached;
    const value: unknown = instance.t(key, { lng: locale, returnObjects: true });
    const words = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    lists.set(cacheKey, words);
    return words;
  };
  const dateWording = new Map<Locale, DateWording>();
  for (const l of LOCALES) {
    const format = dateFormatSchema.safeParse(resources[l]);
    if (format.success) dateWording.set(l, { pattern: format.data.format.date, months: format.data.format.months });
  }
  const cite = (locale: Locale, ref: string): string => citeClause(ref, sources, (key, params) => instance.t(key, { lng: locale, ...params }));
  return {
    // Citations first, then every value goes through the date wording, so no reply shows an ISO day (2026-12-14).
    t: (locale, key, params) => {
      const cited = params ? citeParams(params, (ref) => cite(locale, ref)) : undefined;
      const wording = dateWording.get(locale);
      return instance.t(key, { lng: locale, ...(wording ? withDatesInWords(cited, wording) : cited) });
    },
    cite,
    list,
    has: (locale, key) => instance.exists(key, { lng: locale, fallbackLng: false }),
  };
}
