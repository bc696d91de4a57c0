// Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) as published, in plain text,
// into holiday and make-up working days, checking the notice against itself. Pure: text in, facts and coded
// errors (with line numbers) out; the wording of errors lives with the caller.
import { addDays, compareDates, isValidPlainDate, weekdayOf } from '../dates/plain-date.ts';
import { DATE_TOKEN_SOURCE, dateTokenOf, resolveDateToken, type DateTokenProblem, type NoticeDateToken } from './notice-date-token.ts';

export const NOTICE_ERROR_CODES = [
  'year_missing', 'issue_date_missing', 'no_festivals', 'unparsable_line', 'month_missing', 'outside_year', 'invalid_date',
  'weekday_mismatch', 'count_mismatch', 'span_reversed', 'workday_not_weekend', 'duplicate_date', 'holiday_and_workday',
] as const;
export type NoticeErrorCode = (typeof NOTICE_ERROR_CODES)[number];

/** One reason to refuse the notice; `line` is 1-based in the text as given. */
export interface NoticeError { line: number; code: NoticeErrorCode; params: Record<string, string | number> }

export interface ParsedHolidayNotice {
  year: number | null;
  /** The title line as written, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  title: string | null;
  /** e.g. 国办发明电〔2025〕7号, when the notice shows it. */
  documentNumber: string | null;
  /** The date under the signature (YYYY-MM-DD). */
  issuedOn: string | null;
  /** Every day of every 放假 span, weekends inside a span included; sorted, unique. */
  holidays: string[];
  /** Make-up working days (调休上班日); sorted, unique. */
  workdays: string[];
  errors: NoticeError[];
}

interface Line { number: number; text: string }
interface Collected { holidays: Map<string, number>; workdays: Map<string, number>; errors: NoticeError[] }

const TITLE = /关于(\d{4})年部分节假日安排的通知/;
const DOCUMENT_NUMBER = /^国办发明电[〔[【(（]\d{4}[〕\]】)）]\d+号$/;
const ISSUE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const FESTIVAL = /^[一二三四五六七八九十]+、([^：]+)：(.+)$/;
const SPAN = new RegExp(`^(${DATE_TOKEN_SOURCE})(?:至(${DATE_TOKEN_SOURCE}))?放假(?:调休)?(.*)$`);
const WORKDAY_TOKEN = new RegExp(`(${DATE_TOKEN_SOURCE})`, 'g');

/** Full-width digits and punctuation to the forms the patterns expect; spaces removed (none carry meaning). */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：').replace(/,/g, '，').replace(/;/g, '；')
    .replace(/[\s\u3000]+/g, '');
}

function problemError(line: number, token: NoticeDateToken, p: DateTokenProblem): NoticeError {
  const params: Record<string, string | number> = { text: token.text };
  if (p.problem === 'weekday_mismatch') Object.assign(params, { date: p.date, written: p.written, actual: p.actual });
  return { line, code: p.problem, params };
}

/** Adds the weekend days next to a span (与周末连休: the notice names the festival day, the weekend joins it). */
function withAdjoiningWeekend(first: string, last: string): { first: string; last: string } {
  const isWeekend = (d: string) => weekdayOf(d) === 0 || weekdayOf(d) === 6;
  let [from, to] = [first, last];
  while (isWeekend(addDays(from, -1))) from = addDays(from, -1);
  while (isWeekend(addDays(to, 1))) to = addDays(to, 1);
  return { first: from, last: to };
}

/** "1月1日（周四）至3日（周六）放假调休，共3天" and its variants; false if the sentence has another shape. */
function readSpan(sentence: string, line: number, year: number, into: Collected): boolean {
  const m = SPAN.exec(sentence);
  if (m === null) return false;
  const rest = (m[11] ?? '').split('，').filter((part) => part !== '');
  let stated: number | null = null;
  let joinWeekend = false;
  for (const part of rest) {
    const count = /^共?(\d+)天$/.exec(part);
    if (count) stated = Number(count[1]);
    else if (part === '与周末连休') joinWeekend = true;
    else if (part !== '不调休') return false;
  }
  if (stated === null && !joinWeekend) return false;
  const startToken = dateTokenOf(m.slice(1, 6));
  const endToken = m[6] === undefined ? null : dateTokenOf(m.slice(6, 11));
  const start = resolveDateToken(startToken, year, null);
  const end = endToken === null ? start : resolveDateToken(endToken, year, startToken.month);
  if ('problem' in start) into.errors.push(problemError(line, startToken, start));
  if (endToken !== null && 'problem' in end) into.errors.push(problemError(line, endToken, end));
  if ('problem' in start || 'problem' in end) return true;
  if (compareDates(start.date, end.date) > 0) {
    into.errors.push({ line, code: 'span_reversed', params: { from: start.date, to: end.date } });
    return true;
  }
  const span = joinWeekend ? withAdjoiningWeekend(start.date, end.date) : { first: start.date, last: end.date };
  const days: string[] = [];
  for (let d = span.first; compareDates(d, span.last) <= 0; d = addDays(d, 1)) days.push(d);
  if (stated !== null && stated !== days.length) {
    into.errors.push({ line, code: 'count_mismatch', params: { stated, actual: days.length, from: span.first, to: span.last } });
    return true;
  }
  for (const d of days) {
    if (into.holidays.has(d)) into.errors.push({ line, code: 'duplicate_date', params: { date: d, other: into.holidays.get(d) ?? 0 } });
    else into.holidays.set(d, line);
  }
  return true;
}

