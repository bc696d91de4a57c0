// Age in full years (周岁) at a reference date. Pure: the reference date is an argument.
import { compareDates, isLeapYear, parsePlainDate } from '../dates/plain-date.ts';

/** Where the rule of this file comes from. */
export const AGE_SOURCE = 'decision:LEAP_DAY_BIRTHDAY';

/**
 * Full years between `birthDate` and `asOf`, minus 1 if the birthday has not yet come in `asOf`'s year
 * (SPEC §4.6). A 29 February birthday counts as reached on 28 February in a non-leap year (product
 * decision, SPEC §4.6 [infer]). Throws RangeError if `asOf` is before `birthDate`.
 */
export function ageInFullYears(birthDate: string, asOf: string): number {
  const birth = parsePlainDate(birthDate);
  const ref = parsePlainDate(asOf);
  if (compareDates(asOf, birthDate) < 0) throw new RangeError(`asOf ${asOf} is before birth date ${birthDate}`);
  const birthdayDay = birth.month === 2 && birth.day === 29 && !isLeapYear(ref.year) ? 28 : birth.day;
  const reached = ref.month > birth.month || (ref.month === birth.month && ref.day >= birthdayDay);
  return ref.year - birth.year - (reached ? 0 : 1);
}
