// Output of `jiuyebang catalog ...`: every message from locales/*.json (catalogCli.*), Chinese lines first, then the
// same in English; each bad row as "第N行：原因" / "Line N: reason".
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalizer, readLocaleResources, type Localizer } from '../../conversation/localizer.ts';
import type { Params } from '../../conversation/dialog-types.ts';
import type { CatalogFileResult } from '../../config/read-catalog-file.ts';
import type { CatalogError } from '../../domain/catalogue/parse-catalog-rows.ts';
import { MAX_CATALOG_BYTES } from '../../config/read-catalog-file.ts';

export interface CatalogIo { out(s: string): void; err(s: string): void }
type CliLocale = 'zh-CN' | 'en';

const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'locales');
let localizer: Localizer | null = null;

function texts(): Localizer {
  localizer ??= createLocalizer(readLocaleResources(LOCALES_DIR));
  return localizer;
}

export function catalogText(locale: CliLocale, key: string, params?: Params): string {
  return texts().t(locale, `catalogCli.${key}`, params);
}

/** Lines rendered in Chinese, then the same lines in English. */
export function inBothLanguages(render: (locale: CliLocale) => string[]): string {
  return `${[...render('zh-CN'), ...render('en')].join('\n')}\n`;
}

/** One bad row's reason in one language. */
export function catalogReason(locale: CliLocale, error: CatalogError): string {
  // The hint is appended, not a parameter: parameters have their ISO days reworded, and the hint shows the format.
  const field = error.params?.field;
  const hint = error.code === 'invalid' && typeof field === 'string' && texts().has(locale, `catalogCli.hints.${field}`) ? catalogText(locale, `hints.${field}`) : '';
  return `${catalogText(locale, `errors.${error.code}`, error.params)}${hint}`;
}

/** Why a file was refused, in both languages, and its rows' errors for --json. */
export function catalogRefusal(result: Exclude<CatalogFileResult, { ok: true }>, file: string): { text: string; errors: { line: number; code: string; reason: string }[] } {
  if (result.problem !== 'bad_rows') {
    return { text: inBothLanguages((locale) => [catalogText(locale, `problems.${result.problem}`, { file, maxMb: MAX_CATALOG_BYTES / 1024 / 1024 })]), errors: [] };
  }
  const errors = result.errors.map((e) => ({ line: e.line, code: e.code, reason: catalogReason('zh-CN', e) }));
  return {
    text: inBothLanguages((locale) => [
      catalogText(locale, 'refused', { count: result.errors.length }),
      ...result.errors.map((e) => catalogText(locale, 'lineError', { line: e.line, reason: catalogReason(locale, e) })),
    ]),
    errors,
  };
}
