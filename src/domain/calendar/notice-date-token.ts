// Dates as the State Council's holiday notice writes them: "10月1日（周三）", "8日（农历正月初七、周二）",
// "2022年12月31日". Pure: resolves a token against the notice year and the month of the span's first date.
import { formatPlainDate, isValidPlainDate, weekdayOf } from '../dates/plain-date.ts';

/** One date as written, before it is resolved to a plain date. */
export interface NoticeDateToken {
  year: number | null;
  month: number | null;
  day: number;
  /** Weekday named in the brackets (0 = 周日 … 6 = 周六), if any. */
  weekday: number | null;
  /** The token as written, for error messages. */
  text: string;
}

/** A date token: optional year and month, the day, optional bracket note holding e.g. 周三 or 星期三. */
export const DATE_TOKEN_SOURCE = '(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?';

const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** The notice's name of a weekday number (0 = 周日). */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday] ?? '';
}

/** Builds a token from the capture groups of DATE_TOKEN_SOURCE (text, year, month, day, note). */
export function dateTokenOf(groups: readonly (string | undefined)[]): NoticeDateToken {
  const [text = '', year, month, day = '0', note] = groups;
  const named = note === undefined ? null : /(?:周|星期)([一二三四五六日天])/.exec(note);
  return {
    year: year === undefined ? null : Number(year),
    month: month === undefined ? null : Number(month),
    day: Number(day),
    weekday: named?.[1] === undefined ? null : (WEEKDAY_NUMBERS[named[1]] ?? null),
    text,
  };
}

/** Why a token cannot stand for a date of the notice year. */
export type DateTokenProblem =
  | { problem: 'month_missing' }
  | { problem: 'outside_year' }
  | { problem: 'invalid_date' }
  | { problem: 'weekday_mismatch'; date: string; written: string; actual: string };

/**
 * Resolves a token to YYYY-MM-DD in `year`; a token without a month takes `monthOfSpanStart` (the "至3日" of
 * "1月1日至3日"). Dates of another year are refused: an override entry holds exactly one year.
 */
export function resolveDateToken(token: NoticeDateToken, year: number, monthOfSpanStart: number | null): { date: string } | DateTokenProblem {
  const month = token.month ?? monthOfSpanStart;
  if (month === null) return { problem: 'month_missing' };
  if (token.year !== null && token.year !== year) return { problem: 'outside_year' };
  const date = formatPlainDate({ year, month, day: token.day });
  if (!isValidPlainDate(date) || month > 12 || token.day > 31) return { problem: 'invalid_date' };
  const actual = weekdayOf(date);
  if (token.weekday !== null && token.weekday !== actual) {
    return { problem: 'weekday_mismatch', date, written: weekdayName(token.weekday), actual: weekdayName(actual) };
  }
  return { date };
}
