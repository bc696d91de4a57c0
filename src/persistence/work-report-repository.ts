// Reads for the caseworker's work lists and monthly reports (WorkReportSource). Every query is scoped to the
// caseworker's AccessScope here (scope-filter.ts), in the repository, so no caller can forget it. Only masked ID and phone leave.
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import { inScope } from './scope-filter.ts';
import type { CaseRow, MaskedPerson, WorkReportSource } from '../caseworker/work-report-source.ts';
import { NOT_REACHED_OUTCOMES } from '../domain/contact/contact-outcomes.ts';

/** Work lists show the first this many of each kind (most urgent first). */
const LIST_LIMIT = 2000;
/**
 * Rows per query: Prisma loads a relation with one `IN (…)` of the parent ids, and SQLite through the driver
 * adapter refuses more than 999 bound values (measured: 1,100 registrations failed), so everything is paged.
 */
const PAGE = 500;

/** Reads every page (cursor on the unique id) up to `limit` rows. */
async function readPages<T extends { id: string }>(read: (page: { take: number; skip?: number; cursor?: { id: string } }) => Promise<T[]>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  while (all.length < limit) {
    const rows = await read({ take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    all.push(...rows);
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1]?.id;
  }
  return all.slice(0, limit);
}
const EXIT_STATUSES = ['deregistered', 'withdrawn'];
const OPEN_CASE_STATUSES = ['open', 'waiting'];

const promiseSchema = z.object({ creditPromise: z.object({ dueBy: z.string() }).nullable().optional() }).passthrough();
const prescreenSchema = z.object({ categories: z.array(z.object({ code: z.string(), status: z.string() }).passthrough()) }).passthrough();
const kindsSchema = z.array(z.string());
/** Ledger rows that reached the person: a call nobody answered is neither a contact made nor follow-up coverage. */
const REACHED = { outcome: { notIn: [...NOT_REACHED_OUTCOMES] } };

type PersonColumns = { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null };
const personSelect = { id: true, name: true, idNumberMask: true, phoneMask: true } as const;

function masked(p: PersonColumns): MaskedPerson {
  return { jobSeekerId: p.id, name: p.name, idNumber: p.idNumberMask, phone: p.phoneMask };
}

function categoriesOf(kind: string, details: string): CaseRow['categories'] {
  if (kind !== 'hardship_recognition') return [];
  return readJsonColumn(prescreenSchema, details, { categories: [] }).categories.map((c) => ({ code: c.code, status: c.status }));
}

/** Each person's latest ledger entry, in groups of PAGE ids. */
async function latestContacts(db: Db, people: readonly string[]): Promise<Map<string, Date | null>> {
  const latest = new Map<string, Date | null>();
  for (let i = 0; i < people.length; i += PAGE) {
    const groups = await db.contactRecord.groupBy({ by: ['jobSeekerId'], where: { jobSeekerId: { in: people.slice(i, i + PAGE) }, ...REACHED }, _max: { at: true } });
    for (const g of groups) latest.set(g.jobSeekerId, g._max.at);
  }
  return latest;
}

export function createWorkReportRepository(db: Db): WorkReportSource {
  return {
    async firstContactTasksOpen(scope, dueBefore) {
      const tasks = await readPages((page) => db.outreachTask.findMany({
        ...page,
        // Owed until someone reaches the person: open, being sent, undeliverable by the bot, or unconfirmed (a send cut
        // off by a crash on a channel that cannot tell a resend, so not repeated): a caseworker must call;
        // due by the deadline of the obligation (rows planned before deadlines were stored: their due time).
        where: { kind: 'first_contact', status: { notIn: ['sent', 'cancelled'] }, OR: [{ deadlineAt: { lte: dueBefore } }, { deadlineAt: null, dueAt: { lte: dueBefore } }], jobSeeker: { registrations: { some: { ...inScope(scope), status: { in: ['pending_review', 'registered'] } } } } },
        include: {
          jobSeeker: {
            select: {
              ...personSelect,
              registrations: { where: inScope(scope), select: { id: true, regionCode: true, registeredAt: true } },
            },
          },
        },
        orderBy: [{ deadlineAt: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }],
      }), LIST_LIMIT);
      // The latest ledger entry per person, grouped (a nested `take` would cost one query per task).
      const lastContact = await latestContacts(db, [...new Set(tasks.map((t) => t.jobSeekerId))]);
      return tasks.flatMap((t) => {
        const registration = t.jobSeeker.registrations.find((r) => r.id === t.registrationId) ?? t.jobSeeker.registrations[0];
        if (!registration) return [];
        // A contact logged in the ledger since the registration is the first contact, even before delivery marks the task.
        const contactedAt = lastContact.get(t.jobSeekerId);
        if (contactedAt && contactedAt >= registration.registeredAt) return [];
        return [{ ...masked(t.jobSeeker), taskId: t.id, registrationId: t.registrationId, regionCode: registration.regionCode, registeredAt: registration.registeredAt, dueAt: t.deadlineAt ?? t.dueAt, provisional: t.provisional }];
      });
    },

    async registrationsPendingReview(scope) {
      const rows = await readPages((page) => db.registration.findMany({
        ...page,
        where: { ...inScope(scope), status: 'pending_review' },
        include: { jobSeeker: { select: personSelect } },
        orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      }), LIST_LIMIT);
      return rows.map((r) => ({
        ...masked(r.jobSeeker), registrationId: r.id, regionCode: r.regionCode, kind: r.kind, registeredAt: r.registeredAt,
        promiseDueBy: readJsonColumn(promiseSchema, r.details, {}).creditPromise?.dueBy ?? null,
      }));
    },

    async casesOpen(scope, kinds) {
      const rows = await readPages((page) => db.handoffCase.findMany({
        ...page,
        where: { ...inScope(scope), kind: { in: [...kinds] }, status: { in: OPEN_CASE_STATUSES } },
        include: { jobSeeker: { select: personSelect } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }), LIST_LIMIT);
      return rows.map((c) => ({
        caseId: c.id, kind: c.kind, status: c.status, reason: c.reason, regionCode: c.regionCode, openedAt: c.createdAt, claimedBy: c.caseworkerId,
        person: c.jobSeeker ? masked(c.jobSeeker) : null, categories: categoriesOf(c.kind, c.details),
      }));
    },

    // Reports and the quota list need every open registration, not the first page.
    async registrationsOpen(scope) {
      const rows = await readPages((page) => db.registration.findMany({
        ...page,
        where: { ...inScope(scope), status: 'registered', kind: 'unemployment' },
        include: { jobSeeker: { select: { ...personSelect, contacts: { where: REACHED, select: { at: true, serviceKinds: true }, orderBy: { at: 'asc' } } } } },
        orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      }));
      return rows.map((r) => ({
        ...masked(r.jobSeeker), registrationId: r.id, regionCode: r.regionCode, registeredAt: r.registeredAt,
        contacts: r.jobSeeker.contacts.map((c) => ({ at: c.at, serviceKinds: readJsonColumn(kindsSchema, c.serviceKinds, []) })),
      }));
    },

    async registrationMovements(scope, from, to) {
      const rows = await readPages((page) => db.registration.findMany({
        ...page,
        orderBy: { id: 'asc' },
        where: { ...inScope(scope), OR: [{ registeredAt: { gte: from, lt: to } }, { history: { some: { toStatus: { in: EXIT_STATUSES }, at: { gte: from, lt: to } } } }] },
        select: { id: true, regionCode: true, registeredAt: true, status: true, history: { where: { toStatus: { in: EXIT_STATUSES } }, select: { at: true } } },
      }));
      const firstExit = (at: Date[]) => (at.length ? new Date(Math.min(...at.map((d) => d.getTime()))) : null);
      return rows.map((r) => ({ regionCode: r.regionCode, registeredAt: r.registeredAt, status: r.status, exitedAt: firstExit(r.history.map((h) => h.at)) }));
    },

    async firstContacts(scope, from, to) {
      const rows = await readPages((page) => db.registration.findMany({
        ...page,
        where: { ...inScope(scope), kind: 'unemployment', registeredAt: { gte: from, lt: to }, status: { not: 'rejected' } },
        include: { jobSeeker: { select: { ...personSelect, tasks: { where: { kind: 'first_contact' }, select: { registrationId: true, dueAt: true, deadlineAt: true, doneAt: true, status: true } } } } },
        orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      }));
      const earliest = new Map<string, Date | null>();
      const people = [...new Set(rows.map((r) => r.jobSeekerId))];
      for (let i = 0; i < people.length; i += PAGE) {
        const firstLedger = await db.contactRecord.groupBy({ by: ['jobSeekerId'], where: { jobSeekerId: { in: people.slice(i, i + PAGE) }, at: { gte: from }, ...REACHED }, _min: { at: true } });
        for (const g of firstLedger) earliest.set(g.jobSeekerId, g._min.at);
      }
      return rows.flatMap((r) => {
        const task = r.jobSeeker.tasks.find((t) => t.registrationId === r.id);
        if (!task) return [];
        const ledgerAt = earliest.get(r.jobSeekerId) ?? null;
        // Only a message that went out is a contact; an undeliverable one is finished but reached nobody.
        const contacted = [task.status === 'sent' ? task.doneAt : null, ledgerAt && ledgerAt >= r.registeredAt ? ledgerAt : null].filter((d): d is Date => d !== null);
        const contactedAt = contacted.length ? new Date(Math.min(...contacted.map((d) => d.getTime()))) : null;
        return [{ ...masked(r.jobSeeker), registrationId: r.id, regionCode: r.regionCode, registeredAt: r.registeredAt, dueAt: task.deadlineAt ?? task.dueAt, contactedAt }];
      });
    },

    async ledger(scope, from, to) {
      const rows = await readPages((page) => db.contactRecord.findMany({
        ...page,
        where: { at: { gte: from, lt: to }, jobSeeker: { registrations: { some: inScope(scope) } } },
        include: { jobSeeker: { select: { ...personSelect, registrations: { where: inScope(scope), select: { regionCode: true } } } } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      }));
      return rows.map((c) => ({
        ...masked(c.jobSeeker), contactId: c.id, regionCode: c.jobSeeker.registrations[0]?.regionCode ?? scope.prefixes[0] ?? '', at: c.at, kind: c.kind, channel: c.channel,
        outcome: c.outcome, serviceKinds: readJsonColumn(kindsSchema, c.serviceKinds, []), actor: c.actor, notes: c.notes,
      }));
    },

    async casesOpened(scope, kinds, from, to) {
      const rows = await readPages((page) => db.handoffCase.findMany({ ...page, where: { ...inScope(scope), kind: { in: [...kinds] }, createdAt: { gte: from, lt: to } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }));
      return rows.map((c) => ({ caseId: c.id, kind: c.kind, status: c.status, regionCode: c.regionCode, openedAt: c.createdAt, closedAt: c.closedAt, categories: categoriesOf(c.kind, c.details) }));
    },
  };
}
