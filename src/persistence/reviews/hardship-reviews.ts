// Hardship pre-screens (hardship_recognition cases) for review, and one decision per category: the unique
// (case, category) index makes a second decision fail, so a stale click changes nothing and learns who decided.
// A confirmed category marks the person's open registrations as in hardship, which outreach re-plans from (R1.4.3).
import { randomUUID } from 'node:crypto';
import type { Db } from '../database.ts';
import { inScope } from '../scope-filter.ts';
import type { AccessScope } from '../../caseworker/region-scope.ts';
import { auditRow } from '../audit-repository.ts';
import { readJsonColumn } from '../json-column.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { HARDSHIP_CASE_KIND } from '../hardship-request-repository.ts';
import { caseStatusOf, maskedPersonOf, maskedPersonSelect, namesById, whereCaseStatus, type Tx } from './review-rows.ts';
import { HardshipPrescreenSchema } from '../../conversation/answers/hardship-prescreen.ts';
import { HARDSHIP_OUTCOMES, type DecisionDesk, type HardshipForReview } from '../../caseworker/decision-desk.ts';

type CaseRow = { id: string; status: string; regionCode: string; createdAt: Date; details: string; jobSeeker: { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null } | null };

const isOutcome = (s: string): s is (typeof HARDSHIP_OUTCOMES)[number] => HARDSHIP_OUTCOMES.some((o) => o === s);

export async function hardshipViewsOf(db: Db, rows: CaseRow[]): Promise<HardshipForReview[]> {
  const decisions = rows.length === 0 ? [] : await db.hardshipCategoryDecision.findMany({ where: { caseId: { in: rows.map((r) => r.id) } }, orderBy: { at: 'asc' } });
  const nameOf = await namesById(db, decisions.map((d) => d.caseworkerId));
  return rows.map((row) => ({
    caseId: row.id,
    status: caseStatusOf(row.status),
    regionCode: row.regionCode,
    openedAt: row.createdAt,
    person: maskedPersonOf(row.jobSeeker),
    prescreen: readJsonColumn(HardshipPrescreenSchema.nullable(), row.details, null),
    decisions: decisions
      .filter((d) => d.caseId === row.id)
      .map((d) => ({ category: d.category, outcome: isOutcome(d.outcome) ? d.outcome : 'rejected', reason: d.reason, by: nameOf(d.caseworkerId), at: d.at })),
  }));
}

/**
 * One confirmed category makes the person a hardship person (就业困难人员): their open unemployment registrations get
 * `hardshipConfirmedAt` (once), and the next outreach tick re-plans them on the pack's hardship interval (R1.4.3).
 * A rejection never clears it: each decision is final for its case and category, so a rejected category of a later
 * pre-screen does not undo a recognition already made (revoking one is not a console action).
 */
async function markHardship(tx: Tx, scope: AccessScope, jobSeekerId: string, why: { caseId: string; category: string; actor: string; at: Date }): Promise<void> {
  const where = { jobSeekerId, kind: 'unemployment', status: { in: ['pending_review', 'registered'] }, hardshipConfirmedAt: null, ...inScope(scope) };
  const open = await tx.registration.findMany({ where, select: { id: true } });
  if (open.length === 0) return;
  await tx.registration.updateMany({ where: { ...where, id: { in: open.map((r) => r.id) } }, data: { hardshipConfirmedAt: why.at } });
  for (const r of open) {
    await tx.auditEvent.create({
      data: auditRow({ actor: why.actor, action: 'registration.hardship_confirmed', subjectType: 'registration', subjectId: r.id, details: { caseId: why.caseId, category: why.category, jobSeekerId } }),
    });
  }
}

export function createHardshipReviews(db: Db): Pick<DecisionDesk, 'hardshipRequests' | 'hardshipRequest' | 'decideHardshipCategory'> {
  const one = async (scope: AccessScope, caseId: string) => {
    const row = await db.handoffCase.findFirst({ where: { id: caseId, kind: HARDSHIP_CASE_KIND, ...inScope(scope) }, include: { jobSeeker: maskedPersonSelect } });
    return row ? ((await hardshipViewsOf(db, [row]))[0] ?? null) : null;
  };
  return {
    async hardshipRequests(scope, status) {
      const rows = await db.handoffCase.findMany({
        where: { kind: HARDSHIP_CASE_KIND, ...inScope(scope), ...whereCaseStatus(status) }, include: { jobSeeker: maskedPersonSelect }, orderBy: { createdAt: 'asc' }, take: 200,
      });
      return hardshipViewsOf(db, rows);
    },
    hardshipRequest: one,
    async decideHardshipCategory(scope, caseId, decision) {
      const found = await one(scope, caseId);
      if (!found) return { ok: false, reason: 'not_found' };
      if (found.status === 'closed') return { ok: false, reason: 'already_decided', status: 'closed' };
      if (!found.prescreen?.categories.some((c) => c.code === decision.category)) return { ok: false, reason: 'unknown_category' };
      const actor = `caseworker:${decision.worker.username}`;
      try {
        await db.$transaction(async (tx) => {
          await tx.hardshipCategoryDecision.create({
            data: { id: randomUUID(), caseId, category: decision.category, outcome: decision.outcome, reason: decision.reason, caseworkerId: decision.worker.id, at: decision.at },
          });
          await tx.auditEvent.create({
            data: auditRow({ actor, action: 'hardship.category_decided', subjectType: 'handoff_case', subjectId: caseId, details: { category: decision.category, outcome: decision.outcome, reason: decision.reason, clause: decision.clause } }),
          });
          if (decision.outcome === 'confirmed' && found.person) await markHardship(tx, scope, found.person.jobSeekerId, { caseId, category: decision.category, actor, at: decision.at });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const first = (await one(scope, caseId))?.decisions.find((d) => d.category === decision.category);
        return { ok: false, reason: 'already_decided', ...(first ? { by: first.by } : {}) };
      }
      const request = await one(scope, caseId);
      return request ? { ok: true, request } : { ok: false, reason: 'not_found' };
    },
  };
}
