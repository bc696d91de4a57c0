import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageInFullYears } from '../../../src/domain/identity/age.ts';
import { addDays, compareDates, fromEpochDay } from '../../../src/domain/dates/plain-date.ts';

describe('age in full years 周岁 (SPEC §4.6)', () => {
  it.each([
    ['the day before the 16th birthday is 15', '2010-05-15', '2026-05-14', 15],
    ['the 16th birthday itself is 16 (registration age reached, R1.1.1)', '2010-05-15', '2026-05-15', 16],
    ['Feb 29 birthday is reached on Feb 28 in a non-leap year', '2000-02-29', '2026-02-28', 26],
    ['Feb 29 birthday is not reached on Feb 27 in a non-leap year', '2000-02-29', '2026-02-27', 25],
    ['Feb 29 birthday is reached on Feb 29 in a leap year, not on Feb 28', '2000-02-29', '2028-02-28', 27],
    ['Feb 29 birthday in a leap year on Feb 29', '2000-02-29', '2028-02-29', 28],
    ['born today is 0', '2026-11-22', '2026-11-22', 0],
    ['Dec 31 birthday on Jan 1', '1949-12-31', '2026-01-01', 76],
  ])('%s', (_rule, birth, asOf, age) => {
    expect(ageInFullYears(birth, asOf)).toBe(age);
  });

  it('a reference date before birth is a programming error', () => {
    expect(() => ageInFullYears('2026-11-22', '2026-11-21')).toThrow(RangeError);
  });

  it('property: age is never negative and never decreases as time passes', () => {
    const day = fc.integer({ min: -40000, max: 40000 }).map(fromEpochDay);
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 0, max: 800 }), (birth, gap, step) => {
      const asOf = addDays(birth, gap);
      const later = addDays(asOf, step);
      expect(compareDates(asOf, birth)).toBeGreaterThanOrEqual(0);
      const age = ageInFullYears(birth, asOf);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(ageInFullYears(birth, later)).toBeGreaterThanOrEqual(age);
    }));
  });
});
