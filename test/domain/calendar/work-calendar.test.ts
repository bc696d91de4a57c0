import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { CalendarOverridesSchema, type CalendarOverrides } from '../../../src/domain/calendar/calendar-overrides.ts';
import { loadChineseDaysHolidayData } from '../../../src/config/load-calendar-overrides.ts';
import { addDays, compareDates, fromEpochDay, toEpochDay, weekdayOf } from '../../../src/domain/dates/plain-date.ts';

const LIBRARY = loadChineseDaysHolidayData();
const NO_OVERRIDES: CalendarOverrides = { years: {} };
const calendar = createWorkCalendar(NO_OVERRIDES, LIBRARY);

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('working-day deadlines, SPEC §3.5 worked examples (start day not counted, R1.3.3)', () => {
  it.each([
    ['registered Thu 2026-02-12 + 5: Sat 2/14 counts, 2/15–23 are Spring Festival', '2026-02-12', 5, '2026-02-26'],
    ['2026-04-30 + 5: Labour Day 5/1–5/5 off, make-up Sat 5/9 counts', '2026-04-30', 5, '2026-05-11'],
    ['2026-09-30 + 5: National Day 10/1–10/7 off, make-up Sat 10/10 counts', '2026-09-30', 5, '2026-10-13'],
    ['2025-12-31 + 5: New Year 1/1–1/3 off, make-up Sun 1/4 counts', '2025-12-31', 5, '2026-01-08'],
    ['2025-09-26 + 5: make-up Sun 9/28 counts, National Day 10/1–10/8 off', '2025-09-26', 5, '2025-10-10'],
    ['credit promise (Z §五(一)) 2026-09-28 + 7 working days', '2026-09-28', 7, '2026-10-13'],
  ])('%s → %s', (_rule, start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
  });

  it('the longest run of consecutive working days in 2026 is 6 (holiday law: no more than 6 in a row)', () => {
    let longest = 0;
    let run = 0;
    for (const d of range('2026-01-01', '2026-12-31')) {
      run = calendar.isWorkday(d) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(6);
  });

  it('0 working days gives the start day if it is a working day, else the next working day', () => {
    expect(calendar.addWorkingDays('2026-02-12', 0).date).toBe('2026-02-12');
    expect(calendar.addWorkingDays('2026-02-15', 0).date).toBe('2026-02-24');
  });

  it('a negative or fractional count is a programming error', () => {
    expect(() => calendar.addWorkingDays('2026-02-12', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-12', 1.5)).toThrow(RangeError);
  });
});

// SPEC §3.3, transcribed from the State Council notices for 2025 (国办发明电〔2024〕12号) and 2026 (2025-11-04).
const NOTICES = {
  2025: {
    holidays: [['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
} as const;

describe('2025 and 2026 holidays and make-up working days (SPEC §3.3)', () => {
  it.each([2025, 2026] as const)('every %i holiday in the notice is a day off for the office', (year) => {
    const off = NOTICES[year].holidays.flatMap(([from, to]) => range(from, to)).filter((d) => calendar.isWorkday(d));
    expect(off).toEqual([]);
  });

  it.each([2025, 2026] as const)('every %i make-up day (a Saturday or Sunday) is a working day', (year) => {
    for (const d of NOTICES[year].workdays) {
      expect([0, 6]).toContain(weekdayOf(d));
      expect(calendar.isWorkday(d)).toBe(true);
    }
  });

  it.each([2025, 2026] as const)('in %i, every other weekday is a working day and every other weekend day is off', (year) => {
    const holidays = new Set(NOTICES[year].holidays.flatMap(([from, to]) => range(from, to)));
    const workdays = new Set<string>(NOTICES[year].workdays);
    const mismatches = range(`${year}-01-01`, `${year}-12-31`)
      .filter((d) => !holidays.has(d) && !workdays.has(d))
      .filter((d) => calendar.isWorkday(d) !== (weekdayOf(d) !== 0 && weekdayOf(d) !== 6));
    expect(mismatches).toEqual([]);
  });
});

describe('month periods (R1.3.3: same day number or month end; a day off moves to the next working day)', () => {
  it.each([
    ['1 month from 2026-03-15 ends on Wed 2026-04-15', '2026-03-15', 1, '2026-04-15'],
    ['1 month from 2026-01-31 ends on the last day of February, a make-up Saturday that is a working day', '2026-01-31', 1, '2026-02-28'],
    ['1 month from 2026-09-01 lands on National Day and moves to 2026-10-08', '2026-09-01', 1, '2026-10-08'],
    ['1 month from 2026-01-17 lands in Spring Festival and moves to Tue 2026-02-24', '2026-01-17', 1, '2026-02-24'],
    ['6 months from 2026-01-11 lands on Sat 2026-07-11 and moves to Mon 2026-07-13', '2026-01-11', 6, '2026-07-13'],
  ])('%s', (_rule, start, n, expected) => {
    expect(calendar.addMonths(start, n)).toEqual({ date: expected, provisional: false });
  });
});

describe('years without holiday data are provisional (SPEC §3.5)', () => {
  it('2004–2026 are covered by the library; 2003 is not, 2027 only once the library has it', () => {
    expect(calendar.isCovered(2004)).toBe(true);
    expect(calendar.isCovered(2026)).toBe(true);
    expect(calendar.isCovered(2003)).toBe(false);
    expect(calendar.isCovered(2027)).toBe(LIBRARY.coveredYears.includes(2027));
  });

  it.skipIf(LIBRARY.coveredYears.includes(2027))('a deadline that runs into uncovered 2027 is provisional, Mon–Fri assumed', () => {
    expect(calendar.addWorkingDays('2026-12-25', 5)).toEqual({ date: '2027-01-01', provisional: true });
    expect(calendar.addWorkingDays('2026-12-01', 5)).toEqual({ date: '2026-12-08', provisional: false });
    expect(calendar.addMonths('2026-12-15', 1)).toEqual({ date: '2027-01-15', provisional: true });
    expect(calendar.addWorkingDays('2028-03-01', 1).provisional).toBe(true);
    expect(calendar.sourceFor('2027-01-01')).toContain('provisional');
  });
});

describe('override table (policy/calendar-overrides.json) wins over library data', () => {
  const overrides = CalendarOverridesSchema.parse({
    years: {
      // Synthetic test data, not a real notice.
      2027: { source: 'TEST notice 2027', holidays: ['2027-01-01', '2027-02-05', '2027-02-08'], workdays: ['2027-01-30'] },
      2026: { source: 'TEST correction 2026', holidays: ['2026-01-01'], workdays: [] },
    },
  });
  const withOverrides = createWorkCalendar(overrides, LIBRARY);

  it('an override year counts as covered and its deadlines are not provisional', () => {
    expect(withOverrides.isCovered(2027)).toBe(true);
    expect(withOverrides.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', provisional: false });
    expect(withOverrides.sourceFor('2027-03-01')).toBe('TEST notice 2027');
  });

  it('override holidays are days off and override make-up days are working days', () => {
    expect(withOverrides.isWorkday('2027-02-05')).toBe(false);
    expect(withOverrides.isWorkday('2027-01-30')).toBe(true);
  });

  it('an override year replaces the library data for that whole year', () => {
    expect(withOverrides.isWorkday('2026-01-02')).toBe(true);
    expect(withOverrides.isWorkday('2026-01-04')).toBe(false);
    expect(withOverrides.isWorkday('2026-02-16')).toBe(true);
    expect(withOverrides.isWorkday('2025-10-01')).toBe(false);
  });
});

describe('working-day properties', () => {
  const start = fc.integer({ min: toEpochDay('2004-01-01'), max: toEpochDay('2028-12-31') }).map(fromEpochDay);
  const count = fc.integer({ min: 0, max: 60 });

  it('property: a working-day deadline is always a working day after the start', () => {
    fc.assert(fc.property(start, count, (s, n) => {
      const { date } = calendar.addWorkingDays(s, n);
      expect(calendar.isWorkday(date)).toBe(true);
      expect(compareDates(date, s)).toBeGreaterThanOrEqual(n === 0 ? 0 : 1);
    }));
  });

  it('property: addWorkingDays is monotonic in n (strictly from n = 1; n = 0 and 1 agree on a day off)', () => {
    fc.assert(fc.property(start, count, (s, n) => {
      const order = compareDates(calendar.addWorkingDays(s, n + 1).date, calendar.addWorkingDays(s, n).date);
      expect(order).toBe(n === 0 && !calendar.isWorkday(s) ? 0 : 1);
    }));
  });

  it('property: a month deadline is a working day', () => {
    fc.assert(fc.property(start, fc.integer({ min: 0, max: 24 }), (s, n) => {
      const { date } = calendar.addMonths(s, n);
      expect(calendar.isWorkday(date)).toBe(true);
    }));
  });
});
