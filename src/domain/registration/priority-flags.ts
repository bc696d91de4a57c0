// Priority flags kept on each record (重点群体标注, R1.11.1–R1.11.2): unemployed youth aged 16–24, graduates who
// left school without a job, people lifted out of poverty, hardship people. They add attention, never remove a service.
import { z } from 'zod';
import type { ProductDecisionId } from '../clauses/product-decisions.ts';
import { compareDates, isValidPlainDate } from '../dates/plain-date.ts';
import { ageInFullYears } from '../identity/age.ts';

const plainDate = z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' });

/** What the record says; an absent field is "not asked yet" and the flag is listed as unknown. */
export const priorityProfileSchema = z.strictObject({
  birthDate: plainDate.optional(),
  /** 离校未就业高校毕业生 (list from the education department, or the person's own answer). */
  graduateLeftSchoolWithoutJob: z.boolean().optional(),
  /** 脱贫人口: the person is in the poverty-alleviation records. */
  povertyAlleviated: z.boolean().optional(),
  /** Recognised as a hardship person (就业困难人员). */
  hardshipRecognised: z.boolean().optional(),
});
export type PriorityProfile = z.infer<typeof priorityProfileSchema>;

export const PRIORITY_FLAGS = ['YOUTH_16_24', 'GRADUATE_WITHOUT_JOB', 'POVERTY_ALLEVIATED', 'HARDSHIP_PERSON'] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

const A = 'anshan-2022';
/** A 三 names youth, graduates and hardship people as the focus; A 四(二) lists the flags to mark on the ledger. */
export const PRIORITY_FLAG_SOURCES: Readonly<Record<PriorityFlag, string>> = {
  YOUTH_16_24: `${A}#三`,
  GRADUATE_WITHOUT_JOB: `${A}#四(二)`,
  POVERTY_ALLEVIATED: `${A}#四(二)`,
  HARDSHIP_PERSON: `${A}#四(二)`,
};

/** Youth band of A 三 and 四(二) (16-24岁失业青年), in full years (周岁, SPEC §4.6), both ends inclusive. */
export const YOUTH_MIN_AGE = 16;
export const YOUTH_MAX_AGE = 24;

export interface PriorityFlags {
  flags: { flag: PriorityFlag; source: string }[];
  /** Flags that cannot be decided until the field is asked. */
  unknown: PriorityFlag[];
  productDecisions: ProductDecisionId[];
}

/**
 * R1.11.1 (A 三, 四(二)): unemployed youth aged 16–24 in full years on `asOf`; R1.11.2 (A 四(二)): hardship person,
 * graduate who left school without a job, person lifted out of poverty. Flags, with the clause, in PRIORITY_FLAGS order.
 * @productDecision PRIORITY_FLAGS_ALL_REGIONS
 */
export function priorityFlags(raw: PriorityProfile, asOf: string): PriorityFlags {
  const profile = priorityProfileSchema.parse(raw);
  const flags: PriorityFlags['flags'] = [];
  const unknown: PriorityFlag[] = [];
  const decide = (flag: PriorityFlag, value: boolean | undefined) => {
    if (value === undefined) unknown.push(flag);
    else if (value) flags.push({ flag, source: PRIORITY_FLAG_SOURCES[flag] });
  };
  const { birthDate } = profile;
  const age = birthDate !== undefined && compareDates(birthDate, asOf) <= 0 ? ageInFullYears(birthDate, asOf) : undefined;
  decide('YOUTH_16_24', age === undefined ? undefined : age >= YOUTH_MIN_AGE && age <= YOUTH_MAX_AGE);
  decide('GRADUATE_WITHOUT_JOB', profile.graduateLeftSchoolWithoutJob);
  decide('POVERTY_ALLEVIATED', profile.povertyAlleviated);
  decide('HARDSHIP_PERSON', profile.hardshipRecognised);
  return { flags, unknown, productDecisions: ['PRIORITY_FLAGS_ALL_REGIONS'] };
}
