// Reads for the caseworker's work lists and monthly reports (WorkReportSource). Every query is scoped to a
// region-code prefix here, in the repository, so no caller can forget it. Only masked ID and phone leave.
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import type { CaseRow, MaskedPerson, WorkReportSource } from '../caseworker/work-report-source.ts';

/** Work lists show the first this many of each kind (most urgent first); full reads go in pages of this size. */
const LIST_LIMIT = 2000;
const EXIT_STATUSES = ['deregistered', 'withdrawn'];
const OPEN_CASE_STATUSES = ['open', 'waiting'];

const promiseSchema = z.object({ creditPromise: z.object({ dueBy: z.string() }).nullable().optional() }).passthrough();
const prescreenSchema = z.object({ categories: z.array(z.object({ code: z.string(), status: z.string() }).passthrough()) }).passthrough();
const kindsSchema = z.array(z.string());

type PersonColumns = { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null };
const personSelect = { id: true, name: true, idNumberMask: true, phoneMask: true } as const;

function masked(p: PersonColumns): MaskedPerson {
  return { jobSeekerId: p.id, name: p.name, idNumber: p.idNumberMask, phone: p.phoneMask };
}

function categoriesOf(kind: string, details: string): CaseRow['categories'] {
  if (kind !== 'hardship_recognition') return [];
  return readJsonColumn(prescreenSchema, details, { categories: [] }).categories.map((c) => ({ code: c.code, status: c.status }));
}

