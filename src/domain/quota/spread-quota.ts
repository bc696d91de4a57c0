// The yearly service quota (R1.5) as dated obligations: each required item of each kind gets its own day,
// spread evenly over the quota year instead of bunched at its end.
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { addDays, addMonthsClamped, compareDates, daysBetween } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';
import { QUOTA_KINDS, type QuotaContact, type QuotaKind } from './quota-progress.ts';

export interface QuotaSlot {
  kind: QuotaKind;
  /** Which quota year (1 = the first after registration, or the calendar year for `calendar` packs) and item. */
  period: string;
  dueOn: string;
  /** Last day of the quota year: the item must be delivered by then. */
  deadlineOn: string;
  provisional: boolean;
  source: string;
}

/** Days between the kinds' slots, so four kinds due in the same stretch fall on different days. */
const KIND_OFFSET_DAYS: Readonly<Record<QuotaKind, number>> = { policy: 0, guidance: 2, jobs: 4, training: 6 };

function quotaYears(rule: 'rolling' | 'calendar', registeredOn: string, until: string): { label: string; start: string; end: string }[] {
  const years: { label: string; start: string; end: string }[] = [];
  for (let k = 0; k < 200; k += 1) {
    const start = rule === 'rolling' ? addMonthsClamped(registeredOn, 12 * k) : k === 0 ? registeredOn : `${Number(registeredOn.slice(0, 4)) + k}-01-01`;
    if (compareDates(start, until) > 0) break;
    const end = rule === 'rolling' ? addDays(addMonthsClamped(registeredOn, 12 * (k + 1)), -1) : `${start.slice(0, 4)}-12-31`;
    years.push({ label: rule === 'rolling' ? `y${k + 1}` : start.slice(0, 4), start, end });
  }
  return years;
}

/**
 * Z §四(三): at least 2 policy matchings, 3 career-guidance sessions, 3 job recommendations and 3 training notices
 * a year (the counts come from the pack). Item i of n is planned at (i + ½)/n of the year, on a working day
 * (the next one when that day is off), and never after the year's last day. Slots due after `until` are omitted.
 * Services already `delivered` outside the plan (a caseworker's logged contact) count toward their year's kind
 * once: that many of the year's last slots of the kind are not planned (R1.5.2 minimums, so never more than owed).
 * @productDecision QUOTA_YEAR_ROLLING
 */
export function spreadQuota(pack: RegionPack, registeredOn: string, until: string, calendar: WorkCalendar, delivered: readonly QuotaContact[] = []): QuotaSlot[] {
  const quota = pack.quota;
  if (quota === null) return [];
  const slots: QuotaSlot[] = [];
  for (const year of quotaYears(quota.year, registeredOn, until)) {
    const length = daysBetween(year.start, year.end) + 1;
    for (const kind of QUOTA_KINDS) {
      const n = quota[kind];
      const already = delivered.filter((c) => c.kind === kind && c.date >= year.start && c.date <= year.end).length;
      for (let i = 0; i < n - already; i += 1) {
        const nominal = addDays(year.start, Math.min(length - 1, Math.floor(((i + 0.5) * length) / n) + KIND_OFFSET_DAYS[kind]));
        const onWorkday = calendar.addWorkingDays(nominal, 0);
        const dueOn = compareDates(onWorkday.date, year.end) > 0 ? previousWorkday(nominal, calendar) : onWorkday.date;
        if (compareDates(dueOn, until) > 0) continue;
        slots.push({ kind, period: `${year.label}-${i + 1}`, dueOn, deadlineOn: year.end, provisional: onWorkday.provisional, source: quota.source });
      }
    }
  }
  return slots;
}

function previousWorkday(date: string, calendar: WorkCalendar): string {
  let d = date;
  for (let i = 0; i < 366 && !calendar.isWorkday(d); i += 1) d = addDays(d, -1);
  return d;
}
