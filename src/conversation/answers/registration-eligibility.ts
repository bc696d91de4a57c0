// Asks the domain whether the person in a registration dialog may register as unemployed (R1.1.1), from the
// slots collected so far: birth date and sex from the ID number, the women's track from the last job type.
import { assessRegistrationEligibility, type RegistrationEligibility } from '../../domain/registration/assess-registration-eligibility.ts';
import { creditPromiseDeadline } from '../../domain/follow-up/credit-promise-deadline.ts';
import type { RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';
import type { DialogEnv, ParseContext, ParseResult, Slots } from '../dialog-types.ts';

export const JOB_TYPES = ['FEMALE_55', 'FEMALE_50', 'unknown'] as const;

function categoryOf(slots: Slots): RetirementCategory | undefined {
  if (slots.sex === 'M') return 'MALE';
  return slots.jobType === 'FEMALE_55' || slots.jobType === 'FEMALE_50' ? slots.jobType : undefined;
}

/**
 * R1.1.1 (16 full years to the person's own statutory age, SPEC §2.8) for the slots so far. Applying is the
 * wish to work; "no job" is checked later by the office against the HRSS system (Z §一(一)).
 */
export function registrationEligibility(slots: Slots, env: DialogEnv): RegistrationEligibility {
  const birthDate = typeof slots.birthDate === 'string' ? slots.birthDate : undefined;
  const sex = slots.sex === 'M' || slots.sex === 'F' ? slots.sex : undefined;
  const category = categoryOf(slots);
  return assessRegistrationEligibility(
    { ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}), ...(category ? { retirementCategory: category } : {}), wantsWork: true, employed: false, asOf: env.today },
    env.policy.pack,
  );
}

/** The clause behind the age outcome (UNDER_16 / OVER_STATUTORY_AGE / WORKING_AGE). */
export function ageSourceOf(result: RegistrationEligibility): string {
  return result.reasons.find((r) => r.code !== 'WANTS_WORK' && r.code !== 'NO_JOB_TO_BE_VERIFIED')?.source ?? '';
}

/** 求职登记 instead of 失业登记 (R1.1.5). */
export function isJobSeekerPath(slots: Slots, env: DialogEnv): boolean {
  return registrationEligibility(slots, env).outcome === 'job_seeker_registration';
}

/** Whether the region offers credit-promise processing (R1.7.1) and, if so, the completion date from today. */
export function creditPromiseOf(env: DialogEnv): { date: string; provisional: boolean; source: string } | null {
  return creditPromiseDeadline(env.policy.pack, env.today, env.policy.calendar);
}

/**
 * The summary's "submit": fixes what is stored with the answers — which registration (kind) and, for a credit
 * promise, its completion date counted from the day of submission (Z §五(一)).
 */
export function submitAnswer(input: string, ctx: ParseContext): ParseResult {
  if (input !== 'submit' && input !== 'edit') return { ok: false, error: 'engine.pickAChoice' };
  if (input === 'edit') return { ok: true, value: 'edit' };
  const kind = isJobSeekerPath(ctx.slots, ctx) ? 'job_seeker' : 'unemployment';
  const promise = kind === 'unemployment' && ctx.slots.papers === 'no' && ctx.slots.creditPromise === 'promise' ? creditPromiseOf(ctx) : null;
  const due: Slots = promise ? { promisedOn: ctx.today, promiseDueBy: promise.date, promiseProvisional: promise.provisional, promiseSource: promise.source } : {};
  return { ok: true, value: 'submit', derived: { kind, ...due } };
}
