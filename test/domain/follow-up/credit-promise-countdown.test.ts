import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { loadChineseDaysHolidayData } from '../../../src/config/load-calendar-overrides.ts';
import { creditPromiseCountdown } from '../../../src/domain/follow-up/credit-promise-countdown.ts';

const calendar = createWorkCalendar({ years: {} }, loadChineseDaysHolidayData());

describe('credit-promise countdown in working days (Z §五(一))', () => {
  it.each([
    ['promised 2026-09-28, due 2026-10-13, seen the same day: 7 working days left', '2026-09-28', '2026-10-13', 7, false],
    ['seen on 9-30, National Day ahead: 10/1–10/7 off, make-up Sat 10/10 counts', '2026-09-30', '2026-10-13', 5, false],
    ['on the deadline itself: 0 left, not overdue', '2026-10-13', '2026-10-13', 0, false],
    ['two working days after the deadline: -2, overdue', '2026-10-15', '2026-10-13', -2, true],
    ['a weekend after the deadline is not counted against it', '2026-10-18', '2026-10-16', 0, true],
  ])('%s', (_rule, today, dueBy, left, overdue) => {
    expect(creditPromiseCountdown(calendar, today, dueBy)).toEqual({ workingDaysLeft: left, overdue });
  });
});
