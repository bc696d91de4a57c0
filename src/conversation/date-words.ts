// Dates as people write them: every ISO day (2026-12-14) in a reply's values becomes "2026年12月14日" or
// "14 Dec 2026" at the reply edge, with the pattern and month names taken from the locale files.
import type { Params } from './dialog-types.ts';

const ISO_DAY = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

/** How one locale writes a day: `format.date` with {{year}} {{month}} {{day}} {{monthName}}, and `format.months`. */
export interface DateWording {
  pattern: string;
  months: readonly string[];
}

/** Rewrites every ISO day inside the string values of `params`; other values pass through unchanged. */
export function withDatesInWords(params: Params | undefined, wording: DateWording): Params | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? datesInWords(value, wording) : value]));
}

export function datesInWords(text: string, wording: DateWording): string {
  return text.replace(ISO_DAY, (whole, year: string, month: string, day: string) => {
    const m = Number(month);
    const d = Number(day);
    if (m < 1 || m > 12 || d < 1 || d > 31) return whole;
    return wording.pattern
      .replace('{{year}}', year)
      .replace('{{monthName}}', wording.months[m - 1] ?? month)
      .replace('{{month}}', String(m))
      .replace('{{day}}', String(d));
  });
}
