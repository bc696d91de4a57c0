import { describe, expect, it } from 'vitest';
import { minimumContributionMonths, retirementDate, statutoryRetirement } from '../../../src/domain/retirement/statutory-retirement.ts';

// SPEC §2.4 worked examples; ✓ rows agree with public examples of the official calculator.
const ROWS = [
  ['MALE', '1964-12', 0, 60, 0, '2024-12'],
  ['MALE', '1965-01', 1, 60, 1, '2025-02'],
  ['MALE', '1965-04', 1, 60, 1, '2025-05'],
  ['MALE', '1965-05', 2, 60, 2, '2025-07'],
  ['MALE', '1966-01', 4, 60, 4, '2026-05'],
  ['MALE', '1975-06', 32, 62, 8, '2038-02'],
  ['MALE', '1976-08', 35, 62, 11, '2039-07'],
  ['MALE', '1976-09', 36, 63, 0, '2039-09'],
  ['FEMALE_55', '1969-12', 0, 55, 0, '2024-12'],
  ['FEMALE_55', '1970-06', 2, 55, 2, '2025-08'],
  ['FEMALE_55', '1970-09', 3, 55, 3, '2025-12'],
  ['FEMALE_55', '1971-04', 4, 55, 4, '2026-08'],
  ['FEMALE_55', '1971-06', 5, 55, 5, '2026-11'],
  ['FEMALE_55', '1981-08', 35, 57, 11, '2039-07'],
  ['FEMALE_55', '1981-09', 36, 58, 0, '2039-09'],
  ['FEMALE_50', '1974-12', 0, 50, 0, '2024-12'],
  ['FEMALE_50', '1975-01', 1, 50, 1, '2025-02'],
  ['FEMALE_50', '1975-03', 2, 50, 2, '2025-05'],
  ['FEMALE_50', '1975-06', 3, 50, 3, '2025-09'],
  ['FEMALE_50', '1976-06', 9, 50, 9, '2027-03'],
  ['FEMALE_50', '1977-01', 13, 51, 1, '2028-02'],
  ['FEMALE_50', '1980-01', 31, 52, 7, '2032-08'],
  ['FEMALE_50', '1984-10', 59, 54, 11, '2039-09'],
  ['FEMALE_50', '1984-11', 60, 55, 0, '2039-11'],
] as const;

describe('statutory retirement age after the 2024 reform (SPEC §2.4 table)', () => {
  it.each(ROWS)('%s born %s: delayed %i months, new age %iy%im, retires in %s', (category, born, delay, years, months, retires) => {
    const r = statutoryRetirement(born, category);
    expect(r).toMatchObject({ delayMonths: delay, ageMonths: years * 12 + months, retirementMonth: retires });
    expect(r.source).toBe('retirement-measures-2024#第二条');
  });

  it('nobody on the MALE track retires in 2025-06 (1965-04 → 2025-05, 1965-05 → 2025-07)', () => {
    const months = ['1965-02', '1965-03', '1965-04', '1965-05', '1965-06'].map((b) => statutoryRetirement(b, 'MALE').retirementMonth);
    expect(months).not.toContain('2025-06');
  });

  it('the delay never exceeds the cap for people born long after the last cohort', () => {
    expect(statutoryRetirement('1999-07', 'MALE')).toMatchObject({ delayMonths: 36, ageMonths: 63 * 12 });
    expect(statutoryRetirement('1999-07', 'FEMALE_50')).toMatchObject({ delayMonths: 60, ageMonths: 55 * 12 });
  });

  it('a malformed birth month is a programming error', () => {
    expect(() => statutoryRetirement('1965-13', 'MALE')).toThrow(RangeError);
  });
});

describe('retirement date (SPEC §2.3 [infer]: birth date + age, clamped to month end)', () => {
  it.each([
    ['MALE born 1965-01-15 reaches 60y1m on 2025-02-15', '1965-01-15', 'MALE', '2025-02-15'],
    ['MALE born 1965-01-31 reaches 60y1m on the last day of 2025-02', '1965-01-31', 'MALE', '2025-02-28'],
    ['FEMALE_55 born 1971-04-30 reaches 55y4m on 2026-08-30', '1971-04-30', 'FEMALE_55', '2026-08-30'],
    ['FEMALE_50 born 1984-11-01 reaches 55y0m on 2039-11-01', '1984-11-01', 'FEMALE_50', '2039-11-01'],
  ] as const)('%s', (_rule, birth, category, expected) => {
    expect(retirementDate(birth, category)).toBe(expected);
  });
});

describe('minimum contribution years for a monthly pension (SPEC §2.5 table)', () => {
  it.each([
    [2025, 15, 0], [2029, 15, 0], [2030, 15, 6], [2031, 16, 0], [2032, 16, 6], [2033, 17, 0], [2034, 17, 6],
    [2035, 18, 0], [2036, 18, 6], [2037, 19, 0], [2038, 19, 6], [2039, 20, 0], [2050, 20, 0],
  ])('retiring in %i needs %i years %i months', (year, y, m) => {
    expect(minimumContributionMonths(year)).toBe(y * 12 + m);
  });
});
