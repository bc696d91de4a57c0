// Answer parsers for the rest of the registration form (SPEC §1.12): places, the day unemployment began,
// free-text skills and wishes. Domain rules in, slot values and locale error keys out.
import { compareDates, isValidPlainDate, parsePlainDate } from '../../domain/dates/plain-date.ts';
import { parseSpokenDate } from '../../domain/dates/parse-spoken-date.ts';
import { parsePlaceName } from '../../domain/registration/place-name.ts';
import type { Params, ParseContext, ParseResult, Slots } from '../dialog-types.ts';

/** Longest free-text answer kept (skills, job wanted): a phone-screen line or two. */
const FREE_TEXT_MAX_CHARS = 100;

export function placeAnswer(input: string): ParseResult {
  const place = parsePlaceName(input);
  return place.valid ? { ok: true, value: place.normalized } : { ok: false, error: `errors.place.${place.reason}` };
}

/** 常住地: the "same as 户籍地" button, or a place typed in. */
export function residenceAnswer(input: string): ParseResult {
  if (input === 'same') return { ok: true, value: 'same' };
  return placeAnswer(input);
}

/** Free text such as skills or the job wanted; "无" (none) is a fine answer. */
export function freeTextAnswer(input: string): ParseResult {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, error: 'errors.text.empty' };
  if ([...text].length > FREE_TEXT_MAX_CHARS) return { ok: false, error: 'errors.text.too_long', params: { max: FREE_TEXT_MAX_CHARS } };
  return { ok: true, value: text };
}

/** The day unemployment began (SPEC §1.12 "Job loss"): a real day, not after today, not before birth. */
export function unemployedSinceAnswer(input: string, ctx: ParseContext): ParseResult {
  const read = parseSpokenDate(input, ctx.today);
  if (!read.ok) return { ok: false, error: `errors.unemployedSince.${read.reason}` };
  if (compareDates(read.date, ctx.today) > 0) return { ok: false, error: 'errors.unemployedSince.future' };
  const birthDate = ctx.slots.birthDate;
  if (typeof birthDate === 'string' && compareDates(read.date, birthDate) < 0) return { ok: false, error: 'errors.unemployedSince.before_birth' };
  return { ok: true, value: read.date, derived: { unemployedSincePrecision: read.precision } };
}

/**
 * Said after a month-only or approximate date ("去年十月", "上个月中旬"): which day was recorded, and how to
 * correct it, so a guessed day is never stored without a word.
 */
export function assumedDateNotice(slots: Slots): { key: string; params: Params } | undefined {
  const date = slots.unemployedSince;
  if (slots.unemployedSincePrecision === 'day' || typeof date !== 'string' || !isValidPlainDate(date)) return undefined;
  const { year, month, day } = parsePlainDate(date);
  return { key: 'registration.unemployedSince.assumed', params: { year, month, day, date } };
}
