// How many working days lie between today and a deadline, for work lists: positive when the deadline is
// ahead (today not counted), 0 when it is today, negative when it has passed (the deadline day not counted).
import type { WorkCalendar } from './work-calendar.ts';
import { addDays, compareDates } from '../dates/plain-date.ts';

/** Scans at most this many days; past it the count is capped (a list only needs "far away" or "long overdue"). */
const MAX_SCAN_DAYS = 400;

/** Working days from `today` to `due` on the calendar (R1.3.3 counts working days, start day excluded). */
export function workingDaysUntil(calendar: Pick<WorkCalendar, 'isWorkday'>, today: string, due: string): number {
  const ahead = compareDates(due, today);
  if (ahead === 0) return 0;
  const [from, to, sign] = ahead > 0 ? [today, due, 1] : [due, today, -1];
  let count = 0;
  let day = from;
  for (let scanned = 0; compareDates(day, to) < 0 && scanned < MAX_SCAN_DAYS; scanned += 1) {
    day = addDays(day, 1);
    if (calendar.isWorkday(day)) count += 1;
  }
  return sign * Math.max(count, sign < 0 ? 1 : 0);
}
