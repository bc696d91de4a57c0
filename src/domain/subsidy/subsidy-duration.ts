// How long a post subsidy (岗位补贴) or social insurance subsidy (社保补贴) for a hardship person may run
// (R1.10.2): at most 3 years, or until retirement for people near their own statutory retirement age.
import { z } from 'zod';
import type { ProductDecisionId } from '../clauses/product-decisions.ts';
import { addDays, addMonthsClamped, compareDates, isValidPlainDate } from '../dates/plain-date.ts';
import { retirementCategorySchema } from '../hardship/hardship-profile.ts';
import { retirementDate } from '../retirement/statutory-retirement.ts';

const plainDate = z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' });

/** The subsidy kinds the limit covers (W 二(三)2). */
export const SUBSIDY_KINDS = ['post', 'social_insurance'] as const;

/** What a caseworker enters: the subsidy, the day it was first approved, and the person's retirement track. */
export const subsidyDurationInputSchema = z.strictObject({
  kind: z.enum(SUBSIDY_KINDS),
  /** First approval (初次核定) of this subsidy for the person; the age test is made on this day. */
  firstApprovedOn: plainDate,
  birthDate: plainDate,
  /** Women: FEMALE_55 (management/technical post) or FEMALE_50 (production/service post), SPEC §2.8. */
  retirementCategory: retirementCategorySchema,
});
export type SubsidyDurationInput = z.infer<typeof subsidyDurationInputSchema>;

/** W 二(三)2: the 3-year cap and the extension to retirement for people with less than 5 years to go. */
export const SUBSIDY_DURATION_SOURCE = 'wenzhou-2022#二(三)2';
/** National practice: the age is taken at the first approval (以初次核定其享受补贴时年龄为准). */
export const SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE = 'decision:SUBSIDY_AGE_AT_FIRST_APPROVAL';

/** Longest subsidy period for people not near retirement, in months (最长不超过3年). */
export const SUBSIDY_MAX_MONTHS = 36;
/** "Less than 5 years to statutory retirement" window, in months (距法定退休年龄不足5年). */
export const NEAR_RETIREMENT_MONTHS = 60;

export type SubsidyDuration =
  | {
      status: 'limited';
      kind: (typeof SUBSIDY_KINDS)[number];
      /** Last day (inclusive) the subsidy may cover. */
      endsOn: string;
      /** True when the person keeps the subsidy until retirement instead of the 3-year cap. */
      untilRetirement: boolean;
      retirementDate: string;
      source: string;
      ageSource: string;
      productDecisions: ProductDecisionId[];
    }
  | { status: 'past_retirement'; kind: (typeof SUBSIDY_KINDS)[number]; retirementDate: string; source: string };

/**
 * R1.10.2 (W 二(三)2): post and social insurance subsidies run at most 3 years from the first approval; a person
 * with less than 5 years to their own statutory retirement date (SPEC §2) on the day of the first approval keeps
 * them until retirement. `endsOn` is the last day covered: the day before the 3-year anniversary, or the day
 * before the statutory retirement date. Approval on or after the retirement date → `past_retirement`.
 * @productDecision NEAR_RETIREMENT_BY_DATE
 */
export function subsidyDuration(raw: SubsidyDurationInput): SubsidyDuration {
  const input = subsidyDurationInputSchema.parse(raw);
  const retires = retirementDate(input.birthDate, input.retirementCategory);
  if (compareDates(input.firstApprovedOn, retires) >= 0) {
    return { status: 'past_retirement', kind: input.kind, retirementDate: retires, source: SUBSIDY_DURATION_SOURCE };
  }
  const nearRetirement = compareDates(input.firstApprovedOn, addMonthsClamped(retires, -NEAR_RETIREMENT_MONTHS)) > 0;
  const threeYearsEnd = addDays(addMonthsClamped(input.firstApprovedOn, SUBSIDY_MAX_MONTHS), -1);
  const retirementEnd = addDays(retires, -1);
  return {
    status: 'limited',
    kind: input.kind,
    endsOn: nearRetirement ? retirementEnd : threeYearsEnd,
    untilRetirement: nearRetirement,
    retirementDate: retires,
    source: SUBSIDY_DURATION_SOURCE,
    ageSource: SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE,
    productDecisions: ['NEAR_RETIREMENT_BY_DATE'],
  };
}
