// When a 转人工 case is due: the office's own service level (a local setting, not a policy clause),
// counted in government working days from the day the person asked.
import type { CalendarDeadline, WorkCalendar } from '../calendar/work-calendar.ts';

/**
 * The last day a caseworker should answer a case opened on `openedOn` (YYYY-MM-DD, service time zone):
 * `slaWorkingDays` working days later, the opening day not counted; 0 means the same (or next) working day.
 * Provisional when the calendar has no holiday data for a year involved.
 */
export function handoffDueDate(openedOn: string, slaWorkingDays: number, calendar: WorkCalendar): CalendarDeadline {
  return calendar.addWorkingDays(openedOn, slaWorkingDays);
}
