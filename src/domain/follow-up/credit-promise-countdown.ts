// How many working days are left until a credit-promise deadline (信用承诺, R1.7.1), as a caseworker sees it
// on the review list: positive while time is left, 0 on the last day, negative once it has passed.
import { addDays, compareDates, daysBetween } from '../dates/plain-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export interface CreditPromiseCountdown {
  /** Working days after `today` up to and including `dueBy`; negative: working days overdue. */
  workingDaysLeft: number;
  overdue: boolean;
}

/** Longest span counted day by day (a deadline years away or long past is not a working list item). */
const MAX_SPAN_DAYS = 400;

/**
 * Z §五(一): the case is finished within N working days, so the countdown counts working days, not calendar
 * days (start day not counted, R1.3.3); a weekend or holiday before the deadline does not shorten the time left.
 */
export function creditPromiseCountdown(calendar: Pick<WorkCalendar, 'isWorkday'>, today: string, dueBy: string): CreditPromiseCountdown {
  const order = compareDates(today, dueBy);
  if (order === 0) return { workingDaysLeft: 0, overdue: false };
  const [from, to] = order < 0 ? [today, dueBy] : [dueBy, today];
  const span = Math.min(daysBetween(from, to), MAX_SPAN_DAYS);
  let count = 0;
  for (let i = 1; i <= span; i += 1) if (calendar.isWorkday(addDays(from, i))) count += 1;
  return order < 0 ? { workingDaysLeft: count, overdue: false } : { workingDaysLeft: count === 0 ? 0 : -count, overdue: true };
}
