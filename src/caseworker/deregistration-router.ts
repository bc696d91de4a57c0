// Deregistration facts under /api/caseworker/reviews/deregistration: what the person said (or what outreach recorded:
// months without contact, refusals in a row, with the evidence), every ground of the region with whether the facts
// meet it and whether it may stand alone, and the caseworker's decision. Grounds the region forbids as the sole reason (Wenzhou: three refusals, six months without contact)
// are refused with their clause. The bot never deregisters; only this decision does.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import type { DeregistrationFactForReview } from './decision-desk.ts';
import { sendDecisionRefusal } from './decision-refusals.ts';
import { actorOf, clauseShower, consoleLocaleOf, type ReviewDeps } from './review-deps.ts';
import { scopeOf } from './region-scope.ts';
import { caseworkerOf, requireCaseworker } from './session-auth.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import { tellPerson } from './tell-person.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { Locale } from '../conversation/locales.ts';
import { assessDeregistrationGrounds } from '../domain/deregistration/assess-deregistration-grounds.ts';
import { checkDeregistrationGrounds } from '../domain/deregistration/check-deregistration-grounds.ts';
import { DEREGISTRATION_GROUND_CODES, deregistrationFactsSchema, type DeregistrationGroundCode } from '../domain/deregistration/deregistration-ground.ts';

const Id = z.string().uuid();
const isGroundCode = (code: string): code is DeregistrationGroundCode => DEREGISTRATION_GROUND_CODES.some((c) => c === code);
const StatusQuery = z.object({ status: z.enum(['open', 'closed']).default('open') });
const DecisionBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('deregistered'), grounds: z.array(z.enum(DEREGISTRATION_GROUND_CODES)).min(1).max(DEREGISTRATION_GROUND_CODES.length), note: z.string().trim().min(1).max(500) }),
  z.object({ outcome: z.literal('kept'), note: z.string().trim().min(1).max(500) }),
]);

