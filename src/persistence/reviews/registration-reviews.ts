// Pending registrations for review, and their decision: a conditional update from pending_review, so of two
// caseworkers deciding at once exactly one changes the row; the history row and audit go in the same transaction.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../database.ts';
import { inScope } from '../scope-filter.ts';
import type { AccessScope } from '../../caseworker/region-scope.ts';
import { auditRow } from '../audit-repository.ts';
import { readJsonColumn } from '../json-column.ts';
import { maskedPersonOf, maskedPersonSelect, nameOfActor } from './review-rows.ts';
import type { DecisionDesk, RegistrationForReview } from '../../caseworker/decision-desk.ts';

const creditPromiseSchema = z.object({
  creditPromise: z.object({ promisedOn: z.string(), dueBy: z.string(), provisional: z.boolean(), source: z.string() }).nullable().optional(),
});

type Row = Awaited<ReturnType<Db['registration']['findFirstOrThrow']>> & { jobSeeker: { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null } };

function viewOf(row: Row): RegistrationForReview {
  return {
    id: row.id, kind: row.kind, status: row.status, reason: row.reason, regionCode: row.regionCode, registeredAt: row.registeredAt,
    person: maskedPersonOf(row.jobSeeker) ?? { jobSeekerId: row.jobSeekerId, name: null, idNumber: null, phone: null },
    creditPromise: readJsonColumn(creditPromiseSchema, row.details, {}).creditPromise ?? null,
  };
}

export function createRegistrationReviews(db: Db): Pick<DecisionDesk, 'pendingRegistrations' | 'registration' | 'decideRegistration'> {
  const find = async (scope: AccessScope, id: string) => {
    const row = await db.registration.findFirst({ where: { id, ...inScope(scope) }, include: { jobSeeker: maskedPersonSelect } });
    return row ? viewOf(row) : null;
  };
  return {
    async pendingRegistrations(scope) {
      const rows = await db.registration.findMany({
        where: { ...inScope(scope), status: 'pending_review' }, include: { jobSeeker: maskedPersonSelect }, orderBy: { registeredAt: 'asc' }, take: 500,
      });
      return rows.map(viewOf);
    },
    registration: find,
    async decideRegistration(scope, id, decision) {
      const actor = `caseworker:${decision.worker.username}`;
      const changed = await db.$transaction(async (tx) => {
        const updated = await tx.registration.updateMany({ where: { id, ...inScope(scope), status: 'pending_review' }, data: { status: decision.outcome } });
        if (updated.count !== 1) return false;
        await tx.registrationEvent.create({ data: { id: randomUUID(), registrationId: id, fromStatus: 'pending_review', toStatus: decision.outcome, actor, note: decision.reason, at: decision.at } });
        await tx.auditEvent.create({
          data: auditRow({ actor, action: 'registration.decided', subjectType: 'registration', subjectId: id, details: { outcome: decision.outcome, reason: decision.reason, clause: decision.clause } }),
        });
        return true;
      });
      const now = await find(scope, id);
      if (!now) return { ok: false, reason: 'not_found' };
      if (changed) return { ok: true, registration: now };
      const last = await db.registrationEvent.findFirst({ where: { registrationId: id }, orderBy: { at: 'desc' } });
      return { ok: false, reason: 'already_decided', status: now.status, ...(last ? { by: await nameOfActor(db, last.actor) } : {}) };
    },
  };
}
