// Facts a person reported (found a job, in school, ...) or outreach recorded (no contact for months, refusals in a
// row) filed as deregistration_fact cases, and the
// caseworker's decision: the case closes only if still open, and a deregistration changes the registration
// only if it is still `registered`; both in one transaction with the history row and the audit record.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../database.ts';
import { inScope } from '../scope-filter.ts';
import type { AccessScope } from '../../caseworker/region-scope.ts';
import { auditRow } from '../audit-repository.ts';
import { readJsonColumn } from '../json-column.ts';
import { clearExitReport, isSelfReportedExit } from './exit-report.ts';
import { caseStatusOf, maskedPersonOf, maskedPersonSelect, namesById, OPEN_CASE_STATUSES, whereCaseStatus } from './review-rows.ts';
import type { DecisionDesk, DeregistrationFactForReview } from '../../caseworker/decision-desk.ts';

export const DEREGISTRATION_FACT_KIND = 'deregistration_fact';

const detailsSchema = z.object({
  facts: z.record(z.string(), z.unknown()).optional(),
  registrationId: z.string().optional(),
  reportedOn: z.string().optional(),
  /** `outreach`: filed by the scheduler (no contact, refusals), not reported by the person. */
  source: z.string().optional(),
  lastReachedOn: z.string().optional(),
});

type CaseRow = { id: string; status: string; regionCode: string; createdAt: Date; reason: string; details: string; jobSeeker: { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null } | null };

function viewOf(row: CaseRow): DeregistrationFactForReview {
  const details = readJsonColumn(detailsSchema, row.details, {});
  return {
    caseId: row.id, status: caseStatusOf(row.status), regionCode: row.regionCode, openedAt: row.createdAt, person: maskedPersonOf(row.jobSeeker),
    situation: row.reason, facts: details.facts ?? {}, registrationId: details.registrationId ?? null, reportedOn: details.reportedOn ?? null,
    origin: details.source === 'outreach' ? 'outreach' : 'person', lastReachedOn: details.lastReachedOn ?? null,
  };
}

class NotRegistered extends Error {
  constructor(readonly status: string | undefined) {
    super('registration is not registered');
  }
}

export function createDeregistrationReviews(db: Db): Pick<DecisionDesk, 'deregistrationFacts' | 'deregistrationFact' | 'decideDeregistration'> {
  const one = async (scope: AccessScope, caseId: string) => {
    const row = await db.handoffCase.findFirst({ where: { id: caseId, kind: DEREGISTRATION_FACT_KIND, ...inScope(scope) }, include: { jobSeeker: maskedPersonSelect } });
    return row ? viewOf(row) : null;
  };
  return {
    async deregistrationFacts(scope, status) {
      const rows = await db.handoffCase.findMany({
        where: { kind: DEREGISTRATION_FACT_KIND, ...inScope(scope), ...whereCaseStatus(status) }, include: { jobSeeker: maskedPersonSelect }, orderBy: { createdAt: 'asc' }, take: 200,
      });
      return rows.map(viewOf);
    },
    deregistrationFact: one,
    async decideDeregistration(scope, caseId, decision) {
      const found = await one(scope, caseId);
      if (!found) return { ok: false, reason: 'not_found' };
      const actor = `caseworker:${decision.worker.username}`;
      const registrationId = found.registrationId;
      let closed: boolean;
      try {
        closed = await db.$transaction(async (tx) => {
          const where = { id: caseId, kind: DEREGISTRATION_FACT_KIND, ...inScope(scope), status: { in: OPEN_CASE_STATUSES } };
          const updated = await tx.handoffCase.updateMany({ where, data: { status: 'closed', closedAt: decision.at, caseworkerId: decision.worker.id } });
          if (updated.count !== 1) return false;
          if (decision.outcome === 'deregistered') {
            const ended = registrationId ? await tx.registration.updateMany({ where: { id: registrationId, ...inScope(scope), status: 'registered' }, data: { status: 'withdrawn' } }) : { count: 0 };
            if (ended.count !== 1) {
              const current = registrationId ? await tx.registration.findUnique({ where: { id: registrationId }, select: { status: true } }) : null;
              throw new NotRegistered(current?.status);
            }
            await tx.registrationEvent.create({ data: { id: randomUUID(), registrationId: registrationId ?? '', fromStatus: 'registered', toStatus: 'withdrawn', actor, note: `${decision.grounds.join(',')}: ${decision.note}`, at: decision.at } });
          } else if (found.person && isSelfReportedExit(found.situation)) {
            // Kept: the job did not end the registration, so outreach offers resume (EXIT_REPORT_PAUSES_OFFERS).
            await clearExitReport(tx, found.person.jobSeekerId, { actor, caseId });
          }
          await tx.auditEvent.create({
            data: auditRow({ actor, action: 'deregistration.decided', subjectType: 'handoff_case', subjectId: caseId, details: { outcome: decision.outcome, grounds: decision.grounds, note: decision.note, registrationId } }),
          });
          return true;
        });
      } catch (error) {
        if (error instanceof NotRegistered) return { ok: false, reason: 'not_registered', ...(error.status ? { status: error.status } : {}) };
        throw error;
      }
      const now = await one(scope, caseId);
      if (!now) return { ok: false, reason: 'not_found' };
      if (closed) return { ok: true, fact: now };
      const row = await db.handoffCase.findUnique({ where: { id: caseId }, select: { caseworkerId: true } });
      const by = row?.caseworkerId ? (await namesById(db, [row.caseworkerId]))(row.caseworkerId) : undefined;
      return { ok: false, reason: 'already_decided', status: 'closed', ...(by ? { by } : {}) };
    },
  };
}
