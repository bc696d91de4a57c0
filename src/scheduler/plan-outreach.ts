// The planning half of a tick: every registration that is new, changed, or running out of planned rows gets its
// obligations (domain/outreach/plan-obligations) written as rows, a batch at a time.
import { endOfServiceDay, serviceDateOf } from '../config/service-time-zone.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { addDays } from '../domain/dates/plain-date.ts';
import { NO_CREDITS, obligationKey, planObligations, type ContactCredits, type ObligationKind, type ObligationSubject } from '../domain/outreach/plan-obligations.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { creditsByPerson, type LoggedContactSource } from './logged-contacts.ts';
import type { OutreachPlanStore, PlanCandidate, PlannedRow, RegistrationPlan } from './outreach-ports.ts';
import { serviceInstant } from './send-window.ts';

export interface PlanningPolicy {
  packs: readonly RegionPack[];
  calendar: WorkCalendar;
  /** Rows are planned this many days ahead … */
  horizonDays: number;
  /** … and topped up when fewer than this many days remain planned. */
  refillDays: number;
  /** Beijing time a planned row becomes due on its day ('HH:MM'), the start of the sending window. */
  sendFrom: string;
  /** Ledger contacts outreach did not make (a caseworker's): they meet check-ins and count toward the quota. */
  contacts?: LoggedContactSource;
}

const ACTIVE_STATUSES = new Set(['pending_review', 'registered']);
const NEVER = '9999-12-31';
const BATCH = 5000;
/** Distinct subjects remembered per run (a few thousand in practice: regions x registration days x groups). */
const MEMO_LIMIT = 50_000;

/** The facts a plan depends on; a person who is no longer registered or withdrew consent is not reachable. */
export function subjectOf(c: PlanCandidate): ObligationSubject {
  return {
    registrationId: c.registrationId,
    regionCode: c.regionCode,
    registeredOn: serviceDateOf(c.registeredAt),
    group: c.hardshipConfirmed ? 'hardship' : c.reason === 'graduated' ? (c.hardshipFamily ? 'hardship_family_graduate' : 'graduate') : 'unemployed',
    refusedMonthly: c.followUpPreference === 'refused',
    reachable: ACTIVE_STATUSES.has(c.status) && !c.consentWithdrawn,
    ...(c.exitReportedAt !== null ? { exitReportedOn: serviceDateOf(c.exitReportedAt) } : {}),
  };
}

/** The rows of a subject, without its keys: the same for everyone with the same region, day, group and refusal. */
type RowTemplate = Omit<PlannedRow, 'key' | 'kind'> & { kind: ObligationKind };

/**
 * Plans one registration. `memo` (one per planning run: same policy and `now`) remembers the rows of each distinct
 * subject, so a million registrants cost a few thousand domain plans; keys are made per registration. A person with
 * contacts a caseworker logged has a plan of their own (the credits change it), never shared through the memo.
 */
export function planFor(c: PlanCandidate, policy: PlanningPolicy, now: Date, credits: ContactCredits = NO_CREDITS, memo?: Map<string, RowTemplate[]>): RegistrationPlan {
  const subject = subjectOf(c);
  const today = serviceDateOf(now);
  const through = addDays(today, policy.horizonDays);
  const base = { registrationId: c.registrationId, jobSeekerId: c.jobSeekerId, facts: JSON.stringify(subject), seenUpdatedAt: c.updatedAt };
  // Not reachable: every open row goes, and nothing is planned again until the registration or person changes.
  if (!subject.reachable) return { ...base, windowFrom: new Date(0), plannedThrough: NEVER, rows: [] };
  const credited = credits.services.length > 0 || credits.contactDays.length > 0;
  const shared = credited ? undefined : memo;
  const memoKey = `${subject.regionCode}|${subject.registeredOn}|${subject.group}|${subject.refusedMonthly}|${subject.exitReportedOn ?? ''}`;
  let templates = shared?.get(memoKey);
  if (templates === undefined) {
    templates = planObligations(subject, policy.packs, policy.calendar, { from: today, to: through }, credits).map((o) => ({
      kind: o.kind, period: o.period, provisional: o.provisional, clause: o.clause,
      dueAt: serviceInstant(o.dueOn, policy.sendFrom), deadlineAt: endOfServiceDay(o.deadlineOn),
    }));
    if (shared !== undefined) {
      if (shared.size >= MEMO_LIMIT) shared.clear();
      shared.set(memoKey, templates);
    }
  }
  const rows = templates.map((t) => ({ ...t, key: obligationKey(c.registrationId, t.kind, t.period) }));
  return { ...base, windowFrom: serviceInstant(today, '00:00'), plannedThrough: through, rows };
}

/** Plans everything that needs it; returns how many rows were new, moved and cancelled. */
export async function planOutreach(store: OutreachPlanStore, policy: PlanningPolicy, now: Date): Promise<{ created: number; updated: number; cancelled: number }> {
  const total = { created: 0, updated: 0, cancelled: 0 };
  const refillBefore = addDays(serviceDateOf(now), policy.refillDays);
  let afterId: string | null = null;
  const memo = new Map<string, RowTemplate[]>();
  for (;;) {
    const candidates: PlanCandidate[] = await store.candidates({ refillBefore, afterId, limit: BATCH });
    if (candidates.length === 0) break;
    const credits = policy.contacts ? creditsByPerson(await policy.contacts.loggedContacts([...new Set(candidates.map((c) => c.jobSeekerId))])) : new Map<string, ContactCredits>();
    const result = await store.applyPlans(candidates.map((c) => planFor(c, policy, now, credits.get(c.jobSeekerId), memo)), now);
    total.created += result.created;
    total.updated += result.updated;
    total.cancelled += result.cancelled;
    afterId = candidates[candidates.length - 1]?.registrationId ?? null;
    if (candidates.length < BATCH) break;
  }
  return total;
}
