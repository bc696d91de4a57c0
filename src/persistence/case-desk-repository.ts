// The caseworker console's cases (the CaseDesk port): every read and write is limited to the caseworker's
// region prefix here, not only in the route. Claims and closes are conditional updates, so of two
// simultaneous claims exactly one changes the row; the other changes nothing and learns who won.
import type { AccessScope } from '../caseworker/region-scope.ts';
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import { changesSince, countOpen, findSummary, getCase, inScope, listCases, OPEN_STATUSES } from './case-desk-queries.ts';
import type { CaseActionResult, CaseDesk, CaseRefusal, CaseWorkerRef } from '../caseworker/case-desk.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import { clearExitReport, isSelfReportedExit } from './reviews/exit-report.ts';
import { DEREGISTRATION_FACT_KIND } from './reviews/deregistration-reviews.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export function createCaseDeskRepository(db: Db, now: () => Date = () => new Date()): CaseDesk {
  const actor = (worker: CaseWorkerRef) => `caseworker:${worker.username}`;

  /** Why a conditional update matched nothing, read after the fact. */
  async function refusal(scope: AccessScope, caseId: string, worker: CaseWorkerRef): Promise<CaseRefusal> {
    const found = await findSummary(db, scope, caseId);
    if (!found) return { ok: false, reason: 'not_found' };
    if (found.status === 'closed') return { ok: false, reason: 'closed' };
    if (found.claimedBy && found.claimedBy.id !== worker.id) return { ok: false, reason: 'claimed_by_other', by: found.claimedBy.displayName };
    return { ok: false, reason: 'not_claimed' };
  }

  async function done(scope: AccessScope, caseId: string, worker: CaseWorkerRef): Promise<CaseActionResult> {
    const found = await findSummary(db, scope, caseId);
    return found ? { ok: true, case: found } : refusal(scope, caseId, worker);
  }

  /** Runs `write` only if the owner-guarded update of the case matched; the audit row goes in the same transaction. */
  async function ownedUpdate(
    scope: AccessScope, caseId: string, worker: CaseWorkerRef,
    change: { from: string[]; allowUnclaimed?: boolean; data: Record<string, unknown> },
    write: (tx: Tx, row: { kind: string; conversationKey: string }) => Promise<void>,
  ): Promise<CaseActionResult> {
    const owners = change.allowUnclaimed ? [{ caseworkerId: worker.id }, { caseworkerId: null }] : [{ caseworkerId: worker.id }];
    const changed = await db.$transaction(async (tx) => {
      const row = await tx.handoffCase.findFirst({ where: { id: caseId, ...inScope(scope) }, select: { kind: true, conversationKey: true } });
      if (!row) return false;
      const where = { id: caseId, ...inScope(scope), status: { in: change.from }, OR: owners };
      // Prisma skips an update with no data (count 0), so a pure ownership check is a count.
      const matched = Object.keys(change.data).length > 0 ? (await tx.handoffCase.updateMany({ where, data: change.data })).count : await tx.handoffCase.count({ where });
      if (matched !== 1) return false;
      await write(tx, row);
      return true;
    });
    return changed ? done(scope, caseId, worker) : refusal(scope, caseId, worker);
  }

  return {
    list: (scope, status) => listCases(db, scope, status),
    countOpen: (scope) => countOpen(db, scope),
    get: (scope, caseId) => getCase(db, scope, caseId),
    changesSince: (scope, since) => changesSince(db, scope, since),

    async claim(scope, caseId, worker) {
      const won = await db.$transaction(async (tx) => {
        const updated = await tx.handoffCase.updateMany({ where: { id: caseId, ...inScope(scope), status: 'open', caseworkerId: null }, data: { caseworkerId: worker.id } });
        if (updated.count !== 1) return false;
        const row = await tx.handoffCase.findUniqueOrThrow({ where: { id: caseId }, select: { kind: true, conversationKey: true } });
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.claimed', subjectType: 'handoff_case', subjectId: caseId, details: { caseworkerId: worker.id } }) });
        if (row.kind === 'handoff') await setMode(tx, row.conversationKey, 'caseworker');
        return true;
      });
      return won ? done(scope, caseId, worker) : refusal(scope, caseId, worker);
    },

    async recordReply(scope, caseId, worker, text) {
      const masked = maskPersonalNumbers(text);
      // Replying to a case that waits for the person is fine; it stays as it is (the guard only checks ownership).
      return ownedUpdate(scope, caseId, worker, { from: OPEN_STATUSES, data: {} }, async (tx, row) => {
        await tx.transcriptMessage.create({ data: { id: randomUUID(), conversationKey: row.conversationKey, direction: 'out', sender: actor(worker), text: masked, at: now() } });
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.replied', subjectType: 'handoff_case', subjectId: caseId, details: { text: masked } }) });
      });
    },

    async close(scope, caseId, worker, reason) {
      return ownedUpdate(scope, caseId, worker, { from: OPEN_STATUSES, allowUnclaimed: true, data: { status: 'closed', closedAt: now(), caseworkerId: worker.id } }, async (tx, row) => {
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.closed', subjectType: 'handoff_case', subjectId: caseId, details: { reason } }) });
        if (row.kind === 'handoff') await setMode(tx, row.conversationKey, 'bot');
        // A reported job closed without deregistering: the registration is kept, so outreach offers resume.
        if (row.kind === DEREGISTRATION_FACT_KIND) {
          const fact = await tx.handoffCase.findUnique({ where: { id: caseId }, select: { jobSeekerId: true, reason: true } });
          if (fact?.jobSeekerId && isSelfReportedExit(fact.reason)) await clearExitReport(tx, fact.jobSeekerId, { actor: actor(worker), caseId });
        }
      });
    },

    async setWaiting(scope, caseId, worker, waiting) {
      const [from, to] = waiting ? ['open', 'waiting'] : ['waiting', 'open'];
      return ownedUpdate(scope, caseId, worker, { from: [from], data: { status: to } }, async (tx) => {
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: waiting ? 'handoff.waiting' : 'handoff.resumed', subjectType: 'handoff_case', subjectId: caseId }) });
      });
    },

    async transfer(scope, caseId, worker, target, note) {
      if (target.to === 'colleague' && !(await findSummary(db, target.scope, caseId))) return { ok: false, reason: 'not_found' };
      const data = target.to === 'colleague' ? { caseworkerId: target.colleague.id } : { regionCode: target.regionCode, caseworkerId: null, status: 'open' };
      const to = target.to === 'colleague' ? { colleague: target.colleague.username } : { district: target.regionCode };
      const result = await ownedUpdate(scope, caseId, worker, { from: OPEN_STATUSES, allowUnclaimed: true, data }, async (tx, row) => {
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.transferred', subjectType: 'handoff_case', subjectId: caseId, details: { ...to, note } }) });
        // Handed to a district, the person waits for someone to claim it again; a colleague takes it over as it is.
        if (row.kind === 'handoff') await setMode(tx, row.conversationKey, target.to === 'district' ? 'awaiting_caseworker' : 'caseworker');
      });
      // A case sent to a district outside the caller's own is no longer theirs to see: say it went, not "not found".
      if (!result.ok && result.reason === 'not_found' && target.to === 'district') {
        const moved = await findSummary(db, { prefixes: [target.regionCode] }, caseId);
        if (moved) return { ok: true, case: moved };
      }
      return result;
    },

    async addNote(scope, caseId, worker, text) {
      const found = await findSummary(db, scope, caseId);
      if (!found) return { ok: false, reason: 'not_found' };
      // Internal notes live in the audit trail (masked like every audit row); the person never sees them.
      await db.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.note', subjectType: 'handoff_case', subjectId: caseId, details: { text } }) });
      return { ok: true, case: found };
    },
  };
}

/** The conversation's mode, bumping its version so an engine turn in flight reloads instead of overwriting. */
async function setMode(tx: Tx, conversationKey: string, mode: 'bot' | 'caseworker' | 'awaiting_caseworker'): Promise<void> {
  await tx.conversationState.updateMany({ where: { conversationKey }, data: { mode, version: { increment: 1 } } });
}
