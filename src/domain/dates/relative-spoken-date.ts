// Relative and partial dates as people say them ("去年十月", "上个月中旬", "三周前", "October 2025",
// "mid last month", "3 weeks ago"), relative to an injected today. Pure; parse-spoken-date calls it.
import { addDays, addMonthsClamped, daysInMonth, formatPlainDate, parsePlainDate } from './plain-date.ts';

/** 'approx': a day the person did not name exactly (中旬 → the 15th, "3 weeks ago"). */
export type DatePrecision = 'day' | 'month' | 'approx';
export type RelativeDate = { date: string; precision: DatePrecision } | { invalid: true } | null;

const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, half: 0.5 };
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "2025", "二零二五", "十二", "二十一", "3", "three", "半" → number; null if not a number. */
export function readNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '半') return 0.5;
  const english = EN_NUMBERS[text];
  if (english !== undefined) return english;
  const chars = [...text];
  if (chars.length === 0 || !chars.every((c) => c in CN_DIGITS || c === '十')) return null;
  const ten = chars.indexOf('十');
  if (ten < 0) return chars.reduce((n, c) => n * 10 + (CN_DIGITS[c] ?? 0), 0);
  if (chars.lastIndexOf('十') !== ten || ten > 1 || chars.length > 3) return null;
  const tens = ten === 0 ? 1 : (CN_DIGITS[chars[0] ?? ''] ?? 0);
  const ones = chars[ten + 1] === undefined ? 0 : (CN_DIGITS[chars[ten + 1] ?? ''] ?? 0);
  return tens * 10 + ones;
}

function englishMonth(word: string): number | null {
  const index = word.length >= 3 ? EN_MONTHS.findIndex((m) => m.startsWith(word) || (word === 'sept' && m === 'september')) : -1;
  return index >= 0 ? index + 1 : null;
}

/** A day inside a month: 上旬/early → 5th, 中旬/mid → 15th, 下旬/late → 25th, 月初 → 1st, 月底 → last day. */
function dayOfPart(part: string, year: number, month: number): number | null {
  if (/^(上旬|early|the beginning of|beginning of|the start of|start of)$/.test(part)) return 5;
  if (/^(中旬|mid|middle of|the middle of)$/.test(part)) return 15;
  if (/^(下旬|late)$/.test(part)) return 25;
  if (/^(初|月初)$/.test(part)) return 1;
  if (/^(底|末|月底|月末|the end of|end of)$/.test(part)) return daysInMonth(year, month);
  return null;
}

function monthResult(year: number, month: number, part: string | undefined): RelativeDate {
  if (month < 1 || month > 12 || !Number.isInteger(month) || year < 1900 || year > 2999) return { invalid: true };
  if (!part) return { date: formatPlainDate({ year, month, day: 1 }), precision: 'month' };
  const day = dayOfPart(part, year, month);
  return day === null ? null : { date: formatPlainDate({ year, month, day }), precision: 'approx' };
}

/** A month named without a year: this year's, or last year's while that month is still to come. */
function lastOccurrence(month: number, today: string): { year: number; month: number } {
  const { year, month: now } = parsePlainDate(today);
  return { year: month > now ? year - 1 : year, month };
}

const NUM = '[0-9零〇一二两三四五六七八九十半]+';
const EN_NUM = '\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half a';
const CN_PART = '(上旬|中旬|下旬|月初|月底|月末|初|底|末)?';
const EN_PART = '(?:(early|mid|late|the beginning of|beginning of|the start of|start of|the middle of|middle of|the end of|end of)[ -]?)?';

const CN_YEAR_MONTH = new RegExp(`^(今年|去年|前年)(${NUM})月份?${CN_PART}$`, 'u');
const CN_MONTH_PART = new RegExp(`^(?:(${NUM})年)?(${NUM})月份?(上旬|中旬|下旬|初|底|末)$`, 'u');
const CN_MONTH_SHIFT = new RegExp(`^(这个月|本月|上个月|上月|上上个月|(${NUM})个月(?:前|以前|之前))${CN_PART}$`, 'u');
const CN_AGO = new RegExp(`^(${NUM})(天|日|周|个?星期|个?礼拜|个?月|年)(?:前|以前|之前)$`, 'u');
const CN_LAST_WEEK = /^(上周|上个?星期|上个?礼拜)$/u;
const EN_AGO = new RegExp(`^(${EN_NUM}) (day|week|month|year)s? ago$`);
const EN_MONTH_SHIFT = new RegExp(`^${EN_PART}(this month|last month|the month before last)$`);
const EN_MONTH_NAME = new RegExp(`^${EN_PART}(?:(last|this) )?([a-z]+)\\.?(?: (\\d{1,2})(?:st|nd|rd|th)?)?,?(?: (\\d{4}))?$`);
const EN_DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?,?(?: (\d{4}))?$/;

