// Reads a date as people type it in a chat ("2025/3/1", "3月1日", "上个月", "二〇二五年三月五日") into a
// plain 'YYYY-MM-DD'. Pure: "today" is an argument; a month without a day means its first day. Relative and
// partial dates ("去年十月", "上个月中旬", "3 weeks ago", "October 2025") are read by relative-spoken-date.
import { addDays, addMonthsClamped, formatPlainDate, isValidPlainDate, parsePlainDate } from './plain-date.ts';
import { readNumber, readRelativeDate, type DatePrecision } from './relative-spoken-date.ts';

export type SpokenDate =
  | { ok: true; date: string; precision: DatePrecision }
  | { ok: false; reason: 'format' | 'invalid_date' };

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
  const said = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/[。.!！]$/u, '').replace(/(的时候|开始|起|左右)$/u, '')
    .replace(/^(大概|大约|差不多|约|在|是|about|around|in|on|since) ?/u, '').trim();
  const relative = RELATIVE[said];
  if (relative) return relative(today);
  const spoken = readRelativeDate(said.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ''), today);
  if (spoken) return 'invalid' in spoken ? { ok: false, reason: 'invalid_date' } : { ok: true, ...spoken };
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