export function createWorkReportRepository(db: Db): WorkReportSource {
  const inRegion = (prefix: string) => ({ regionCode: { startsWith: prefix } });
  return {
    async firstContactTasksOpen(prefix) {
      const tasks = await db.outreachTask.findMany({
        where: { kind: 'first_contact', status: 'pending', doneAt: null, jobSeeker: { registrations: { some: { ...inRegion(prefix), status: { in: ['pending_review', 'registered'] } } } } },
        include: {
          jobSeeker: {
            select: {
              ...personSelect,
              registrations: { where: inRegion(prefix), select: { id: true, regionCode: true, registeredAt: true } },
              contacts: { select: { at: true }, orderBy: { at: 'desc' }, take: 1 },
            },
          },
        },
        orderBy: { dueAt: 'asc' },
        take: LIST_LIMIT,
      });
      return tasks.flatMap((t) => {
        const registration = t.jobSeeker.registrations.find((r) => r.id === t.registrationId) ?? t.jobSeeker.registrations[0];
        if (!registration) return [];
        // A contact logged in the ledger since the registration is the first contact, even before delivery marks the task.
        const lastContact = t.jobSeeker.contacts[0]?.at;
        if (lastContact && lastContact >= registration.registeredAt) return [];
        return [{ ...masked(t.jobSeeker), taskId: t.id, registrationId: t.registrationId, regionCode: registration.regionCode, registeredAt: registration.registeredAt, dueAt: t.dueAt, provisional: t.provisional }];
      });
    },

    async registrationsPendingReview(prefix) {
      const rows = await db.registration.findMany({
        where: { ...inRegion(prefix), status: 'pending_review' },
        include: { jobSeeker: { select: personSelect } },
        orderBy: { registeredAt: 'asc' },
        take: LIST_LIMIT,
      });
      return rows.map((r) => ({
        ...masked(r.jobSeeker), registrationId: r.id, regionCode: r.regionCode, kind: r.kind, registeredAt: r.registeredAt,
        promiseDueBy: readJsonColumn(promiseSchema, r.details, {}).creditPromise?.dueBy ?? null,
      }));
    },

    async casesOpen(prefix, kinds) {
      const rows = await db.handoffCase.findMany({
        where: { ...inRegion(prefix), kind: { in: [...kinds] }, status: { in: OPEN_CASE_STATUSES } },
        include: { jobSeeker: { select: personSelect } },
        orderBy: { createdAt: 'asc' },
        take: LIST_LIMIT,
      });
      return rows.map((c) => ({
        caseId: c.id, kind: c.kind, status: c.status, reason: c.reason, regionCode: c.regionCode, openedAt: c.createdAt, claimedBy: c.caseworkerId,
        person: c.jobSeeker ? masked(c.jobSeeker) : null, categories: categoriesOf(c.kind, c.details),
      }));
    },

    // Reports and the quota list need every open registration, not the first page: read them in pages by id.
    async registrationsOpen(prefix) {
      const found: Awaited<ReturnType<WorkReportSource['registrationsOpen']>> = [];
      let cursor: string | undefined;
      for (;;) {
        const rows = await db.registration.findMany({
          where: { ...inRegion(prefix), status: 'registered', kind: 'unemployment' },
          include: { jobSeeker: { select: { ...personSelect, contacts: { select: { at: true, serviceKinds: true }, orderBy: { at: 'asc' } } } } },
          orderBy: { id: 'asc' },
          take: LIST_LIMIT,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        found.push(...rows.map((r) => ({
          ...masked(r.jobSeeker), registrationId: r.id, regionCode: r.regionCode, registeredAt: r.registeredAt,
          contacts: r.jobSeeker.contacts.map((c) => ({ at: c.at, serviceKinds: readJsonColumn(kindsSchema, c.serviceKinds, []) })),
        })));
        if (rows.length < LIST_LIMIT) break;
        cursor = rows[rows.length - 1]?.id;
      }
      return found.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
    },

    async registrationMovements(prefix, from, to) {
      const rows = await db.registration.findMany({
        where: { ...inRegion(prefix), OR: [{ registeredAt: { gte: from, lt: to } }, { history: { some: { toStatus: { in: EXIT_STATUSES }, at: { gte: from, lt: to } } } }] },
        select: { regionCode: true, registeredAt: true, status: true, history: { where: { toStatus: { in: EXIT_STATUSES } }, select: { at: true }, orderBy: { at: 'asc' }, take: 1 } },
      });
      return rows.map((r) => ({ regionCode: r.regionCode, registeredAt: r.registeredAt, status: r.status, exitedAt: r.history[0]?.at ?? null }));
    },

    async firstContacts(prefix, from, to) {
      const rows = await db.registration.findMany({
        where: { ...inRegion(prefix), kind: 'unemployment', registeredAt: { gte: from, lt: to }, status: { not: 'rejected' } },
        include: { jobSeeker: { select: { ...personSelect, tasks: { where: { kind: 'first_contact' }, select: { registrationId: true, dueAt: true, doneAt: true } } } } },
        orderBy: { registeredAt: 'asc' },
      });
      const firstLedger = await db.contactRecord.groupBy({
        by: ['jobSeekerId'],
        where: { jobSeekerId: { in: rows.map((r) => r.jobSeekerId) }, at: { gte: from } },
        _min: { at: true },
      });
      const earliest = new Map(firstLedger.map((g) => [g.jobSeekerId, g._min.at]));
      return rows.flatMap((r) => {
        const task = r.jobSeeker.tasks.find((t) => t.registrationId === r.id);
        if (!task) return [];
        const ledgerAt = earliest.get(r.jobSeekerId) ?? null;
        const contacted = [task.doneAt, ledgerAt && ledgerAt >= r.registeredAt ? ledgerAt : null].filter((d): d is Date => d !== null);
        const contactedAt = contacted.length ? new Date(Math.min(...contacted.map((d) => d.getTime()))) : null;
        return [{ ...masked(r.jobSeeker), registrationId: r.id, regionCode: r.regionCode, registeredAt: r.registeredAt, dueAt: task.dueAt, contactedAt }];
      });
    },

    async ledger(prefix, from, to) {
      const rows = await db.contactRecord.findMany({
        where: { at: { gte: from, lt: to }, jobSeeker: { registrations: { some: inRegion(prefix) } } },
        include: { jobSeeker: { select: { ...personSelect, registrations: { where: inRegion(prefix), select: { regionCode: true }, take: 1 } } } },
        orderBy: { at: 'asc' },
      });
      return rows.map((c) => ({
        ...masked(c.jobSeeker), contactId: c.id, regionCode: c.jobSeeker.registrations[0]?.regionCode ?? prefix, at: c.at, kind: c.kind, channel: c.channel,
        outcome: c.outcome, serviceKinds: readJsonColumn(kindsSchema, c.serviceKinds, []), actor: c.actor, notes: c.notes,
      }));
    },

    async casesOpened(prefix, kinds, from, to) {
      const rows = await db.handoffCase.findMany({ where: { ...inRegion(prefix), kind: { in: [...kinds] }, createdAt: { gte: from, lt: to } }, orderBy: { createdAt: 'asc' } });
      return rows.map((c) => ({ caseId: c.id, kind: c.kind, status: c.status, regionCode: c.regionCode, openedAt: c.createdAt, closedAt: c.closedAt, categories: categoriesOf(c.kind, c.details) }));
    },
  };
}
