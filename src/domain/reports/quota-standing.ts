// Whether a person is behind on the yearly service quota (Z §四(三), "12333"): by each kind's pro-rata share
// of the quota year so far, with the weeks left in the year, so a caseworker sees who needs service first.
import { daysBetween } from '../dates/plain-date.ts';
import type { QuotaItem, QuotaKind, QuotaProgress } from '../quota/quota-progress.ts';

export interface QuotaStanding {
  behind: boolean;
  /** Kinds below their pro-rata share, with how many are missing by the end of the year. */
  behindKinds: { kind: QuotaKind; delivered: number; expectedByNow: number; required: number; missing: number }[];
  /** Services still owed this year, all kinds together. */
  missing: number;
  /** Whole weeks from asOf to the end of the quota year (0 in its last week). */
  weeksLeft: number;
  yearEnd: string;
}

/** Expected by now: required × elapsed share of the year, rounded down (a new year owes nothing yet). */
function expectedByNow(item: QuotaItem, elapsedShare: number): number {
  return Math.floor(item.required * elapsedShare);
}

/**
 * Z §四(三): at least 2/3/3/3 services within a year. A kind is behind when fewer were delivered than its
 * share of the year already gone; the year's end comes from quotaProgress (rolling unless the pack says so).
 */
export function quotaStanding(progress: QuotaProgress, asOf: string): QuotaStanding | null {
  if (!progress.applicable) return null;
  const yearDays = daysBetween(progress.yearStart, progress.yearEnd) + 1;
  const elapsed = Math.min(yearDays, Math.max(0, daysBetween(progress.yearStart, asOf) + 1));
  const share = elapsed / yearDays;
  const behindKinds = progress.items
    .map((item) => ({ kind: item.kind, delivered: item.delivered, expectedByNow: expectedByNow(item, share), required: item.required, missing: Math.max(0, item.required - item.delivered) }))
    .filter((k) => k.delivered < k.expectedByNow);
  const weeksLeft = Math.max(0, Math.floor(daysBetween(asOf, progress.yearEnd) / 7));
  const missing = progress.items.reduce((sum, item) => sum + Math.max(0, item.required - item.delivered), 0);
  return { behind: behindKinds.length > 0, behindKinds, missing, weeksLeft, yearEnd: progress.yearEnd };
}