export function createDeregistrationRouter(deps: ReviewDeps): Router {
  const router = express.Router();
  router.use('/reviews/deregistration', express.json({ limit: '16kb' }), requireCaseworker(deps.sessions, deps.now));

  /** A person's report is one of the follow-up answers; a fact outreach recorded is a ground of the region. */
  function situationLabelOf(f: DeregistrationFactForReview, locale: Locale): string {
    return isGroundCode(f.situation) ? deps.localizer.t(locale, `decisions.grounds.${f.situation}`) : deps.localizer.t(locale, `followUp.choices.${f.situation}`);
  }

  /** What outreach saw: months without reaching the person since a day, or refusals in a row. */
  function evidenceOf(f: DeregistrationFactForReview, locale: Locale): string | null {
    if (f.origin !== 'outreach') return null;
    const facts = deregistrationFactsSchema.safeParse(f.facts);
    if (!facts.success) return null;
    if (f.situation === 'NO_CONTACT' && facts.data.monthsWithoutContact !== undefined) {
      return deps.localizer.t(locale, 'decisions.outreachEvidence.NO_CONTACT', { since: f.lastReachedOn ?? '—', months: facts.data.monthsWithoutContact });
    }
    if (f.situation === 'REFUSED_SERVICES' && facts.data.consecutiveRefusals !== undefined) {
      return deps.localizer.t(locale, 'decisions.outreachEvidence.REFUSED_SERVICES', { count: facts.data.consecutiveRefusals });
    }
    return null;
  }

  function view(f: DeregistrationFactForReview, locale: Locale) {
    const show = clauseShower(deps.localizer, locale);
    const pack = deps.policy.packFor(f.regionCode, serviceDateOf(deps.now()));
    const facts = deregistrationFactsSchema.safeParse(f.facts);
    const assessment = assessDeregistrationGrounds(pack, facts.success ? facts.data : {});
    const found = (code: string) => assessment.grounds.some((g) => g.code === code);
    const undetermined = (code: string) => assessment.undetermined.some((c) => c === code);
    return {
      caseId: f.caseId, status: f.status, regionCode: f.regionCode, openedAt: f.openedAt.toISOString(), person: f.person,
      situation: f.situation, situationLabel: situationLabelOf(f, locale), origin: f.origin, evidence: evidenceOf(f, locale), reportedOn: f.reportedOn, registrationId: f.registrationId,
      assessment: assessment.outcome,
      grounds: pack.deregistration.grounds.map((g) => ({
        code: g.code, label: deps.localizer.t(locale, `decisions.grounds.${g.code}`), clause: show(g.clause),
        facts: found(g.code) ? 'applies' : undetermined(g.code) ? 'unknown' : 'does_not_apply',
        forbiddenAsSoleGround: g.forbiddenAsSoleGround, notifyPerson: g.notifyPerson,
      })),
    };
  }

  router.get('/reviews/deregistration', async (req, res) => {
    const worker = caseworkerOf(res);
    const query = StatusQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'bad_request', message: '状态只能是 open 或 closed。' });
    const locale = consoleLocaleOf(req.query);
    const rows = await deps.decisions.deregistrationFacts(scopeOf(worker), query.data.status);
    await deps.audit.record({ actor: actorOf(worker), action: 'reviews.deregistration_listed', subjectType: 'handoff_case', details: { status: query.data.status, count: rows.length } });
    res.json({ facts: rows.map((f) => view(f, locale)) });
  });

  router.post('/reviews/deregistration/:caseId/decision', async (req, res) => {
    const worker = caseworkerOf(res);
    const caseId = Id.safeParse(req.params.caseId);
    if (!caseId.success) return sendDecisionRefusal(res, { ok: false, reason: 'not_found' });
    const body = DecisionBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'grounds', message: '请选择“注销登记”（并勾选注销情形）或“继续服务”，并填写说明（不超过 500 字）。' });
    const scope = scopeOf(worker);
    const current = await deps.decisions.deregistrationFact(scope, caseId.data);
    if (!current) return sendDecisionRefusal(res, { ok: false, reason: 'not_found' });
    const grounds = body.data.outcome === 'deregistered' ? body.data.grounds : [];
    let notify = false;
    if (body.data.outcome === 'deregistered') {
      const check = checkDeregistrationGrounds(deps.policy.packFor(current.regionCode, serviceDateOf(deps.now())), grounds);
      if (!check.ok) {
        const cite = (ref: string) => deps.localizer.cite('zh-CN', ref);
        const name = (code: string) => deps.localizer.t('zh-CN', `decisions.grounds.${code}`);
        const message = check.reason === 'SOLE_GROUND_FORBIDDEN'
          ? `依据${[...new Set(check.grounds.map((g) => cite(g.clause)))].join('、')}，“${check.grounds.map((g) => name(g.code)).join('”“')}”不得作为注销失业登记的唯一理由。请核实是否有其他注销情形，否则请继续为其提供服务。`
          : check.reason === 'GROUND_NOT_IN_REGION' ? `本地区的规定中没有“${check.codes.map(name).join('”“')}”这一注销情形。` : '请至少勾选一项注销情形。';
        await deps.audit.record({ actor: actorOf(worker), action: 'deregistration.refused', subjectType: 'handoff_case', subjectId: caseId.data, details: { reason: check.reason, grounds } });
        return void res.status(422).json({ error: check.reason === 'SOLE_GROUND_FORBIDDEN' ? 'sole_ground_forbidden' : 'bad_ground', field: 'grounds', message });
      }
      notify = check.grounds.some((g) => g.notifyPerson);
    }
    const result = await deps.decisions.decideDeregistration(scope, caseId.data, { outcome: body.data.outcome, grounds, note: maskPersonalNumbers(body.data.note), worker, at: deps.now() });
    if (!result.ok) return sendDecisionRefusal(res, result);
    const told = notify && current.person
      ? await tellPerson(deps, scope, current.person.jobSeekerId, { key: 'decisions.notice.deregistered', actor: actorOf(worker), about: { type: 'handoff_case', id: caseId.data } })
      : false;
    res.json({ fact: view(result.fact, consoleLocaleOf(req.query)), told });
  });

  return router;
}
