// Government-office working days (SPEC §3): weekends and statutory holidays are off, make-up days (调休上班日)
// are on. Library data plus a bureau-maintained override table; years with neither are "not covered".
import { addDays, addMonthsClamped, isValidPlainDate, weekdayOf, yearOf } from '../dates/plain-date.ts';
import type { CalendarOverrides } from './calendar-overrides.ts';
import type { HolidayData } from './holiday-data.ts';

export type { HolidayData } from './holiday-data.ts';

/** A computed deadline; `provisional` when any day it depends on lies in a year without holiday data. */
export interface CalendarDeadline { date: string; provisional: boolean }

export interface WorkCalendar {
  isWorkday(date: string): boolean;
  isCovered(year: number): boolean;
  addWorkingDays(start: string, n: number): CalendarDeadline;
  addMonths(start: string, n: number): CalendarDeadline;
}

/** The calendar as built here, which can also cite the data behind a date. */
export interface SourcedWorkCalendar extends WorkCalendar {
  /** The notice or data set that decides this date's year, or a note that the year is not covered. */
  sourceFor(date: string): string;
}

/** Where the counting rules come from. */
export const WORK_CALENDAR_SOURCE =
  '全国年节及纪念日放假办法 (2024-11-10 修订); 国务院办公厅关于YYYY年部分节假日安排的通知; 民法典 第201–203条 (SPEC R1.3.3)';

interface YearDays { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; source: string }

/** Longest run of days a loop may scan before concluding the data are broken (no working day in a year). */
const MAX_SCAN_DAYS = 366;

function requireDate(d: string, what: string): void {
  if (!isValidPlainDate(d)) throw new RangeError(`${what} is not a plain date (YYYY-MM-DD): ${JSON.stringify(d)}`);
}

function groupByYear(data: HolidayData): Map<number, YearDays> {
  const years = new Map<number, { holidays: Set<string>; workdays: Set<string>; source: string }>();
  for (const year of data.coveredYears) years.set(year, { holidays: new Set(), workdays: new Set(), source: data.source });
  for (const d of data.holidays) years.get(yearOf(d))?.holidays.add(d);
  for (const d of data.workdays) years.get(yearOf(d))?.workdays.add(d);
  return years;
}

/**
 * Builds the calendar. An override year replaces the library's data for that whole year, because each
 * override entry transcribes one complete State Council notice. A year is covered if either source has it.
 * In an uncovered year Mon–Fri are assumed to be working days and every deadline touching it is provisional
 * (SPEC §3.5).
 */
export function createWorkCalendar(overrides: CalendarOverrides, holidayData: HolidayData): SourcedWorkCalendar {
  const years = groupByYear(holidayData);
  for (const [key, entry] of Object.entries(overrides.years)) {
    years.set(Number(key), { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays), source: entry.source });
  }

  const isCovered = (year: number): boolean => years.has(year);

  const isWorkday = (date: string): boolean => {
    requireDate(date, 'date');
    const data = years.get(yearOf(date));
    if (data?.holidays.has(date)) return false;
    if (data?.workdays.has(date)) return true;
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6;
  };

  const anyUncovered = (fromYear: number, toYear: number): boolean => {
    for (let y = fromYear; y <= toYear; y += 1) if (!isCovered(y)) return true;
    return false;
  };

  /** First working day on or after `date`. */
  const onOrNextWorkday = (date: string): string => {
    let d = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
      if (isWorkday(d)) return d;
      d = addDays(d, 1);
    }
    throw new Error(`no working day within ${MAX_SCAN_DAYS} days of ${date}: holiday data are broken`);
  };

  return {
    isWorkday,
    isCovered,

    /**
     * The Nth working day after `start`; the start day is not counted (R1.3.3, 民法典 art. 201). n = 0 gives
     * `start` itself if it is a working day, else the next one (like chinese-days' findWorkday(0)).
     */
    addWorkingDays(start: string, n: number): CalendarDeadline {
      requireDate(start, 'start');
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
      let date = start;
      if (n === 0) {
        date = onOrNextWorkday(start);
      } else {
        for (let counted = 0; counted < n;) {
          date = onOrNextWorkday(addDays(date, 1));
          counted += 1;
        }
      }
      const firstCounted = n === 0 ? start : addDays(start, 1);
      return { date, provisional: anyUncovered(yearOf(firstCounted), yearOf(date)) };
    },

    /**
     * A period of n months ends on the same day number in the end month, or that month's last day; if that
     * day is not a working day (statutory holiday or rest day) it moves to the next working day (R1.3.3,
     * 民法典 arts. 201, 203).
     */
    addMonths(start: string, n: number): CalendarDeadline {
      requireDate(start, 'start');
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`months must be a whole number ≥ 0, got ${n}`);
      const nominal = addMonthsClamped(start, n);
      const date = onOrNextWorkday(nominal);
      return { date, provisional: anyUncovered(yearOf(nominal), yearOf(date)) };
    },

    sourceFor(date: string): string {
      requireDate(date, 'date');
      return years.get(yearOf(date))?.source ?? `no holiday data for ${yearOf(date)}: Mon–Fri assumed, provisional`;
    },
  };
}
