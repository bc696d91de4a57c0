// How far the holiday data reach, and whether that covers every deadline of the next 90 days (dates are given,
// never read from the clock).
import { describe, expect, it } from 'vitest';
import { loadRegionPacks } from '../../../src/config/load-region-packs.ts';
import { assessCalendarCoverage, coveredThrough, describeCoverage, longestDeadlineDays } from '../../../src/domain/calendar/calendar-coverage.ts';
import type { HolidayData } from '../../../src/domain/calendar/holiday-data.ts';
import { selectRegionPack } from '../../../src/domain/regions/select-region-pack.ts';

const zhanjiang = selectRegionPack(loadRegionPacks(), '440800', '2026-06-01');
const through2026 = (year: number) => year >= 2004 && year <= 2026;

describe('calendar coverage', () => {
  it('the longest Zhanjiang deadline is bounded by the graduates\' one month: 31 days plus a two-week break', () => {
    expect(zhanjiang.followUp).toMatchObject({ firstContact: { workingDays: 5 }, creditPromise: { workingDays: 7 }, graduateFirstContact: { months: 1 } });
    expect(longestDeadlineDays(zhanjiang)).toBe(45);
  });

  it.each([
    ['2026-06-01', through2026, '2026-12-31'],
    ['2026-12-31', through2026, '2026-12-31'],
    ['2027-01-01', through2026, '2026-12-31'],
    ['2026-12-02', (y: number) => through2026(y) || y === 2027, '2027-12-31'],
  ])('on %s the data cover through the end of the unbroken run of years', (today, isCovered, expected) => {
    expect(coveredThrough(isCovered, today)).toBe(expected);
  });

  it.each([
    ['2026-06-01', through2026, true, []],
    ['2026-08-18', through2026, true, []],
    ['2026-08-19', through2026, false, [2027]],
    ['2026-12-02', through2026, false, [2027]],
    ['2026-12-02', (y: number) => through2026(y) || y === 2027, true, []],
    ['2027-03-01', through2026, false, [2027]],
  ])('on %s the next 90 days of deadlines are covered: %#', (today, isCovered, ok, missingYears) => {
    expect(assessCalendarCoverage({ today, isCovered, pack: zhanjiang })).toMatchObject({ ok, missingYears });
  });

  it('lists each covered year with its source; an override year replaces the library year', () => {
    const library: HolidayData = { source: 'LIB', holidays: [], workdays: [], coveredYears: [2025, 2026] };
    const overrides = { years: { 2026: { source: 'NOTICE 2026', sourceDate: '2025-11-04', holidays: [], workdays: [] }, 2030: { source: 'TEST 2030', holidays: [], workdays: [] } } };
    expect(describeCoverage(overrides, library)).toEqual([
      { year: 2025, origin: 'library', source: 'LIB', sourceDate: null, alsoInLibrary: true },
      { year: 2026, origin: 'overrides', source: 'NOTICE 2026', sourceDate: '2025-11-04', alsoInLibrary: true },
      { year: 2030, origin: 'overrides', source: 'TEST 2030', sourceDate: null, alsoInLibrary: false },
    ]);
  });
});
