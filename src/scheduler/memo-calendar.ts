// The work calendar with its answers remembered: planning asks the same few hundred dates for every person.
import type { CalendarDeadline, WorkCalendar } from '../domain/calendar/work-calendar.ts';

export function memoizeCalendar(calendar: WorkCalendar): WorkCalendar {
  const workdays = new Map<string, boolean>();
  const byDays = new Map<string, CalendarDeadline>();
  const byMonths = new Map<string, CalendarDeadline>();
  const remember = <T>(cache: Map<string, T>, key: string, compute: () => T): T => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  return {
    isCovered: (year) => calendar.isCovered(year),
    isWorkday: (date) => remember(workdays, date, () => calendar.isWorkday(date)),
    addWorkingDays: (start, n) => remember(byDays, `${start}|${n}`, () => calendar.addWorkingDays(start, n)),
    addMonths: (start, n) => remember(byMonths, `${start}|${n}`, () => calendar.addMonths(start, n)),
  };
}
