// The person view under /api/caseworker/people/:id: profile with ID and phone masked (revealing one needs a
// reason and is audited), registration history, hardship results, the service ledger in the layout of
// 失业人员定期联系情况记录表, "log a contact" (counted toward the yearly quota by kind), a referral to civil
// affairs where the region's notice provides one, open cases, the transcript, the channels that reach the person,
// the outreach planned for them (with why a message could not be delivered), and marking a graduate as from a
// hardship family (R1.4.3).
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { CONTACT_WAYS, REVEALABLE_FIELDS, type LedgerRow, type PersonProfile } from './person-file.ts';
import { sendDecisionRefusal } from './decision-refusals.ts';
import { actorOf, clauseShower, consoleLocaleOf, type ReviewDeps } from './review-deps.ts';
import { hardshipViewOf, registrationViewOf } from './review-views.ts';
import { describeContactChannels } from './contact-channels.ts';
import { outreachPlanViewOf } from './outreach-plan-view.ts';
import { scopeOf } from './region-scope.ts';
import { caseworkerOf, requireCaseworker } from './session-auth.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { Locale } from '../conversation/locales.ts';
import { CASEWORKER_CONTACT_OUTCOMES, isCaseworkerContactOutcome, reachedPerson } from '../domain/contact/contact-outcomes.ts';
import { compareDates, isValidPlainDate } from '../domain/dates/plain-date.ts';
import { QUOTA_KINDS, quotaProgress, type QuotaContact, type QuotaKind } from '../domain/quota/quota-progress.ts';
import { addPersonChangeRoutes } from './person-changes-router.ts';
import { PersonId } from './person-id.ts';

const Id = PersonId;
const RevealBody = z.object({ field: z.enum(REVEALABLE_FIELDS), reason: z.string().trim().min(2).max(200) });
const ContactBody = z.object({
  way: z.enum(CONTACT_WAYS),
  content: z.string().trim().min(1).max(500),
  /** The result as a code (reached, no answer, ..., refused the service): what outreach facts and reports count. */
  outcome: z.enum(CASEWORKER_CONTACT_OUTCOMES),
  serviceKinds: z.array(z.enum(QUOTA_KINDS)).max(QUOTA_KINDS.length).default([]).transform((kinds) => [...new Set(kinds)]),
  date: z.string().refine(isValidPlainDate).optional(),
});
const ReferralBody = z.object({ reason: z.string().trim().min(1).max(500) });
const HardshipFamilyBody = z.object({ hardshipFamily: z.boolean(), note: z.string().trim().min(1).max(500) });
const OPEN_REGISTRATION = ['pending_review', 'registered'];
const isQuotaKind = (k: string): k is QuotaKind => QUOTA_KINDS.some((q) => q === k);

