// When a person at the employment office will next read a message: open now, or the next opening on a
// working day of the calendar. Pure: the day and the minute of the day (Beijing time) are arguments.
import { addDays } from '../dates/plain-date.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** One opening period of a day, 'HH:MM' to 'HH:MM'. */
export interface OfficePeriod { from: string; to: string }

export type OfficeAvailability = { open: true } | { open: false; date: string; from: string };

/** Looking further than this many days means the calendar has no working day at all: say so rather than loop. */
const HORIZON_DAYS = 60;

export function minutesOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Open when `today` is a working day and `minute` (0–1439) lies inside one of `hours`; otherwise the next
 * opening: a later period today, or the first period of the next working day. null if none within 60 days.
 */
export function nextOfficeOpening(today: string, minute: number, hours: readonly OfficePeriod[], calendar: WorkCalendar): OfficeAvailability | null {
  const periods = [...hours].sort((a, b) => minutesOfClock(a.from) - minutesOfClock(b.from));
  const first = periods[0];
  if (!first) return null;
  if (calendar.isWorkday(today)) {
    if (periods.some((p) => minute >= minutesOfClock(p.from) && minute < minutesOfClock(p.to))) return { open: true };
    const later = periods.find((p) => minutesOfClock(p.from) > minute);
    if (later) return { open: false, date: today, from: later.from };
  }
  for (let n = 1; n <= HORIZON_DAYS; n += 1) {
    const day = addDays(today, n);
    if (calendar.isWorkday(day)) return { open: false, date: day, from: first.from };
  }
  return null;
}
