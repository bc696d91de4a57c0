// Answer parsers of the hardship pre-screen, and the bridge from its slots to the domain: the profile the
// answers make, and which profile field the region pack still needs (nextHardshipQuestions).
import { nextHardshipQuestions } from '../../domain/hardship/next-hardship-questions.ts';
import { HARDSHIP_PROFILE_FIELDS, hardshipProfileSchema, type HardshipProfile, type HardshipProfileField } from '../../domain/hardship/hardship-profile.ts';
import { parseSpokenDate } from '../../domain/dates/parse-spoken-date.ts';
import { compareDates, endOfMonth } from '../../domain/dates/plain-date.ts';
import type { DialogEnv, ParseContext, ParseResult, Slots } from '../dialog-types.ts';
import { idNumberAnswer } from './identity-answers.ts';
import { trimTrailing } from '../trim-trailing.ts';

/** Button values: "不清楚" and "不方便提供" both store `null`, i.e. asked but not known. */
export const UNKNOWN_ANSWER = 'unknown';
export const SKIP_ANSWER = 'skip';

const YES_WORDS = new Set(['yes', 'y', '是', '是的', '有', '对', '对的', '属于']);
const NO_WORDS = new Set(['no', 'n', '否', '不是', '没有', '无', '不属于', '不']);
const UNKNOWN_WORDS = new Set([UNKNOWN_ANSWER, '不清楚', '不知道', '不确定', '不记得', '说不清', 'not sure', "don't know", 'dont know']);

function said(input: string): string {
  return trimTrailing(input.normalize('NFKC').trim().toLowerCase(), '。.!！');
}

/** 是 / 否 / 不清楚 → true / false / null (null: asked, unknown; the category stays `unknown`). */
export function yesNoUnknownAnswer(input: string): ParseResult {
  const text = said(input);
  if (YES_WORDS.has(text)) return { ok: true, value: true };
  if (NO_WORDS.has(text)) return { ok: true, value: false };
  if (UNKNOWN_WORDS.has(text)) return { ok: true, value: null };
  return { ok: false, error: 'engine.pickAChoice' };
}

/**
 * The start of a spell (registration, unemployment, benefit) as YYYY-MM-DD, never after today.
 * A month without a day counts from its last day (capped at today), so a spell is never made longer than
 * the person said: e.g. "2024年9月" may be 2024-09-30. @productDecision HARDSHIP_MONTH_ONLY_DATE
 */
export function spellStartAnswer(input: string, ctx: ParseContext): ParseResult {
  if (UNKNOWN_WORDS.has(said(input))) return { ok: true, value: null };
  const date = parseSpokenDate(input, ctx.today);
  if (!date.ok) return { ok: false, error: `hardship.errors.date.${date.reason}` };
  if (compareDates(date.date, ctx.today) > 0) return { ok: false, error: 'hardship.errors.date.future' };
  const conservative = date.precision === 'month' ? endOfMonth(date.date) : date.date;
  return { ok: true, value: compareDates(conservative, ctx.today) > 0 ? ctx.today : conservative };
}

/** The ID number for age-based categories (reuses the registration check); "不方便提供" leaves it unknown. */
export function hardshipIdNumberAnswer(input: string, ctx: ParseContext): ParseResult {
  const text = said(input);
  if (text === SKIP_ANSWER || UNKNOWN_WORDS.has(text)) return { ok: true, value: null };
  return idNumberAnswer(input, ctx);
}

const RETIREMENT_ANSWERS = new Set(['FEMALE_50', 'FEMALE_55']);

/** A woman's last post type decides her statutory age (SPEC §2.8); "不清楚" leaves it to a caseworker. */
export function retirementCategoryAnswer(input: string): ParseResult {
  const text = input.normalize('NFKC').trim();
  if (RETIREMENT_ANSWERS.has(text)) return { ok: true, value: text };
  if (UNKNOWN_WORDS.has(said(text))) return { ok: true, value: null };
  return { ok: false, error: 'engine.pickAChoice' };
}

/** The hardship profile the answers so far make: unanswered and "不清楚" fields are absent. */
export function hardshipProfileOf(slots: Slots): HardshipProfile {
  const known = Object.fromEntries(HARDSHIP_PROFILE_FIELDS.flatMap((f) => (slots[f] === undefined || slots[f] === null ? [] : [[f, slots[f]]])));
  const parsed = hardshipProfileSchema.safeParse(known);
  return parsed.success ? parsed.data : {};
}

/** True when the person's region pack lists hardship categories the bot can pre-screen. */
export function packHasCategories(env: DialogEnv): boolean {
  return env.policy.pack.hardship.categories.length > 0;
}

/** The next field the region pack still needs (domain order), skipping fields already asked. */
export function nextHardshipField(slots: Slots, env: DialogEnv): HardshipProfileField | undefined {
  if (!packHasCategories(env)) return undefined;
  return nextHardshipQuestions(env.policy.pack, hardshipProfileOf(slots), env.today).find((f) => slots[f] === undefined);
}

/** Fields the person was asked and answered "不清楚" (or chose not to give). */
export function unknownAnswersOf(slots: Slots): HardshipProfileField[] {
  return HARDSHIP_PROFILE_FIELDS.filter((f) => slots[f] === null);
}
