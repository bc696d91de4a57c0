// Which years the working-day data cover, from which source, and whether they reach far enough for the
// deadlines the service may compute soon. Pure: `today` and the pack are arguments.
import { addDays, compareDates, yearOf } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';
import type { CalendarOverrides } from './calendar-overrides.ts';
import type { HolidayData } from './holiday-data.ts';

/** One covered year and the data that decide it (an override entry replaces the library's year). */
export interface YearCoverage { year: number; origin: 'library' | 'overrides'; source: string; sourceDate: string | null; alsoInLibrary: boolean }

/** Every covered year, ascending. */
export function describeCoverage(overrides: CalendarOverrides, library: HolidayData): YearCoverage[] {
  const years = new Map<number, YearCoverage>();
  for (const year of library.coveredYears) years.set(year, { year, origin: 'library', source: library.source, sourceDate: null, alsoInLibrary: true });
  for (const [key, entry] of Object.entries(overrides.years)) {
    const year = Number(key);
    years.set(year, { year, origin: 'overrides', source: entry.source, sourceDate: entry.sourceDate ?? null, alsoInLibrary: years.has(year) });
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/**
 * Last day of the unbroken run of covered years starting with today's year; the day before 1 January of
 * today's year when that year itself is not covered.
 */
export function coveredThrough(isCovered: (year: number) => boolean, today: string): string {
  let year = yearOf(today);
  while (isCovered(year)) year += 1;
  return `${year - 1}-12-31`;
}

/** How far ahead the service must be able to count, in days: deadlines may start any day in this window. */
export const COVERAGE_LOOKAHEAD_DAYS = 90;
/**
 * Days a deadline may be pushed by a break in the calendar: the longest statutory break (春节, 9 days in
 * 2026) with its adjoining weekend, rounded up to two weeks.
 */
const BREAK_ALLOWANCE_DAYS = 14;

/**
 * A conservative bound, in calendar days, on the longest deadline the pack produces from its start day: the
 * first-contact and credit-promise working days (5 working days fit in 7 calendar days, plus a break) and the
 * graduates' first contact in months (31 days a month, plus a break if the end day falls in one). Follow-up
 * schedules a year ahead are not deadlines; their dates are marked provisional where a year is not covered.
 */
export function longestDeadlineDays(pack: RegionPack): number {
  const f = pack.followUp;
  const workingDays = Math.max(f.firstContact.workingDays, f.creditPromise?.workingDays ?? 0);
  return Math.max(Math.ceil(workingDays / 5) * 7, f.graduateFirstContact.months * 31) + BREAK_ALLOWANCE_DAYS;
}

export interface CalendarCoverage {
  /** Last day of unbroken holiday data from today's year on. */
  coveredThrough: string;
  /** Latest day a deadline computed in the next COVERAGE_LOOKAHEAD_DAYS may fall on. */
  neededThrough: string;
  ok: boolean;
  /** Years between coveredThrough and neededThrough without holiday data (add their notices). */
  missingYears: number[];
}

/** Whether the data cover every deadline the service may compute in the next 90 days (SPEC §3.5). */
export function assessCalendarCoverage(input: { today: string; isCovered: (year: number) => boolean; pack: RegionPack }): CalendarCoverage {
  const through = coveredThrough(input.isCovered, input.today);
  const neededThrough = addDays(input.today, COVERAGE_LOOKAHEAD_DAYS + longestDeadlineDays(input.pack));
  const missingYears: number[] = [];
  for (let year = yearOf(input.today); year <= yearOf(neededThrough); year += 1) if (!input.isCovered(year)) missingYears.push(year);
  return { coveredThrough: through, neededThrough, ok: compareDates(neededThrough, through) <= 0, missingYears };
}
