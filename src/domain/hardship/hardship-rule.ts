// Hardship categories as data: each region pack lists its own categories, each with the clause it comes from
// and the rule parameters (months, ages) so that a new notice changes a JSON file, not code.
import { z } from 'zod';
import { clauseString } from '../clauses/clause-ref.ts';
import { isValidPlainDate } from '../dates/plain-date.ts';
import { hardshipFlagField } from './hardship-profile.ts';

export const HARDSHIP_CATEGORY_CODES = [
  'POVERTY_ALLEVIATED_FAMILY',
  'LOW_INCOME_FAMILY',
  'ZERO_EMPLOYMENT_FAMILY',
  'DISABLED',
  'LONG_TERM_UNEMPLOYED',
  'NEAR_RETIREMENT',
  'AGE_4050',
  'SUPPORTS_SERIOUSLY_ILL_RELATIVE',
  'COMMUNITY_CORRECTION',
  'LAND_REQUISITIONED',
  'SINGLE_PARENT',
  'MODEL_WORKER',
  'MARTYR_FAMILY',
  'MILITARY_SPOUSE',
  'MINIMUM_LIVING_ALLOWANCE',
] as const;
export type HardshipCategoryCode = (typeof HARDSHIP_CATEGORY_CODES)[number];

const months = z.number().int().min(1).max(600);
const age = z.number().int().min(16).max(70);

const simpleRule = z.discriminatedUnion('kind', [
  /** Met when any listed fact is true, unless one of `unlessAnyOf` is true. */
  z.strictObject({ kind: z.literal('flag'), anyOf: z.array(hardshipFlagField).min(1), unlessAnyOf: z.array(hardshipFlagField).default([]) }),
  /** Registered unemployed (unbroken) for at least `minMonths` (e.g. 登记失业6个月以上). */
  z.strictObject({ kind: z.literal('registeredMonths'), minMonths: months }),
  /** Unemployed without a break for at least `minMonths` (e.g. 连续失业1年以上). */
  z.strictObject({ kind: z.literal('unemployedMonths'), minMonths: months }),
  /** Drawing unemployment insurance benefit in a row for at least `minMonths`. */
  z.strictObject({ kind: z.literal('insuranceMonths'), minMonths: months }),
  /** Less than `lessThanYears` to the person's own statutory retirement date. */
  z.strictObject({ kind: z.literal('yearsToRetirement'), lessThanYears: z.number().int().min(1).max(20) }),
  /** Full years of age at least `male`, or for women the age of the step in force on asOf. */
  z.strictObject({
    kind: z.literal('ageAtLeast'),
    male: age,
    female: z.array(z.strictObject({ from: z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' }), age })).min(1),
  }),
]);
export type SimpleHardshipRule = z.infer<typeof simpleRule>;

export const hardshipRuleSchema = z.union([
  simpleRule,
  z.strictObject({ kind: z.literal('allOf'), rules: z.array(simpleRule).min(2) }),
]);
export type HardshipRule = z.infer<typeof hardshipRuleSchema>;

export const hardshipCategorySchema = z.strictObject({
  code: z.enum(HARDSHIP_CATEGORY_CODES),
  /** The clause that lists the category. */
  clause: clauseString,
  /** Where the numbers come from when the listing clause does not define them (e.g. "4050"). */
  parameterSource: clauseString.optional(),
  rule: hardshipRuleSchema,
});
export type HardshipCategory = z.infer<typeof hardshipCategorySchema>;
