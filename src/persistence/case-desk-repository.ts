// The caseworker console's cases (the CaseDesk port): every read and write is limited to the caseworker's
// region prefix here, not only in the route. Claims and closes are conditional updates, so of two
// simultaneous claims exactly one changes the row; the other changes nothing and learns who won.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import { changesSince, countOpen, findSummary, getCase, inRegion, listCases, OPEN_STATUSES } from './case-desk-queries.ts';
import type { CaseActionResult, CaseDesk, CaseRefusal, CaseWorkerRef } from '../caseworker/case-desk.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export function createCaseDeskRepository(db: Db, now: () => Date = () => new Date()): CaseDesk {
  const actor = (worker: CaseWorkerRef) => `caseworker:${worker.username}`;

  /** Why a conditional update matched nothing, read after the fact. */
  async function refusal(regionPrefix: string, caseId: string, worker: CaseWorkerRef): Promise<CaseRefusal> {
    const found = await findSummary(db, regionPrefix, caseId);
    if (!found) return { ok: false, reason: 'not_found' };
    if (found.status === 'closed') return { ok: false, reason: 'closed' };
    if (found.claimedBy && found.claimedBy.id !== worker.id) return { ok: false, reason: 'claimed_by_other', by: found.claimedBy.displayName };
    return { ok: false, reason: 'not_claimed' };
  }

  async function done(regionPrefix: string, caseId: string, worker: CaseWorkerRef): Promise<CaseActionResult> {
    const found = await findSummary(db, regionPrefix, caseId);
    return found ? { ok: true, case: found } : refusal(regionPrefix, caseId, worker);
  }

  /** Runs `write` only if the owner-guarded update of the case matched; the audit row goes in the same transaction. */
  async function ownedUpdate(
    regionPrefix: string, caseId: string, worker: CaseWorkerRef,
    change: { from: string[]; allowUnclaimed?: boolean; data: Record<string, unknown> },
    write: (tx: Tx, row: { kind: string; conversationKey: string }) => Promise<void>,
  ): Promise<CaseActionResult> {
    const owners = change.allowUnclaimed ? [{ caseworkerId: worker.id }, { caseworkerId: null }] : [{ caseworkerId: worker.id }];
    const changed = await db.$transaction(async (tx) => {
      const row = await tx.handoffCase.findFirst({ where: { id: caseId, ...inRegion(regionPrefix) }, select: { kind: true, conversationKey: true } });
      if (!row) return false;
      const where = { id: caseId, ...inRegion(regionPrefix), status: { in: change.from }, OR: owners };
      // Prisma skips an update with no data (count 0), so a pure ownership check is a count.
      const matched = Object.keys(change.data).length > 0 ? (await tx.handoffCase.updateMany({ where, data: change.data })).count : await tx.handoffCase.count({ where });
      if (matched !== 1) return false;
      await write(tx, row);
      return true;
    });
    return changed ? done(regionPrefix, caseId, worker) : refusal(regionPrefix, caseId, worker);
  }

  return {
    list: (regionPrefix, status) => listCases(db, regionPrefix, status),
    countOpen: (regionPrefix) => countOpen(db, regionPrefix),
    get: (regionPrefix, caseId) => getCase(db, regionPrefix, caseId),
    changesSince: (regionPrefix, since) => changesSince(db, regionPrefix, since),

    async claim(regionPrefix, caseId, worker) {
      const won = await db.$transaction(async (tx) => {
        const updated = await tx.handoffCase.updateMany({ where: { id: caseId, ...inRegion(regionPrefix), status: 'open', caseworkerId: null }, data: { caseworkerId: worker.id } });
        if (updated.count !== 1) return false;
        const row = await tx.handoffCase.findUniqueOrThrow({ where: { id: caseId }, select: { kind: true, conversationKey: true } });
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.claimed', subjectType: 'handoff_case', subjectId: caseId, details: { caseworkerId: worker.id } }) });
        if (row.kind === 'handoff') await setMode(tx, row.conversationKey, 'caseworker');
        return true;
      });
      return won ? done(regionPrefix, caseId, worker) : refusal(regionPrefix, caseId, worker);
    },

    async recordReply(regionPrefix, caseId, worker, text) {
      const masked = maskPersonalNumbers(text);
      // Replying to a case that waits for the person is fine; it stays as it is (the guard only checks ownership).
      return ownedUpdate(regionPrefix, caseId, worker, { from: OPEN_STATUSES, data: {} }, async (tx, row) => {
        await tx.transcriptMessage.create({ data: { id: randomUUID(), conversationKey: row.conversationKey, direction: 'out', sender: actor(worker), text: masked, at: now() } });
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.replied', subjectType: 'handoff_case', subjectId: caseId, details: { text: masked } }) });
      });
    },

    async close(regionPrefix, caseId, worker, reason) {
      return ownedUpdate(regionPrefix, caseId, worker, { from: OPEN_STATUSES, allowUnclaimed: true, data: { status: 'closed', closedAt: now(), caseworkerId: worker.id } }, async (tx, row) => {
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.closed', subjectType: 'handoff_case', subjectId: caseId, details: { reason } }) });
        if (row.kind === 'handoff') await setMode(tx, row.conversationKey, 'bot');
      });
    },

    async setWaiting(regionPrefix, caseId, worker, waiting) {
      const [from, to] = waiting ? ['open', 'waiting'] : ['waiting', 'open'];
      return ownedUpdate(regionPrefix, caseId, worker, { from: [from], data: { status: to } }, async (tx) => {
        await tx.auditEvent.create({ data: auditRow({ actor: actor(worker), action: waiting ? 'handoff.waiting' : 'handoff.resumed', subjectType: 'handoff_case', subjectId: caseId }) });
      });
    },

    async addNote(regionPrefix, caseId, worker, text) {
      const found = await findSummary(db, regionPrefix, caseId);
      if (!found) return { ok: false, reason: 'not_found' };
      // Internal notes live in the audit trail (masked like every audit row); the person never sees them.
      await db.auditEvent.create({ data: auditRow({ actor: actor(worker), action: 'handoff.note', subjectType: 'handoff_case', subjectId: caseId, details: { text } }) });
      return { ok: true, case: found };
    },
  };
}

/** The conversation's mode, bumping its version so an engine turn in flight reloads instead of overwriting. */
async function setMode(tx: Tx, conversationKey: string, mode: 'bot' | 'caseworker'): Promise<void> {
  await tx.conversationState.updateMany({ where: { conversationKey }, data: { mode, version: { increment: 1 } } });
}
