// Answers to the monthly follow-up question (R1.4.4: the person reports their own job search and status, or says
// they do not need the service this time), and the deregistration facts (R1.9) each answer records for a caseworker.
import type { DeregistrationFacts } from '../../domain/deregistration/deregistration-ground.ts';
import type { ParseContext, ParseResult } from '../dialog-types.ts';
import { normalizeInput } from '../global-commands.ts';
import { trimTrailing } from '../trim-trailing.ts';

/** `refused_service` ("不需要服务", the service offered is declined this time) is the ledger outcome three of which in
 * a row make the REFUSED_SERVICES fact (report-outreach-facts.ts); it is not "stop the monthly messages". */
export const FOLLOW_UP_SITUATIONS = ['looking', 'hired', 'self_employed', 'school', 'military', 'other', 'refused_service'] as const;
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

/** Choices about the monthly messages themselves (R1.4.2), not a situation. */
export const FOLLOW_UP_PREFERENCE_ANSWERS = ['stop_monthly', 'resume_monthly'] as const;
export type FollowUpPreferenceAnswer = (typeof FOLLOW_UP_PREFERENCE_ANSWERS)[number];

export type FollowUpAnswer = FollowUpSituation | FollowUpPreferenceAnswer;
const ANSWERS: readonly string[] = [...FOLLOW_UP_SITUATIONS, ...FOLLOW_UP_PREFERENCE_ANSWERS];

export function isFollowUpAnswer(value: unknown): value is FollowUpAnswer {
  return typeof value === 'string' && ANSWERS.includes(value);
}

/**
 * The facts a self-report puts on record (R1.9: hired; self-employed or founded a business; entered school;
 * military service). Only facts: the grounds are assessed per region and a caseworker confirms them.
 * @productDecision BOT_NEVER_DEREGISTERS
 */
export const DEREGISTRATION_FACTS_OF: Readonly<Record<FollowUpSituation, DeregistrationFacts | null>> = {
  looking: null,
  hired: { hired: true },
  self_employed: { selfEmployedOrFoundedBusiness: true },
  school: { enteredSchool: true },
  military: { militaryService: true },
  other: null,
  // One refusal is no fact: the scheduler counts refusals in a row (R1.9 Z ground 8; W forbids it as the sole ground).
  refused_service: null,
};

/**
 * A choice value, the words of a situation ("我找到工作了", exact, so "没找到工作" is never a job), or words
 * anywhere in the message that mean "stop the monthly messages" / "turn them back on".
 */
export function followUpAnswer(input: string, ctx: ParseContext): ParseResult {
  const said = trimTrailing(normalizeInput(input).toLowerCase(), '。.!！,，');
  if (ANSWERS.includes(said)) return { ok: true, value: said };
  const phrases = (key: string): string[] => (ctx.phrases?.(`followUp.phrases.${key}`) ?? []).map((p) => p.toLowerCase());
  const situation = FOLLOW_UP_SITUATIONS.find((s) => phrases(s).includes(said));
  if (situation) return { ok: true, value: situation };
  const mentions = (key: string): boolean => phrases(key).some((p) => said === p || (p.length >= 2 && said.includes(p)));
  if (mentions('resume')) return { ok: true, value: 'resume_monthly' };
  if (mentions('stop')) return { ok: true, value: 'stop_monthly' };
  return { ok: false, error: 'engine.pickAChoice' };
}
