// The console's case API under /api/caseworker: list by status (with the SLA due time), one case with the
// person's messages, claim, reply, close, notes, waiting, transfer to a colleague or another district. Bodies are checked with zod; every call is audited.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { CASE_STATUSES, type CaseDesk, type CaseSummary, type CaseTransferTarget } from './case-desk.ts';
import type { CaseActions } from './case-actions.ts';
import type { IdentityConfirmation } from './confirm-identity.ts';
import { sendBadRequest, sendRefusal } from './case-refusals.ts';
import { isWithinRegion, scopeOf, type AccessScope } from './region-scope.ts';
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
  /** Colleagues a case may be handed to, found by username. */
  colleagues: { findByUsername(username: string): Promise<{ id: string; username: string; displayName: string; regionCode: string; districts: string[]; disabledAt: Date | null } | null> };
  /** The service's region: a case may be handed to any district inside it. */
  serviceRegion: string;
  now?: () => Date;
}

const ListQuery = z.object({ status: z.enum(CASE_STATUSES).default('new') });
const CaseId = z.object({ id: z.string().uuid() });
const TextBody = z.object({ text: z.string().trim().min(1).max(2000) });
const CloseBody = z.object({ reason: z.string().trim().min(1).max(500) });
const WaitingBody = z.object({ waiting: z.boolean() });
const TransferBody = z
  .object({ toUsername: z.string().trim().min(1).max(64).optional(), toDistrict: z.string().regex(/^\d{6}$/).optional(), note: z.string().trim().max(500).optional() })
  .refine((b) => (b.toUsername === undefined) !== (b.toDistrict === undefined));

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

  router.post('/cases/:id/transfer', async (req, res) => {
    const worker = caseworkerOf(res);
    const params = CaseId.safeParse(req.params);
    if (!params.success) return sendRefusal(res, { ok: false, reason: 'not_found' });
    const body = TransferBody.safeParse(req.body ?? {});
    if (!body.success) return sendBadRequest(res, '请填写要转交的同事用户名，或 6 位地区代码（二选一），说明不超过 500 字。');
    const { toUsername, toDistrict, note } = body.data;
    let target: CaseTransferTarget;
    if (toUsername !== undefined) {
      const colleague = await deps.colleagues.findByUsername(toUsername);
      if (!colleague || colleague.disabledAt !== null || colleague.id === worker.id || !isWithinRegion(deps.serviceRegion, colleague.regionCode)) {
        return void res.status(404).json({ error: 'colleague_not_found', message: '找不到这位同事的账号（或账号已停用），请核对用户名。' });
      }
      target = { to: 'colleague', colleague: { id: colleague.id, username: colleague.username, displayName: colleague.displayName }, scope: scopeOf(colleague) };
    } else {
      if (toDistrict === undefined || !isWithinRegion(deps.serviceRegion, toDistrict)) return sendBadRequest(res, '只能转交给本地区内的区县（6 位地区代码）。');
      target = { to: 'district', regionCode: toDistrict };
    }
    const result = await deps.desk.transfer(scopeOf(worker), params.data.id, worker, target, note ?? null);
    if (!result.ok) {
      if (result.reason === 'not_found' && target.to === 'colleague') return void res.status(409).json({ error: 'colleague_out_of_scope', message: `${target.colleague.displayName}不负责该事项所在的地区，未转交。` });
      return sendRefusal(res, result);
    }
    res.json({ case: view(result.case) });
  });

  return router;
}