export function createPeopleRouter(deps: ReviewDeps): Router {
  const router = express.Router();
  router.use('/people', express.json({ limit: '16kb' }), requireCaseworker(deps.sessions, deps.now));
  const notFound = (res: express.Response) => sendDecisionRefusal(res, { ok: false, reason: 'not_found' });

  /** A row as 失业人员定期联系情况记录表 lays it out: date, way of contact, content, result, caseworker. */
  function ledgerRowOf(row: LedgerRow, locale: Locale) {
    const t = (key: string) => deps.localizer.t(locale, key);
    const services = row.serviceKinds.filter(isQuotaKind).map((k) => t(`status.quotaKinds.${k}`));
    const reply = row.kind === 'follow_up_reply';
    return {
      id: row.id, date: serviceDateOf(row.at), at: row.at.toISOString(), way: row.channel, wayLabel: t(`decisions.contactWays.${row.channel}`),
      content: [reply ? t('followUp.title') : (row.notes ?? ''), ...(services.length > 0 ? [services.join('、')] : [])].filter((s) => s.length > 0).join('；'),
      // Outcome codes in words; a result typed as free text before the codes existed is shown as written.
      result: reply ? t(`followUp.choices.${row.outcome}`) : isCaseworkerContactOutcome(row.outcome) ? t(`decisions.contactOutcomes.${row.outcome}`) : row.outcome,
      caseworker: ['job_seeker', 'bot'].includes(row.by) ? '—' : row.by,
      serviceKinds: row.serviceKinds.filter(isQuotaKind),
    };
  }

  function quotaOf(profile: PersonProfile, locale: Locale) {
    const open = profile.registrations.find((r) => OPEN_REGISTRATION.includes(r.status) && r.kind === 'unemployment');
    if (!open) return { applicable: false as const, reason: 'NOT_REGISTERED' };
    const today = serviceDateOf(deps.now());
    const pack = deps.policy.packFor(profile.regionCode, today);
    const contacts: QuotaContact[] = profile.ledger.flatMap((row) => row.serviceKinds.filter(isQuotaKind).map((kind) => ({ date: serviceDateOf(row.at), kind })));
    const progress = quotaProgress(pack, serviceDateOf(open.registeredAt), contacts, today);
    if (!progress.applicable) return { applicable: false as const, reason: progress.reason };
    const show = clauseShower(deps.localizer, locale);
    return {
      applicable: true as const, yearStart: progress.yearStart, yearEnd: progress.yearEnd, allMet: progress.allMet, clause: show(progress.source),
      items: progress.items.map((i) => ({ ...i, label: deps.localizer.t(locale, `status.quotaKinds.${i.kind}`) })),
    };
  }

  router.get('/people/:id', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const profile = await deps.people.profile(scopeOf(worker), id.data);
    if (!profile) return notFound(res);
    await deps.audit.record({ actor: actorOf(worker), action: 'person.viewed', subjectType: 'job_seeker', subjectId: id.data });
    const locale = consoleLocaleOf(req.query);
    const pack = deps.policy.packFor(profile.regionCode, serviceDateOf(deps.now()));
    const show = clauseShower(deps.localizer, locale);
    res.json({
      person: {
        id: profile.jobSeekerId, regionCode: profile.regionCode, name: profile.name, idNumber: profile.idNumber, phone: profile.phone, locale: profile.locale,
        createdAt: profile.createdAt.toISOString(), consentWithdrawnAt: profile.consentWithdrawnAt?.toISOString() ?? null,
      },
      registrations: profile.registrations.map((r) => ({
        ...registrationViewOf(deps, { ...r, person: { jobSeekerId: profile.jobSeekerId, name: profile.name, idNumber: profile.idNumber, phone: profile.phone } }, locale),
        hardshipConfirmedAt: r.hardshipConfirmedAt?.toISOString() ?? null, exitReportedAt: r.exitReportedAt?.toISOString() ?? null,
        // Asked of graduates (R1.4.3); null where it does not apply.
        hardshipFamily: r.kind === 'unemployment' && r.reason === 'graduated' ? r.hardshipFamily : null,
        history: r.history.map((h) => ({
          ...h, at: h.at.toISOString(), byBot: h.by === 'bot',
          fromLabel: h.fromStatus ? deps.localizer.t(locale, `status.statuses.${h.fromStatus}`) : null, toLabel: deps.localizer.t(locale, `status.statuses.${h.toStatus}`),
          // The bot's own notes are internal; a caseworker's note is the reason they gave.
          note: h.by === 'bot' ? null : h.note,
        })),
      })),
      hardship: profile.hardship.map((h) => hardshipViewOf(deps, h, locale)),
      ledger: profile.ledger.map((row) => ledgerRowOf(row, locale)),
      quota: quotaOf(profile, locale),
      civilAffairsReferral: pack.civilAffairsReferral ? { available: true, clause: show(pack.civilAffairsReferral.source) } : { available: false, clause: null },
      openCases: profile.openCases.map((c) => ({ ...c, openedAt: c.openedAt.toISOString() })),
      transcript: profile.transcript.map((m) => ({ ...m, at: m.at.toISOString() })),
      contactChannels: await describeContactChannels(profile.contactReach, profile.phone, deps.channels ?? [], deps.now(), deps.localizer, locale),
      outreach: outreachPlanViewOf(profile.outreach, deps.localizer, locale),
    });
  });

  router.post('/people/:id/reveal', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const body = RevealBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'reason', message: '查看完整号码须说明理由（2 至 200 字），查看记录会存档。' });
    const value = await deps.people.reveal(scopeOf(worker), id.data, { ...body.data, worker });
    if (value === undefined) return notFound(res);
    res.json({ field: body.data.field, value });
  });

  router.post('/people/:id/contacts', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const body = ContactBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', message: '请选择联系方式（电话联系、上门走访或来窗口办理）和联系结果，并填写联系内容。' });
    if (!reachedPerson(body.data.outcome) && body.data.serviceKinds.length > 0) {
      return void res.status(400).json({ error: 'bad_request', field: 'serviceKinds', message: '未联系上当事人，不能记录提供的服务。' });
    }
    const now = deps.now();
    const today = serviceDateOf(now);
    const date = body.data.date ?? today;
    if (compareDates(date, today) > 0) return void res.status(400).json({ error: 'bad_request', field: 'date', message: '联系日期不能晚于今天。' });
    // A contact logged for an earlier day is placed at noon Beijing time of that day.
    const at = date === today ? now : new Date(`${date}T04:00:00.000Z`);
    const logged = await deps.people.logContact(scopeOf(worker), id.data, { ...body.data, at, worker });
    if (!logged) return notFound(res);
    res.status(201).json({ contact: { id: logged.id, date } });
  });

  // R1.4.3: a graduate from a hardship family is contacted at the hardship interval; a caseworker may set it.
  router.post('/people/:id/hardship-family', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const body = HardshipFamilyBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'note', message: '请选择是否困难家庭，并说明依据（如低保证、特困证明，不超过 500 字）。' });
    const done = await deps.people.setHardshipFamily(scopeOf(worker), id.data, { ...body.data, worker, at: deps.now() });
    if (!done) return notFound(res);
    if (!done.applicable) return void res.status(409).json({ error: 'not_graduate', message: '该人员没有待审核或已登记的高校毕业生失业登记，无需标记困难家庭。' });
    res.json({ registrationId: done.registrationId, hardshipFamily: body.data.hardshipFamily, changed: done.changed });
  });

  router.post('/people/:id/civil-affairs-referral', async (req, res) => {
    const worker = caseworkerOf(res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return notFound(res);
    const body = ReferralBody.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'reason', message: '请填写推送民政部门的原因（不超过 500 字）。' });
    const scope = scopeOf(worker);
    const profile = await deps.people.profile(scope, id.data);
    if (!profile) return notFound(res);
    const rule = deps.policy.packFor(profile.regionCode, serviceDateOf(deps.now())).civilAffairsReferral;
    if (!rule) return void res.status(409).json({ error: 'not_in_region', message: '本地区的政策没有规定向民政部门推送生活困难人员信息，未创建任务。' });
    const referred = await deps.people.referToCivilAffairs(scope, id.data, { reason: body.data.reason, clause: rule.source, worker, at: deps.now() });
    if (!referred) return notFound(res);
    res.status(referred.created ? 201 : 200).json({ caseId: referred.caseId, created: referred.created, clause: clauseShower(deps.localizer, consoleLocaleOf(req.query))(rule.source) });
  });

  addPersonChangeRoutes(router, deps);
  return router;
}