function ago(amount: number, unit: string, today: string): RelativeDate {
  if (/^(天|日|day)$/.test(unit)) return { date: addDays(today, -amount), precision: 'approx' };
  if (/^(周|个?星期|个?礼拜|week)$/.test(unit)) return { date: addDays(today, -Math.round(7 * amount)), precision: 'approx' };
  if (/^(个?月|month)$/.test(unit)) return { date: amount === 0.5 ? addDays(today, -15) : addMonthsClamped(today, -amount), precision: 'approx' };
  return { date: amount === 0.5 ? addMonthsClamped(today, -6) : addMonthsClamped(today, -12 * amount), precision: 'approx' };
}

function withDay(year: number, month: number, day: string | undefined): RelativeDate {
  if (day === undefined) return monthResult(year, month, undefined);
  const date = formatPlainDate({ year, month, day: Number(day) });
  return Number(day) >= 1 && Number(day) <= daysInMonth(year, month) ? { date, precision: 'day' } : { invalid: true };
}

function english(said: string, today: string): RelativeDate {
  const agoMatch = EN_AGO.exec(said);
  if (agoMatch) return ago(readNumber((agoMatch[1] ?? '').replace('half a', 'half')) ?? 0, agoMatch[2] ?? '', today);
  if (said === 'last week') return { date: addDays(today, -7), precision: 'approx' };
  const shift = EN_MONTH_SHIFT.exec(said);
  if (shift) {
    const back = shift[2] === 'this month' ? 0 : shift[2] === 'last month' ? -1 : -2;
    const { year, month } = parsePlainDate(addMonthsClamped(today, back));
    return monthResult(year, month, shift[1]);
  }
  const dayFirst = EN_DAY_MONTH.exec(said);
  const named = dayFirst ? null : EN_MONTH_NAME.exec(said);
  const monthWord = dayFirst ? dayFirst[2] : named?.[3];
  const month = monthWord ? englishMonth(monthWord) : null;
  if (month === null) return null;
  const yearText = dayFirst ? dayFirst[3] : named?.[5];
  const when = yearText ? { year: Number(yearText), month } : lastOccurrence(month, today);
  const year = named?.[2] === 'this' ? parsePlainDate(today).year : when.year;
  const day = dayFirst ? dayFirst[1] : named?.[4];
  if (named?.[1]) return day === undefined ? monthResult(year, month, named[1]) : null;
  return withDay(year, month, day);
}

/**
 * Reads the relative and partial dates people say, relative to `today`. Returns null when the words are not
 * one of these forms (the caller tries the exact forms), `{ invalid: true }` for a month or day that does not exist.
 */
export function readRelativeDate(said: string, today: string): RelativeDate {
  const { year: thisYear } = parsePlainDate(today);
  const yearMonth = CN_YEAR_MONTH.exec(said);
  if (yearMonth) {
    const back = yearMonth[1] === '今年' ? 0 : yearMonth[1] === '去年' ? 1 : 2;
    return monthResult(thisYear - back, readNumber(yearMonth[2] ?? '') ?? 0, yearMonth[3]);
  }
  const monthPart = CN_MONTH_PART.exec(said);
  if (monthPart) {
    const month = readNumber(monthPart[2] ?? '') ?? 0;
    const year = monthPart[1] === undefined ? lastOccurrence(month, today).year : (readNumber(monthPart[1]) ?? 0);
    return monthResult(year, month, monthPart[3]);
  }
  const shift = CN_MONTH_SHIFT.exec(said);
  if (shift) {
    const word = shift[1] ?? '';
    const back = shift[2] !== undefined ? (readNumber(shift[2]) ?? 0) : word === '上上个月' ? 2 : word.startsWith('上') ? 1 : 0;
    if (shift[2] !== undefined && !shift[3]) return ago(back, '月', today);
    if (!Number.isInteger(back)) return null;
    const { year, month } = parsePlainDate(addMonthsClamped(today, -back));
    return monthResult(year, month, shift[3]);
  }
  const agoMatch = CN_AGO.exec(said);
  if (agoMatch) return ago(readNumber(agoMatch[1] ?? '') ?? 0, agoMatch[2] ?? '', today);
  if (CN_LAST_WEEK.test(said)) return { date: addDays(today, -7), precision: 'approx' };
  return /^[a-z0-9 ,.'-]+$/.test(said) ? english(said, today) : null;
}
