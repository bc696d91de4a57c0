// Output of `jiuyebang calendar ...`: every message from locales/*.json, Chinese lines first, then the same in
// English; JSON output is one object on stdout.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalizer, readLocaleResources, type Localizer } from '../../conversation/localizer.ts';
import type { Params } from '../../conversation/dialog-types.ts';

/** Where a command writes. */
export interface CalendarIo { out(s: string): void; err(s: string): void }

/** What the calendar commands need from the process: the configured table, the office's region and a clock. */
export interface CalendarCliContext {
  /** CALENDAR_OVERRIDES_FILE, resolved; `--overrides` replaces it. */
  overridesFile: string;
  region: string;
  now(): Date;
}

/** One message: a locale key (under calendarCli.) and its parameters. */
export type CalendarMessage = [key: string, params?: Params];

const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'locales');
let localizer: Localizer | null = null;

function texts(): Localizer {
  localizer ??= createLocalizer(readLocaleResources(LOCALES_DIR));
  return localizer;
}

/** The text of one message in one language. */
export function calendarText(locale: 'zh-CN' | 'en', [key, params]: CalendarMessage): string {
  return texts().t(locale, `calendarCli.${key}`, params);
}

/** Lines rendered in Chinese, then the same lines in English. */
export function inBothLanguages(render: (locale: 'zh-CN' | 'en') => string[]): string {
  return `${[...render('zh-CN'), ...render('en')].join('\n')}\n`;
}

/** The messages as lines: all in Chinese, then all in English. */
export function bilingual(messages: readonly CalendarMessage[]): string {
  return inBothLanguages((locale) => messages.map((m) => calendarText(locale, m)));
}
