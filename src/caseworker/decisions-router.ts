// Reviews under /api/caseworker/reviews: pending registrations (confirm, or reject with a reason; the
// credit-promise deadline counted down in working days; the person told in their channel and language) and
// hardship pre-screens (the bot's result per category with its clause; confirm or reject each category).
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { HARDSHIP_OUTCOMES, REGISTRATION_OUTCOMES, type HardshipForReview, type RegistrationForReview } from './decision-desk.ts';
import { sendDecisionRefusal } from './decision-refusals.ts';
import { actorOf, consoleLocaleOf, type ReviewDeps } from './review-deps.ts';
import { hardshipViewOf, registrationViewOf } from './review-views.ts';
import { scopeOf } from './region-scope.ts';
import { caseworkerOf, requireCaseworker } from './session-auth.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import { tellPerson } from './tell-person.ts';
import { REJECTION_REASONS, recordedRejectionReason, rejectionNotice, rejectionReasonKey } from './rejection-reasons.ts';
import type { Locale } from '../conversation/locales.ts';

const Id = z.string().uuid();
const ReasonText = z.string().trim().max(500);
// A rejection names a common reason (told to the person in their language) or, as "other", the caseworker's words.
const RegistrationDecisionBody = z
  .object({ outcome: z.enum(REGISTRATION_OUTCOMES), reasonCode: z.enum(REJECTION_REASONS).optional(), reason: ReasonText.optional() })
  .refine((b) => b.outcome !== 'rejected' || (b.reasonCode !== undefined && b.reasonCode !== 'other') || (b.reason ?? '').length > 0, { path: ['reason'] });
const CategoryDecisionBody = z
  .object({ outcome: z.enum(HARDSHIP_OUTCOMES), reason: ReasonText.optional() })
  .refine((b) => b.outcome !== 'rejected' || (b.reason ?? '').length > 0, { path: ['reason'] });
const StatusQuery = z.object({ status: z.enum(['open', 'closed']).default('open') });
const CategoryCode = z.string().regex(/^[A-Z0-9_]{1,64}$/);

export function createDecisionsRouter(deps: ReviewDeps): Router {
  const router = express.Router();
  router.use('/reviews', express.json({ limit: '16kb' }), requireCaseworker(deps.sessions, deps.now));

  const registrationView = (r: RegistrationForReview, locale: Locale) => registrationViewOf(deps, r, locale);
  const hardshipView = (h: HardshipForReview, locale: Locale) => hardshipViewOf(deps, h, locale);

  router.get('/reviews/registrations', async (req, res) => {
    const worker = caseworkerOf(res);
    const locale = consoleLocaleOf(req.query);
    const rows = (await deps.decisions.pendingRegistrations(scopeOf(worker))).map((r) => registrationView(r, locale));
    // Deadlines first (credit promises, soonest due), then the oldest submissions.
    rows.sort((a, b) => (a.creditPromise?.dueBy ?? '9999').localeCompare(b.creditPromise?.dueBy ?? '9999') || a.registeredAt.localeCompare(b.registeredAt));
    await deps.audit.record({ actor: actorOf(worker), action: 'reviews.registrations_listed', subjectType: 'registration', details: { count: rows.length } });
    const rejectionReasons = REJECTION_REASONS.map((code) => ({ code, label: deps.localizer.t(locale, code === 'other' ? 'decisions.rejectionReasonOther' : rejectionReasonKey(code)) }));
    res.json({ registrations: rows, rejectionReasons });
  });

  router.post('/reviews/registrations/:id/decision', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return sendDecisionRefusal(res, { ok: false, reason: 'not_found' });
    const body = RegistrationDecisionBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'reason', message: '请选择“确认登记”或“不予登记”；不予登记时请选择原因，选“其他”时请填写原因（不超过 500 字）。' });
    const scope = scopeOf(worker);
    const current = await deps.decisions.registration(scope, id.data);
    if (!current) return sendDecisionRefusal(res, { ok: false, reason: 'not_found' });
    const clause = registrationView(current, 'zh-CN').clause.ref;
    // Free text is stored and sent with ID and phone numbers masked, like every other record.
    const words = body.data.reason ? maskPersonalNumbers(body.data.reason) : null;
    const rejected = body.data.outcome === 'rejected';
    const reason = rejected ? recordedRejectionReason(body.data.reasonCode, words, (key) => deps.localizer.t('zh-CN', key)) : words;
    const result = await deps.decisions.decideRegistration(scope, id.data, { outcome: body.data.outcome, reason, clause, worker, at: deps.now() });
    if (!result.ok) return sendDecisionRefusal(res, result);
    const notice = rejected ? rejectionNotice(body.data.reasonCode, words) : { key: current.kind === 'job_seeker' ? 'decisions.notice.jobSeekerConfirmed' : 'decisions.notice.registrationConfirmed' };
    const told = await tellPerson(deps, scope, current.person.jobSeekerId, { ...notice, actor: actorOf(worker), about: { type: 'registration', id: id.data } });
    res.json({ registration: registrationView(result.registration, consoleLocaleOf(req.query)), told });
  });

  router.get('/reviews/hardship', async (req, res) => {
    const worker = caseworkerOf(res);
    const query = StatusQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'bad_request', message: '状态只能是 open 或 closed。' });
    const locale = consoleLocaleOf(req.query);
    const rows = await deps.decisions.hardshipRequests(scopeOf(worker), query.data.status);
    await deps.audit.record({ actor: actorOf(worker), action: 'reviews.hardship_listed', subjectType: 'handoff_case', details: { status: query.data.status, count: rows.length } });
    res.json({ requests: rows.map((h) => hardshipView(h, locale)) });
  });

  router.post('/reviews/hardship/:caseId/categories/:code/decision', async (req, res) => {
    const worker = caseworkerOf(res);
    const caseId = Id.safeParse(req.params.caseId);
    if (!caseId.success) return sendDecisionRefusal(res, { ok: false, reason: 'not_found' });
    const code = CategoryCode.safeParse(req.params.code);
    if (!code.success) return sendDecisionRefusal(res, { ok: false, reason: 'unknown_category' });
    const body = CategoryDecisionBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'reason', message: '请选择“确认”或“不予认定”；不予认定时请填写原因（不超过 500 字）。' });
    const scope = scopeOf(worker);
    const current = await deps.decisions.hardshipRequest(scope, caseId.data);
    const category = current?.prescreen?.categories.find((c) => c.code === code.data);
    const result = await deps.decisions.decideHardshipCategory(scope, caseId.data, {
      category: code.data, outcome: body.data.outcome, reason: body.data.reason ? maskPersonalNumbers(body.data.reason) : null, clause: category?.source ?? '', worker, at: deps.now(),
    });
    if (!result.ok) return sendDecisionRefusal(res, result);
    res.json({ request: hardshipView(result.request, consoleLocaleOf(req.query)) });
  });

  return router;
}
