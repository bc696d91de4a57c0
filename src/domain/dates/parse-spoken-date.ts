// Reads a date as people type it in a chat ("2025/3/1", "3月1日", "上个月", "二〇二五年三月五日") into a
// plain 'YYYY-MM-DD'. Pure: "today" is an argument; a month without a day means its first day.
import { addDays, addMonthsClamped, formatPlainDate, isValidPlainDate, parsePlainDate } from './plain-date.ts';

export type SpokenDate =
  | { ok: true; date: string; precision: 'day' | 'month' }
  | { ok: false; reason: 'format' | 'invalid_date' };

const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2025", "二零二五", "十二", "二十一", "3" → number; null if not a number. */
function readNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const chars = [...text];
  if (chars.length === 0 || !chars.every((c) => c in CN_DIGITS || c === '十')) return null;
  const ten = chars.indexOf('十');
  if (ten < 0) return chars.reduce((n, c) => n * 10 + (CN_DIGITS[c] ?? 0), 0);
  if (chars.lastIndexOf('十') !== ten || ten > 1 || chars.length > 3) return null;
  const tens = ten === 0 ? 1 : (CN_DIGITS[chars[0] ?? ''] ?? 0);
  const ones = chars[ten + 1] === undefined ? 0 : (CN_DIGITS[chars[ten + 1] ?? ''] ?? 0);
  return tens * 10 + ones;
}

function build(year: number, month: number, day: number | null): SpokenDate {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return { ok: false, reason: 'invalid_date' };
  const date = formatPlainDate({ year, month, day: day ?? 1 });
  if (!isValidPlainDate(date)) return { ok: false, reason: 'invalid_date' };
  return { ok: true, date, precision: day === null ? 'month' : 'day' };
}

const RELATIVE: Readonly<Record<string, (today: string) => SpokenDate>> = {
  今天: (t) => ({ ok: true, date: t, precision: 'day' }),
  today: (t) => ({ ok: true, date: t, precision: 'day' }),
  昨天: (t) => ({ ok: true, date: addDays(t, -1), precision: 'day' }),
  yesterday: (t) => ({ ok: true, date: addDays(t, -1), precision: 'day' }),
  前天: (t) => ({ ok: true, date: addDays(t, -2), precision: 'day' }),
  这个月: (t) => ({ ok: true, date: `${t.slice(0, 8)}01`, precision: 'month' }),
  本月: (t) => ({ ok: true, date: `${t.slice(0, 8)}01`, precision: 'month' }),
  'this month': (t) => ({ ok: true, date: `${t.slice(0, 8)}01`, precision: 'month' }),
  上个月: (t) => ({ ok: true, date: `${addMonthsClamped(t, -1).slice(0, 8)}01`, precision: 'month' }),
  上月: (t) => ({ ok: true, date: `${addMonthsClamped(t, -1).slice(0, 8)}01`, precision: 'month' }),
  'last month': (t) => ({ ok: true, date: `${addMonthsClamped(t, -1).slice(0, 8)}01`, precision: 'month' }),
};

const NUM = '[0-9零〇一二两三四五六七八九十]+';
const NUMERIC = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/;
const CHINESE = new RegExp(`^(?:(${NUM})年)?(${NUM})月份?(?:(${NUM})[日号])?$`, 'u');

/**
 * Reads `text` as a calendar date relative to `today` ('YYYY-MM-DD'). Accepted: 2025-03-01, 2025/3/1, 2025.3.1,
 * 2025-03 and 2025年3月(1日|1号), with Arabic, full-width or Chinese numerals (二零二五年三月五日); 3月1日 without
 * a year (this year, or last year if that day is still to come); 今天/昨天/前天/这个月/上个月 and their English
 * words. A month without a day is the 1st of it. Not checked here: whether the date is in the past.
 */
export function parseSpokenDate(text: string, today: string): SpokenDate {
  const said = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/(开始|起|左右)$/u, '').replace(/[。.!！]$/u, '');
  const relative = RELATIVE[said];
  if (relative) return relative(today);
  const numeric = NUMERIC.exec(said);
  if (numeric) return build(Number(numeric[1]), Number(numeric[2]), numeric[3] === undefined ? null : Number(numeric[3]));
  const chinese = CHINESE.exec(said.replace(/\s/g, ''));
  if (!chinese) return { ok: false, reason: 'format' };
  const [, y, m, d] = chinese;
  const month = readNumber(m ?? '');
  const day = d === undefined ? null : readNumber(d);
  if (month === null || (d !== undefined && day === null)) return { ok: false, reason: 'format' };
  if (y !== undefined) {
    const year = readNumber(y);
    if (year === null || year < 1000) return { ok: false, reason: 'format' };
    return build(year, month, day);
  }
  const thisYear = parsePlainDate(today).year;
  const guess = build(thisYear, month, day);
  if (guess.ok && guess.date > today) return build(thisYear - 1, month, day);
  return guess;
}
