// Masks resident ID numbers, mainland mobile numbers (and any other long digit string) inside free text, read
// the way the parsers read them (normalize-digits): digits of any script, groups split by spaces or dashes,
// a +86 country code. One linear pass; the text around a number is kept as typed.
import { foldNumberChar, isDigitSeparator, withoutCountryCode } from '../domain/identity/normalize-digits.ts';
import { maskIdNumber } from '../domain/identity/id-number.ts';
import { maskMobileNumber } from '../domain/contact/mobile-number.ts';

/** A number longer than any we recognise is a card or account number: masked too. */
const LONG_NUMBER_DIGITS = 11;
/** The longest number recognised (no number we mask is longer). */
const MAX_NUMBER_CHARS = 18;
/** Mobile (11), with 86 / 0086 (13, 15), ID numbers (15, 18): the only lengths worth testing. */
const NUMBER_LENGTHS = new Set([11, 13, 15, 18]);

const ANY_DIGIT = /\p{Nd}/u;

interface Group {
  /** Index (in code points) of the first and one past the last character of the group. */
  start: number;
  end: number;
  digits: string;
}

/**
 * The ids this service makes (randomUUID): kept as they are. Their digits, read across the dashes, can look like an
 * ID number (`b929-532731974635` holds 15 digits), and a masked case id in an audit record no longer finds its case.
 */
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** `330302199005151235` → `3303************35`; `138 1234 5678` → `138****5678`; full-width and 𝟏𝟑𝟖 digits too. */
export function maskPersonalNumbers(text: string): string {
  if (!ANY_DIGIT.test(text)) return text;
  // split with a capturing group: the UUIDs are at the odd places.
  return text.split(UUID).map((part, i) => (i % 2 === 1 ? part : maskNumbers(part))).join('');
}

function maskNumbers(text: string): string {
  if (!ANY_DIGIT.test(text)) return text;
  const chars = [...text];
  const folded = chars.map(foldNumberChar);
  const isDigit = (i: number): boolean => i < folded.length && isAsciiDigit(folded[i] ?? '');
  let out = '';
  let i = 0;
  while (i < chars.length) {
    if (!isDigit(i) && !(chars[i] === '+' && isDigit(i + 1))) {
      out += chars[i];
      i += 1;
      continue;
    }
    const plus = chars[i] === '+';
    const groups = groupsFrom(plus ? i + 1 : i, chars, folded, isDigit);
    out += maskRun(groups, chars, plus);
    i = groups.at(-1)?.end ?? i + 1;
  }
  return out;
}

/** Digit groups starting at `start`, joined by runs of separators; an `X` may close a group (ID numbers). */
function groupsFrom(start: number, chars: readonly string[], folded: readonly string[], isDigit: (i: number) => boolean): Group[] {
  const groups: Group[] = [];
  let i = start;
  for (;;) {
    const groupStart = i;
    let digits = '';
    while (isDigit(i)) digits += folded[i++];
    if (folded[i] === 'X' && !isWordChar(folded[i + 1])) digits += folded[i++];
    groups.push({ start: groupStart, end: i, digits });
    if (digits.endsWith('X')) return groups;
    let next = i;
    while (next < chars.length && isDigitSeparator(chars[next] ?? '')) next += 1;
    if (next === i || !isDigit(next)) return groups;
    i = next;
  }
}

/** The run's text with every recognised number (several groups may make one) masked, left to right; a leading `+` goes with a country code. */
function maskRun(groups: readonly Group[], chars: readonly string[], plus: boolean): string {
  const raw = (from: number, to: number) => chars.slice(from, to).join('');
  let out = plus && !longestNumber(groups, 0) ? '+' : '';
  let a = 0;
  while (a < groups.length) {
    const first = groups[a];
    if (!first) break;
    const found = longestNumber(groups, a);
    if (found) {
      out += found.masked;
      const last = groups[found.to];
      a = found.to + 1;
      const next = groups[a];
      if (last && next) out += raw(last.end, next.start);
      continue;
    }
    const next = groups[a + 1];
    out += (first.digits.length >= LONG_NUMBER_DIGITS ? maskLongNumber(first.digits) : raw(first.start, first.end)) + (next ? raw(first.end, next.start) : '');
    a += 1;
  }
  return out;
}

/** The most groups from `a` on that together read as an ID or mobile number, and its mask. */
function longestNumber(groups: readonly Group[], a: number): { to: number; masked: string } | null {
  let joined = '';
  let best: { to: number; masked: string } | null = null;
  for (let b = a; b < groups.length; b += 1) {
    joined += groups[b]?.digits ?? '';
    if (joined.length > MAX_NUMBER_CHARS) break;
    if (!NUMBER_LENGTHS.has(joined.length)) continue;
    const masked = maskedNumber(joined);
    if (masked !== null) best = { to: b, masked };
  }
  return best;
}

/** The mask of a whole number (ID 18/15, mobile with or without +86), or null when it is none of them. */
function maskedNumber(digits: string): string | null {
  if (/^\d{17}[\dX]$/.test(digits) || /^\d{15}$/.test(digits)) return maskIdNumber(digits);
  const mobile = withoutCountryCode(digits);
  if (/^1[3-9]\d{9}$/.test(mobile)) return maskMobileNumber(mobile);
  return null;
}

/** Any other digit string of 11 or more: only its first 3 and last 2 digits are kept. */
function maskLongNumber(digits: string): string {
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
}

function isAsciiDigit(c: string): boolean {
  return c.length === 1 && c >= '0' && c <= '9';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Za-z]$/.test(c);
}
