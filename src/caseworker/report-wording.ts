// Words for the work lists and reports in the reader's language (locales/*.json, section consoleReports):
// column headers, codes shown as words, dates and times in Beijing time. No English on the Chinese path.
import type { Localizer } from '../conversation/localizer.ts';
import type { Locale } from '../conversation/locales.ts';
import type { Cell, ReportTable } from './report-table.ts';

export interface ReportWording {
  locale: Locale;
  title(group: 'lists' | 'reports', name: string): string;
  columns(keys: readonly string[]): ReportTable['columns'];
  note(key: string, params?: Record<string, string | number>): string;
  /** A code as a word: `section` is a key prefix under the locale files (e.g. status.quotaKinds). */
  word(section: string, code: string | null): string;
  words(section: string, codes: string): string;
  yesNo(value: boolean): string;
  /** Why a 转人工 case was opened: asked for a person, or stuck in a dialog (`dialog:<name>:<step>`). */
  handoffReason(reason: string): string;
  percent(share: number | null): Cell;
}

export function reportWording(localizer: Pick<Localizer, 't' | 'has'>, locale: Locale): ReportWording {
  const t = (key: string, params?: Record<string, string | number>) => localizer.t(locale, `consoleReports.${key}`, params);
  const word = (section: string, code: string | null): string => {
    if (code === null || code === '') return t('values.none');
    const key = `${section}.${code}`;
    if (localizer.has(locale, key)) return localizer.t(locale, key);
    // An unknown code is shown as "other" rather than as a raw key.
    return localizer.has(locale, `${section}.other`) ? localizer.t(locale, `${section}.other`) : code;
  };
  return {
    locale,
    title: (group, name) => t(`${group}.${name}`),
    columns: (keys) => keys.map((key) => ({ key, label: t(`columns.${key}`) })),
    note: (key, params) => t(`notes.${key}`, params),
    word,
    words: (section, codes) => codes.split(',').filter(Boolean).map((c) => word(section, c)).join(locale === 'zh-CN' ? '、' : ', ') || t('values.none'),
    yesNo: (value) => t(value ? 'values.yes' : 'values.no'),
    handoffReason: (reason) => {
      const dialog = /^dialog:([^:]+):/.exec(reason)?.[1];
      if (dialog !== undefined) return t('values.handoffReasons.inDialog', { dialog: word('consoleReports.values.handoffReasons.dialogs', dialog) });
      return word('consoleReports.values.handoffReasons', reason);
    },
    percent: (share) => (share === null ? t('values.none') : t('values.percent', { value: (Math.round(share * 1000) / 10).toFixed(1) })),
  };
}

/** A Beijing-time "YYYY-MM-DD HH:mm" for an instant (files and tables; the service runs on Beijing time). */
export function beijingDateTime(iso: string | Date): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso;
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
