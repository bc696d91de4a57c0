// Table tests: when a person at the office next reads a message (Mon–Fri calendar plus one holiday).
import { describe, expect, it } from 'vitest';
import { nextOfficeOpening } from '../../../src/domain/calendar/next-office-opening.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { weekdayOf } from '../../../src/domain/dates/plain-date.ts';
import { DEFAULT_OFFICE_HOURS } from '../../../src/domain/regions/region-pack.ts';

const HOLIDAY = '2026-12-04';
const calendar: WorkCalendar = {
  isWorkday: (d) => d !== HOLIDAY && weekdayOf(d) >= 1 && weekdayOf(d) <= 5,
  isCovered: () => true,
  addWorkingDays: (d) => ({ date: d, provisional: false }),
  addMonths: (d) => ({ date: d, provisional: false }),
};
const at = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('nextOfficeOpening (default hours 08:30–12:00, 14:30–17:30)', () => {
  it.each([
    ['2026-12-02', '10:00', { open: true }],
    ['2026-12-02', '08:30', { open: true }],
    ['2026-12-02', '08:29', { open: false, date: '2026-12-02', from: '08:30' }],
    ['2026-12-02', '12:00', { open: false, date: '2026-12-02', from: '14:30' }],
    ['2026-12-02', '17:30', { open: false, date: '2026-12-03', from: '08:30' }],
    ['2026-12-03', '20:00', { open: false, date: '2026-12-07', from: '08:30' }],
    ['2026-12-05', '10:00', { open: false, date: '2026-12-07', from: '08:30' }],
  ] as const)('%s %s → %o', (today, hhmm, expected) => {
    expect(nextOfficeOpening(today, at(hhmm), DEFAULT_OFFICE_HOURS, calendar)).toEqual(expected);
  });

  it('a calendar without working days gives null, not a loop', () => {
    expect(nextOfficeOpening('2026-12-02', at('20:00'), DEFAULT_OFFICE_HOURS, { ...calendar, isWorkday: () => false })).toBeNull();
  });
});
