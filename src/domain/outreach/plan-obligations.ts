// Every contact a registered person is owed, as dated obligations with an idempotency key (person + kind +
// period) and the clause each one serves: first contact, the regular check-ins and the yearly quota items.
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { addDays, addMonthsClamped, compareDates } from '../dates/plain-date.ts';
import { firstContactDeadline, hasHardshipInterval, type FollowUpGroup } from '../follow-up/plan-follow-ups.ts';
import type { QuotaContact, QuotaKind } from '../quota/quota-progress.ts';
import { spreadQuota } from '../quota/spread-quota.ts';
import type { RegionPack } from '../regions/region-pack.ts';
import { selectRegionPack } from '../regions/select-region-pack.ts';

export const OBLIGATION_KINDS = ['first_contact', 'check_in', 'quota_policy', 'quota_guidance', 'quota_jobs', 'quota_training'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** The facts about a person the plan depends on; a change in any of them is a re-plan. */
export interface ObligationSubject {
  registrationId: string;
  /** GB/T 2260 code of the registration place: picks the region pack. */
  regionCode: string;
  registeredOn: string;
  group: FollowUpGroup;
  /** The person declined monthly follow-up (R1.4.2). */
  refusedMonthly: boolean;
  /** False once deregistered, withdrawn or rejected, or when consent to contact is withdrawn. */
  reachable: boolean;
  /** The day the person reported a job (or school, military service) a caseworker has not decided yet; absent: none. */
  exitReportedOn?: string;
}

export interface Obligation {
  key: string;
  kind: ObligationKind;
  period: string;
  /** The day it goes out (a working day). */
  dueOn: string;
  /** The last day that still meets the obligation. */
  deadlineOn: string;
  provisional: boolean;
  clause: string;
}

/** Contacts made outside the plan (a caseworker's call, home visit or office visit, logged in the console). */
export interface ContactCredits {
  /** Services delivered outside planned outreach, by day and kind: each counts once toward its quota year. */
  services: readonly QuotaContact[];
  /** Days a caseworker reached the person: each meets the check-in whose period contains it (R1.4.4 phone, visit). */
  contactDays: readonly string[];
}

export const NO_CREDITS: ContactCredits = { services: [], contactDays: [] };

/** The days planned: obligations due in [from, to]; the first contact whenever it is still ahead of `from`'s deadline. */
export interface PlanWindow { from: string; to: string }

const MAX_STEPS = 400;

/** Obligation key: one row per person, kind and period, whatever how often planning runs. */
export function obligationKey(registrationId: string, kind: ObligationKind, period: string): string {
  return kind === 'first_contact' ? `first_contact:${registrationId}` : `${kind}:${registrationId}:${period}`;
}

function checkIns(s: ObligationSubject, packs: readonly RegionPack[], calendar: WorkCalendar, to: string, contactDays: readonly string[]): Omit<Obligation, 'key'>[] {
  const reported = s.exitReportedOn;
  const out: Omit<Obligation, 'key'>[] = [];
  const base = selectRegionPack(packs, s.regionCode, s.registeredOn);
  const refusal = s.refusedMonthly ? base.followUp.refusal : null;
  const hardship = hasHardshipInterval(s.group) && !s.refusedMonthly;
  for (let k = 1; k <= MAX_STEPS; k += 1) {
    // Months since registration (or days for the hardship interval) name the period, so a cadence change keeps the rows both cadences share.
    const step = refusal !== null ? { unit: 'm', n: refusal.everyMonths * k } : hardship ? { unit: 'd', n: base.followUp.hardshipInterval.days * k } : { unit: 'm', n: base.followUp.monthly.everyMonths * k };
    const nominal = step.unit === 'd' ? addDays(s.registeredOn, step.n) : addMonthsClamped(s.registeredOn, step.n);
    if (compareDates(nominal, to) > 0) break;
    const pack = selectRegionPack(packs, s.regionCode, nominal);
    const f = pack.followUp;
    const due = calendar.addWorkingDays(nominal, 0);
    const nextNominal = step.unit === 'd' ? addDays(nominal, f.hardshipInterval.days) : addMonthsClamped(s.registeredOn, step.n + (refusal?.everyMonths ?? f.monthly.everyMonths));
    const clause = refusal !== null ? refusal.source : hardship ? f.hardshipInterval.source : s.refusedMonthly ? f.refusalFallbackSource : f.monthly.source;
    const deadlineOn = addDays(nextNominal, -1);
    // After a reported job only the check-in after the report day stays: the period it was reported in is answered.
    const isNextAfterReport = reported !== undefined && compareDates(nominal, reported) > 0;
    if (reported !== undefined && !isNextAfterReport && compareDates(deadlineOn, reported) >= 0) continue;
    // A caseworker already reached the person in this period: that contact is the period's check-in.
    if (!contactDays.some((d) => d >= nominal && d <= deadlineOn)) {
      out.push({ kind: 'check_in', period: `${step.unit}${step.n}`, dueOn: due.date, deadlineOn, provisional: due.provisional, clause });
    }
    if (isNextAfterReport) break;
  }
  return out;
}

/**
 * R1.3.1/R1.3.2 first contact (a working day after registration, by the pack's deadline; graduates within the
 * pack's months); R1.4.1–R1.4.3 check-ins (monthly; every N months after a refusal where the pack allows it;
 * every N days for hardship people and graduates from hardship families); R1.5 the yearly quota spread over the
 * year (spreadQuota). Packs are chosen by region and by the date each obligation falls in. Nothing for a person who is not reachable. Contacts made
 * outside the plan (`credits`) meet their period's check-in and count toward the quota, so only what is still owed is planned.
 * After a reported job (`exitReportedOn`), until a caseworker decides: no quota offers, and only the next check-in.
 * @productDecision EXIT_REPORT_PAUSES_OFFERS
 */
export function planObligations(s: ObligationSubject, packs: readonly RegionPack[], calendar: WorkCalendar, window: PlanWindow, credits: ContactCredits = NO_CREDITS): Obligation[] {
  if (!s.reachable) return [];
  const pack = selectRegionPack(packs, s.regionCode, s.registeredOn);
  const deadline = firstContactDeadline(s.registeredOn, s.group, pack, calendar);
  const firstDay = calendar.addWorkingDays(s.registeredOn, 1);
  const first: Omit<Obligation, 'key'> = {
    kind: 'first_contact', period: s.registeredOn, dueOn: compareDates(firstDay.date, deadline.date) > 0 ? deadline.date : firstDay.date,
    deadlineOn: deadline.date, provisional: deadline.provisional, clause: deadline.source,
  };
  const quotaPack = selectRegionPack(packs, s.regionCode, window.from);
  const quota = s.exitReportedOn !== undefined ? [] : spreadQuota(quotaPack, s.registeredOn, window.to, calendar, credits.services).map((q): Omit<Obligation, 'key'> => ({
    kind: quotaKindOf(q.kind), period: q.period, dueOn: q.dueOn, deadlineOn: q.deadlineOn, provisional: q.provisional, clause: q.source,
  }));
  const all = [first, ...checkIns(s, packs, calendar, window.to, credits.contactDays), ...quota];
  // Plain dates (YYYY-MM-DD, validated by the calendar) order as strings: no parsing in the hot loop. An obligation
  // due before the window but whose deadline is still ahead is owed now (no tick ran on its day: the scheduler was
  // down, a late import). A first contact is owed until it is made, even after its deadline (a restored backup).
  return all
    .filter((o) => o.dueOn <= window.to && (o.dueOn >= window.from || o.deadlineOn >= window.from || o.kind === 'first_contact'))
    .map((o) => ({ ...o, key: obligationKey(s.registrationId, o.kind, o.period) }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function quotaKindOf(kind: QuotaKind): ObligationKind {
  return `quota_${kind}`;
}
