// Today's work lists for a caseworker: first contacts due or overdue (in working days), registrations waiting
// for review by deadline, open 转人工 cases past their SLA, hardship pre-screens waiting, and people behind on
// the yearly quota with the weeks left. Rows are plain data; the router turns them into JSON or a file.
import { endOfServiceDay, serviceDateOf } from '../config/service-time-zone.ts';
import { workingDaysUntil } from '../domain/calendar/working-days-until.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { compareDates } from '../domain/dates/plain-date.ts';
import { QUOTA_KINDS, quotaProgress, type QuotaContact, type QuotaKind } from '../domain/quota/quota-progress.ts';
import { quotaStanding } from '../domain/reports/quota-standing.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import type { CaseDueBy } from './cases-router.ts';
import type { MaskedPerson, WorkReportSource } from './work-report-source.ts';
import type { AccessScope } from './region-scope.ts';

export const WORKLIST_NAMES = ['firstContacts', 'reviews', 'overdueCases', 'hardship', 'quotaBehind'] as const;
export type WorklistName = (typeof WORKLIST_NAMES)[number];

/** First contacts due within this many working days are listed with the overdue ones. */
const FIRST_CONTACT_LOOKAHEAD = 1;

export interface WorklistDeps {
  source: WorkReportSource;
  packs: readonly RegionPack[];
  calendar: WorkCalendar;
  dueBy: CaseDueBy;
}

type Person = Omit<MaskedPerson, 'jobSeekerId'> & { personId: string | null };
export type WorklistRow = Person & { id: string; regionCode: string; [field: string]: string | number | boolean | null };
export type Worklists = Record<WorklistName, WorklistRow[]>;

const personOf = (p: MaskedPerson | null): Person => ({ personId: p?.jobSeekerId ?? null, name: p?.name ?? null, idNumber: p?.idNumber ?? null, phone: p?.phone ?? null });

export function createTodayWorklists(deps: WorklistDeps) {
  const isQuotaKind = (k: string): k is QuotaKind => QUOTA_KINDS.some((q) => q === k);

  async function build(scope: AccessScope, now: Date): Promise<Worklists> {
    const today = serviceDateOf(now);
    const [tasks, pending, cases, open] = await Promise.all([
      // Only tasks due by the end of the look-ahead are read (a large office has many due later).
      deps.source.firstContactTasksOpen(scope, endOfServiceDay(deps.calendar.addWorkingDays(today, FIRST_CONTACT_LOOKAHEAD).date)),
      deps.source.registrationsPendingReview(scope),
      deps.source.casesOpen(scope, ['handoff', 'hardship_recognition']),
      deps.source.registrationsOpen(scope),
    ]);

    const firstContacts = tasks
      .map((t) => {
        const dueOn = serviceDateOf(new Date(t.dueAt.getTime() - 1));
        const left = workingDaysUntil(deps.calendar, today, dueOn);
        return { id: t.taskId, ...personOf(t), regionCode: t.regionCode, registeredOn: serviceDateOf(t.registeredAt), dueOn, workingDaysLeft: left, overdue: left < 0, provisional: t.provisional };
      })
      .filter((r) => r.workingDaysLeft <= FIRST_CONTACT_LOOKAHEAD)
      .sort((a, b) => a.workingDaysLeft - b.workingDaysLeft);

    const reviews = pending
      .map((r) => ({
        id: r.registrationId, ...personOf(r), regionCode: r.regionCode, kind: r.kind, registeredOn: serviceDateOf(r.registeredAt),
        dueOn: r.promiseDueBy, workingDaysLeft: r.promiseDueBy ? workingDaysUntil(deps.calendar, today, r.promiseDueBy) : null,
        overdue: r.promiseDueBy !== null && compareDates(today, r.promiseDueBy) > 0,
      }))
      // Deadlines first (soonest first), then the rest by registration day.
      .sort((a, b) => (a.dueOn && b.dueOn ? compareDates(a.dueOn, b.dueOn) : a.dueOn ? -1 : b.dueOn ? 1 : compareDates(a.registeredOn, b.registeredOn)));

    const caseRow = (c: (typeof cases)[number]) => {
      const due = deps.dueBy(c.regionCode, c.openedAt);
      return {
        id: c.caseId, ...personOf(c.person), regionCode: c.regionCode, kind: c.kind, status: c.status, reason: c.reason, claimed: c.claimedBy !== null,
        openedAt: c.openedAt.toISOString(), dueBy: due.dueBy.toISOString(), overdue: now > due.dueBy,
        categories: c.categories.filter((x) => x.status !== 'not_met').map((x) => x.code).join(','),
      };
    };
    const overdueCases = cases.filter((c) => c.kind === 'handoff').map(caseRow).filter((c) => c.overdue);
    const hardship = cases.filter((c) => c.kind === 'hardship_recognition').map(caseRow);

    const quotaBehind = open.flatMap((r) => {
      const registeredOn = serviceDateOf(r.registeredAt);
      const contacts: QuotaContact[] = r.contacts.flatMap((c) => c.serviceKinds.filter(isQuotaKind).map((kind) => ({ date: serviceDateOf(c.at), kind })));
      const standing = quotaStanding(quotaProgress(selectRegionPack(deps.packs, r.regionCode, today), registeredOn, contacts, today), today);
      if (!standing?.behind) return [];
      return [{
        id: r.registrationId, ...personOf(r), regionCode: r.regionCode, registeredOn, weeksLeft: standing.weeksLeft, yearEnd: standing.yearEnd,
        behindKinds: standing.behindKinds.map((k) => k.kind).join(','),
        missing: standing.missing,
      }];
    }).sort((a, b) => a.weeksLeft - b.weeksLeft || b.missing - a.missing);

    return { firstContacts, reviews, overdueCases, hardship, quotaBehind };
  }

  return { build };
}

export type TodayWorklists = ReturnType<typeof createTodayWorklists>;
