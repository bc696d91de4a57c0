// Person-page actions outreach re-plans from: recording consent given or withdrawn by phone or at the office (with
// the reason), and moving the open registration to another district or region of the caller's scope, whose region
// pack then governs its plan. Mounted by people-router.ts; bodies checked with zod, every change audited.
import type { Router } from 'express';
import { z } from 'zod';
import { sendDecisionRefusal } from './decision-refusals.ts';
import { actorOf, clauseShower, consoleLocaleOf, type ReviewDeps } from './review-deps.ts';
import { isInScope, scopeOf } from './region-scope.ts';
import { caseworkerOf } from './session-auth.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import { PersonId } from './person-id.ts';

const Id = PersonId;
const Reason = z.string().trim().min(2).max(500);
const ConsentBody = z.object({ withdrawn: z.boolean(), reason: Reason });
const MoveBody = z.object({ regionCode: z.string().regex(/^\d{6}$/), reason: Reason });

export function addPersonChangeRoutes(router: Router, deps: ReviewDeps): void {
  const notFound = (res: Parameters<Parameters<Router['post']>[1]>[1]) => sendDecisionRefusal(res, { ok: false, reason: 'not_found' });

  router.post('/people/:id/consent', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const body = ConsentBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'reason', message: '请说明本人是在何时、以何种方式（电话、来窗口等）表示撤回或恢复授权的（2 至 500 字）。' });
    const recorded = await deps.people.recordConsent(scopeOf(worker), id.data, { ...body.data, worker, at: deps.now() });
    if (!recorded) return notFound(res);
    if (!recorded.changed) {
      await deps.audit.record({ actor: actorOf(worker), action: 'consent.unchanged', subjectType: 'job_seeker', subjectId: id.data, details: { withdrawn: body.data.withdrawn } });
      return void res.status(409).json({ error: 'unchanged', message: body.data.withdrawn ? '该人员已经撤回授权，无需重复登记。' : '该人员没有撤回授权，无需恢复。' });
    }
    res.json({ withdrawn: body.data.withdrawn, cancelledTasks: recorded.cancelledTasks });
  });

  router.post('/people/:id/registration-place', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const body = MoveBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'regionCode', message: '请填写新的登记地（6 位地区代码）和迁移原因（2 至 500 字）。' });
    const scope = scopeOf(worker);
    const profile = await deps.people.profile(scope, id.data);
    if (!profile) return notFound(res);
    if (!isInScope(scope, body.data.regionCode)) {
      await deps.audit.record({ actor: actorOf(worker), action: 'registration.move_refused', subjectType: 'job_seeker', subjectId: id.data, details: { to: body.data.regionCode, reason: 'out_of_scope' } });
      return void res.status(403).json({ error: 'out_of_scope', field: 'regionCode', message: '只能迁移到您负责的区县。迁往其他地区，请转交给负责该地区的同事办理。' });
    }
    const moved = await deps.people.moveRegistration(scope, id.data, { ...body.data, worker, at: deps.now() });
    if (!moved.ok) {
      if (moved.reason === 'not_found') return notFound(res);
      return void res.status(409).json({ error: moved.reason, message: moved.reason === 'same_place' ? '该人员已经在这个登记地，无需迁移。' : '该人员没有正在办理或有效的失业登记，无法迁移登记地。' });
    }
    const pack = deps.policy.packFor(moved.to, serviceDateOf(deps.now()));
    // The rules that govern its follow-up from now on (the next tick re-plans the open rows under them).
    const show = clauseShower(deps.localizer, consoleLocaleOf(req.query));
    res.json({ registrationId: moved.registrationId, from: moved.from, to: moved.to, pack: pack.code, followUpClause: show(pack.followUp.monthly.source) });
  });
}
