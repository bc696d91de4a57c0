// The console's case API under /api/caseworker: list by status (with the SLA due time), one case with the
// person's messages, claim, reply, close, notes, waiting. Bodies are checked with zod; every call is audited.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { CASE_STATUSES, type CaseDesk, type CaseSummary } from './case-desk.ts';
import type { CaseActions } from './case-actions.ts';
import type { IdentityConfirmation } from './confirm-identity.ts';
import { sendBadRequest, sendRefusal } from './case-refusals.ts';
import { scopeOf, type AccessScope } from './region-scope.ts';
import { caseworkerOf, requireCaseworker, type SessionFinder } from './session-auth.ts';
import type { AuditLog } from '../conversation/ports.ts';

/** When a case opened at `openedAt` in `regionCode` is due (the region's working-day SLA). */
export type CaseDueBy = (regionCode: string, openedAt: Date) => { dueBy: Date; provisional: boolean };

export interface CasesRouterDeps {
  sessions: SessionFinder;
  desk: CaseDesk;
  actions: CaseActions;
  identity: IdentityConfirmation;
  audit: AuditLog;
  dueBy: CaseDueBy;
  now?: () => Date;
}

const ListQuery = z.object({ status: z.enum(CASE_STATUSES).default('new') });
const CaseId = z.object({ id: z.string().uuid() });
const TextBody = z.object({ text: z.string().trim().min(1).max(2000) });
const CloseBody = z.object({ reason: z.string().trim().min(1).max(500) });
const WaitingBody = z.object({ waiting: z.boolean() });

export function createCasesRouter(deps: CasesRouterDeps): Router {
  const now = deps.now ?? (() => new Date());
  const router = express.Router();
  // Cache-Control: no-store comes from the app for all of /api (security-headers.ts).
  router.use('/cases', express.json({ limit: '16kb' }), requireCaseworker(deps.sessions, now));

  const view = (c: CaseSummary) => {
    const due = deps.dueBy(c.regionCode, c.openedAt);
    return {
      id: c.id, status: c.status, kind: c.kind, reason: c.reason,
      openedAt: c.openedAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null,
      dueBy: due.dueBy.toISOString(), dueByProvisional: due.provisional,
      overdue: c.status !== 'closed' && now() > due.dueBy,
      claimedBy: c.claimedBy, person: c.person,
    };
  };
  const actor = (username: string) => `caseworker:${username}`;

  router.get('/cases', async (req, res) => {
    const worker = caseworkerOf(res);
    const query = ListQuery.safeParse(req.query);
    if (!query.success) return sendBadRequest(res, '状态只能是 new、claimed、waiting 或 closed。');
    const scope = scopeOf(worker);
    const [cases, counts] = await Promise.all([deps.desk.list(scope, query.data.status), deps.desk.countOpen(scope)]);
    await deps.audit.record({ actor: actor(worker.username), action: 'handoff.listed', subjectType: 'handoff_case', details: { status: query.data.status, count: cases.length } });
    res.json({ cases: cases.map(view), counts });
  });

  router.get('/cases/:id', async (req, res) => {
    const worker = caseworkerOf(res);
    const params = CaseId.safeParse(req.params);
    if (!params.success) return sendRefusal(res, { ok: false, reason: 'not_found' });
    const found = await deps.desk.get(scopeOf(worker), params.data.id);
    if (!found) return sendRefusal(res, { ok: false, reason: 'not_found' });
    await deps.audit.record({ actor: actor(worker.username), action: 'handoff.viewed', subjectType: 'handoff_case', subjectId: found.id });
    const { reference, excerpt, messages, notes, closeReason } = found;
    res.json({
      case: {
        ...view(found),
        canReply: reference !== null,
        closeReason,
        excerpt,
        messages: messages.map((m) => ({ ...m, at: m.at.toISOString() })),
        notes: notes.map((n) => ({ ...n, at: n.at.toISOString() })),
      },
    });
  });

  /** One POST action: checks the id and body, runs `act`, answers with the case or why nothing changed. */
  function action<T>(path: string, body: z.ZodType<T>, badBody: string, act: (scope: AccessScope, id: string, worker: ReturnType<typeof caseworkerOf>, input: T) => ReturnType<CaseActions['claim']>) {
    router.post(`/cases/:id/${path}`, async (req, res) => {
      const worker = caseworkerOf(res);
      const params = CaseId.safeParse(req.params);
      if (!params.success) return sendRefusal(res, { ok: false, reason: 'not_found' });
      const input = body.safeParse(req.body ?? {});
      if (!input.success) return sendBadRequest(res, badBody);
      const result = await act(scopeOf(worker), params.data.id, worker, input.data);
      if (!result.ok) return sendRefusal(res, result);
      res.json({ case: view(result.case) });
    });
  }

  action('claim', z.object({}).passthrough(), '请求格式不正确。', (scope, id, worker) => deps.actions.claim(scope, id, worker));
  action('reply', TextBody, '请填写回复内容（不超过 2000 字）。', (scope, id, worker, input) => deps.actions.reply(scope, id, worker, input.text));
  action('close', CloseBody, '请填写结束原因（不超过 500 字）。', (scope, id, worker, input) => deps.actions.close(scope, id, worker, input.reason));
  action('notes', TextBody, '请填写备注内容（不超过 2000 字）。', (scope, id, worker, input) => deps.desk.addNote(scope, id, worker, input.text));
  action('confirm-identity', z.object({}).passthrough(), '请求格式不正确。', (scope, id, worker) => deps.identity.confirm(scope, id, worker));
  action('waiting', WaitingBody, '请说明是否在等待当事人（waiting: true 或 false）。', (scope, id, worker, input) => deps.desk.setWaiting(scope, id, worker, input.waiting));

  return router;
}
