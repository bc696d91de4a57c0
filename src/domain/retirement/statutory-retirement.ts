// Person-specific statutory retirement age after the 2024 reform (渐进式延迟法定退休年龄), and the minimum
// contribution years for a monthly pension. Works on birth year and month only. See domain SPEC §2.
import { addMonthsClamped, addMonthsToYearMonth, isValidYearMonth, monthsBetween } from '../dates/plain-date.ts';

export type RetirementCategory = 'MALE' | 'FEMALE_55' | 'FEMALE_50';

/** The State Council Measures attached to the NPCSC decision of 2024-09-13: art. 2 gives the steps. */
export const RETIREMENT_AGE_SOURCE = 'retirement-measures-2024#第二条';
/** The same Measures art. 3 raise the minimum contribution years from 2030. */
export const MINIMUM_CONTRIBUTION_SOURCE = 'retirement-measures-2024#第三条';

interface CategoryRule { originalAgeYears: number; firstCohort: string; stepMonths: number; maxDelayMonths: number }

/** SPEC §2.2 parameters. */
const RULES: Readonly<Record<RetirementCategory, CategoryRule>> = {
  MALE: { originalAgeYears: 60, firstCohort: '1965-01', stepMonths: 4, maxDelayMonths: 36 },
  FEMALE_55: { originalAgeYears: 55, firstCohort: '1970-01', stepMonths: 4, maxDelayMonths: 36 },
  FEMALE_50: { originalAgeYears: 50, firstCohort: '1975-01', stepMonths: 2, maxDelayMonths: 60 },
};

/**
 * New statutory retirement age for a birth month and category (SPEC §2.3):
 * k = months after the first affected cohort; delay = k < 0 ? 0 : min(max, floor(k / step) + 1);
 * age = original age + delay; retirement month = birth month + age.
 * Men 60→63 and women on the 55 track 55→58 (+1 month per 4 birth months); women on the 50 track 50→55
 * (+1 month per 2 birth months). Throws RangeError on a malformed 'YYYY-MM'.
 */
export function statutoryRetirement(
  birthMonth: string,
  category: RetirementCategory,
): { ageMonths: number; delayMonths: number; retirementMonth: string; source: string } {
  if (!isValidYearMonth(birthMonth)) throw new RangeError(`birth month is not YYYY-MM: ${JSON.stringify(birthMonth)}`);
  const rule = RULES[category];
  const k = monthsBetween(rule.firstCohort, birthMonth);
  const delayMonths = k < 0 ? 0 : Math.min(rule.maxDelayMonths, Math.floor(k / rule.stepMonths) + 1);
  const ageMonths = rule.originalAgeYears * 12 + delayMonths;
  return {
    ageMonths,
    delayMonths,
    retirementMonth: addMonthsToYearMonth(birthMonth, ageMonths),
    source: RETIREMENT_AGE_SOURCE,
  };
}

/**
 * The day the new statutory age is reached: birth date + age in months, clamped to the end of the month when
 * the day number does not exist (SPEC §2.3 [infer], used for "less than 5 years to retirement" tests).
 */
export function retirementDate(birthDate: string, category: RetirementCategory): string {
  const { ageMonths } = statutoryRetirement(birthDate.slice(0, 7), category);
  return addMonthsClamped(birthDate, ageMonths);
}

/**
 * Minimum contribution for a monthly employee pension, in months, by year of retirement (SPEC §2.5):
 * 180 + 6 × clamp(Y − 2029, 0, 10), i.e. 15 years up to 2029, +6 months a year from 2030, 20 years from 2039.
 */
export function minimumContributionMonths(retirementYear: number): number {
  return 180 + 6 * Math.min(10, Math.max(0, retirementYear - 2029));
}