/** "1月26日（周日）、2月8日（周六）上班"; false if the sentence has another shape. */
function readWorkdays(sentence: string, line: number, year: number, into: Collected): boolean {
  if (!sentence.endsWith('上班')) return false;
  const matches = [...sentence.slice(0, -2).matchAll(WORKDAY_TOKEN)];
  const leftover = sentence.slice(0, -2).replace(WORKDAY_TOKEN, '').replace(/、/g, '');
  if (matches.length === 0 || leftover !== '') return false;
  let month: number | null = null;
  for (const match of matches) {
    const token = dateTokenOf(match.slice(1, 6));
    const resolved = resolveDateToken(token, year, month);
    month = token.month ?? month;
    if ('problem' in resolved) {
      into.errors.push(problemError(line, token, resolved));
      continue;
    }
    const weekday = weekdayOf(resolved.date);
    if (weekday !== 0 && weekday !== 6) into.errors.push({ line, code: 'workday_not_weekend', params: { date: resolved.date } });
    else if (into.workdays.has(resolved.date)) into.errors.push({ line, code: 'duplicate_date', params: { date: resolved.date, other: into.workdays.get(resolved.date) ?? 0 } });
    else into.workdays.set(resolved.date, line);
  }
  return true;
}

function readFestival(body: string, line: number, year: number, into: Collected): void {
  for (const sentence of body.split('。').filter((s) => s !== '')) {
    const understood = sentence.includes('放假') ? readSpan(sentence, line, year, into) : readWorkdays(sentence, line, year, into);
    if (!understood) into.errors.push({ line, code: 'unparsable_line', params: { text: sentence } });
  }
}

/**
 * Parses a notice. Every day of each 放假 span is a holiday (weekends inside included); each span's day count
 * must equal its 共N天, each written weekday must match its date, make-up days (上班) must be Saturdays or
 * Sundays, and no date may appear twice. The result is usable only when `errors` is empty.
 */
export function parseHolidayNotice(text: string): ParsedHolidayNotice {
  const lines: Line[] = text.split(/\r?\n/).map((raw, i) => ({ number: i + 1, text: normalize(raw) })).filter((l) => l.text !== '');
  const into: Collected = { holidays: new Map(), workdays: new Map(), errors: [] };
  const titleLine = lines.find((l) => TITLE.test(l.text));
  const year = titleLine ? Number(TITLE.exec(titleLine.text)?.[1]) : null;
  const documentNumber = lines.find((l) => DOCUMENT_NUMBER.test(l.text))?.text ?? null;
  const lastLine = lines.at(-1)?.number ?? 1;
  const dateLine = [...lines].reverse().find((l) => ISSUE_DATE.test(l.text));
  const dateParts = dateLine ? ISSUE_DATE.exec(dateLine.text) : null;
  const written = dateParts ? `${dateParts[1]}-${dateParts[2]?.padStart(2, '0')}-${dateParts[3]?.padStart(2, '0')}` : null;
  const issuedOn = written !== null && isValidPlainDate(written) ? written : null;

  if (year === null) into.errors.push({ line: lines[0]?.number ?? 1, code: 'year_missing', params: {} });
  if (issuedOn === null) into.errors.push({ line: lastLine, code: 'issue_date_missing', params: {} });
  let festivals = 0;
  for (const l of lines) {
    const festival = FESTIVAL.exec(l.text);
    if (festival) {
      festivals += 1;
      if (year !== null) readFestival(festival[2] ?? '', l.number, year, into);
    } else if (l !== dateLine && /\d{1,2}日/.test(l.text) && /放假|上班/.test(l.text)) {
      into.errors.push({ line: l.number, code: 'unparsable_line', params: { text: l.text } });
    }
  }
  if (festivals === 0) into.errors.push({ line: lastLine, code: 'no_festivals', params: {} });
  for (const [date, line] of into.workdays) {
    if (into.holidays.has(date)) into.errors.push({ line, code: 'holiday_and_workday', params: { date } });
  }
  into.errors.sort((a, b) => a.line - b.line);
  return {
    year,
    title: titleLine?.text ?? null,
    documentNumber,
    issuedOn,
    holidays: [...into.holidays.keys()].sort(),
    workdays: [...into.workdays.keys()].sort(),
    errors: into.errors,
  };
}
