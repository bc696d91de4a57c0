// A report month as instants: from the first Beijing day of the month (inclusive) to the first of the next
// (exclusive), and the months before it for trend charts.
import { addMonthsToYearMonth } from '../domain/dates/plain-date.ts';

const OFFSET_MS = 8 * 3_600_000;

export interface ReportPeriod { month: string; from: Date; to: Date }

export function reportPeriod(month: string): ReportPeriod {
  const start = (ym: string) => new Date(Date.parse(`${ym}-01T00:00:00.000Z`) - OFFSET_MS);
  return { month, from: start(month), to: start(addMonthsToYearMonth(month, 1)) };
}

/** `count` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonthsToYearMonth(month, i - count + 1));
}
