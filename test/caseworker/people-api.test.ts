// The person view on the real service: a web-chat registrant's profile with ID and phone masked, the full
// number only with a reason (audited), the service ledger in the layout of 失业人员定期联系情况记录表, a
// logged phone call counted toward the yearly quota, open cases and the transcript; a civil-affairs referral
// only where the region's notice provides it (Anshan 四(九)); another region's caseworker sees nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { registerOverWebchat } from '../support/register-over-webchat.ts';
import { seedPerson } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { addCaseworker, callApi, listCases, loginAs } from '../support/console-api.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';

const ID = '440802199005150139';
const t = createLocalizer(readLocaleResources()).t;
const config = tempServiceConfig();
let service: RunningService;
let db: Database;
let user: DirectlineTestClient;
let demo = '';
let wenzhou = '';
let anshan = '';
let personId = '';

interface PersonJson {
  person: { name: string; idNumber: string; phone: string };
  registrations: { status: string; history: { toStatus: string; by: string }[] }[];
  ledger: { date: string; way: string; wayLabel: string; content: string; result: string; caseworker: string }[];
  quota: { applicable: boolean; items: { kind: string; delivered: number; required: number }[]; clause: { text: string } };
  civilAffairsReferral: { available: boolean };
  openCases: { kind: string }[];
  transcript: { direction: string; text: string }[];
  outreach: { date: string; kindLabel: string; status: string; statusLabel: string; attempts: number; reason: string | null; clause: { text: string } | null }[];
}

const person = async (token: string) => callApi(service.url, token, 'GET', `/people/${personId}`);

beforeAll(async () => {
  service = await startTestService(config);
  await addCaseworker(config, { username: 'wz', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
  await addCaseworker(config, { username: 'as', password: 'pw-as-123', displayName: '鞍山赵七', regionCode: '210300' });
  demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
  wenzhou = await loginAs(service.url, 'wz', 'pw-wz-123');
  anshan = await loginAs(service.url, 'as', 'pw-as-123');
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  user = await connect(service.url);
  await registerOverWebchat(user, { name: '张三', idNumber: ID, phone: '138 1234 5678' });
  await ask(user, '转人工');
  const registrations = await callApi(service.url, demo, 'GET', '/reviews/registrations');
  personId = (registrations.body as unknown as { registrations: { person: { jobSeekerId: string } }[] }).registrations[0]?.person.jobSeekerId ?? '';
}, 60_000);

afterAll(async () => {
  user?.end();
  await db?.close();
  await service?.stop();
});

describe('person view', () => {
  it('shows the profile masked, the registration history, open cases and the transcript; the view is audited', async () => {
    const answer = await person(demo);
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as PersonJson;
    expect(body.person).toMatchObject({ name: '张三', idNumber: '4408************39', phone: '138****5678' });
    expect(JSON.stringify(body)).not.toMatch(/440802199005150139|13812345678|138 1234 5678/);
    expect(body.registrations[0]?.history.map((h) => [h.toStatus, h.by])).toEqual([['pending_review', 'bot']]);
    expect(body.openCases.map((c) => c.kind)).toContain('handoff');
    expect(body.transcript.some((m) => m.direction === 'in' && m.text === '转人工')).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { action: 'person.viewed', subjectId: personId, actor: 'caseworker:demo' } })).toBe(1);
  });

  it('is not found for another region, an unknown id or an anonymous caller', async () => {
    expect((await person(wenzhou)).status).toBe(404);
    expect((await callApi(service.url, demo, 'GET', '/people/not-an-id')).status).toBe(404);
    expect((await callApi(service.url, null, 'GET', `/people/${personId}`)).status).toBe(401);
    expect((await callApi(service.url, demo, 'GET', `/people/${encodeURIComponent("x' OR 1=1")}`)).status).toBe(404);
  });

  it('opens a person seeded by `seed demo` (id demo-0000001) for a caseworker of their district, and nobody else', async () => {
    await db.prisma.jobSeeker.create({ data: { id: 'demo-0000001', regionCode: '440802', consentAt: new Date('2026-03-02T02:00:00Z'), name: '演示甲' } });
    await db.prisma.registration.create({ data: { id: 'demo-r-0000001', jobSeekerId: 'demo-0000001', regionCode: '440802', status: 'registered', registeredAt: new Date('2026-03-02T02:00:00Z'), reason: 'lost_job' } });
    const seeded = await callApi(service.url, demo, 'GET', '/people/demo-0000001');
    expect(seeded.status).toBe(200);
    expect((seeded.body as unknown as PersonJson).person.name).toBe('演示甲');
    expect((await callApi(service.url, wenzhou, 'GET', '/people/demo-0000001')).status).toBe(404);
  });

  it('reveals the full ID number only with a reason, and audits who asked and why', async () => {
    const noReason = await callApi(service.url, demo, 'POST', `/people/${personId}/reveal`, { field: 'idNumber' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe('查看完整号码须说明理由（2 至 200 字），查看记录会存档。');
    expect(await db.prisma.auditEvent.count({ where: { action: 'person.revealed' } })).toBe(0);
    expect((await callApi(service.url, wenzhou, 'POST', `/people/${personId}/reveal`, { field: 'idNumber', reason: '核对身份' })).status).toBe(404);
    const shown = await callApi(service.url, demo, 'POST', `/people/${personId}/reveal`, { field: 'idNumber', reason: '窗口核对身份证原件' });
    expect(shown.body).toEqual({ field: 'idNumber', value: ID });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'person.revealed', subjectId: personId } });
    expect(audit.actor).toBe('caseworker:demo');
    expect(JSON.parse(audit.details)).toEqual({ field: 'idNumber', reason: '窗口核对身份证原件' });
    expect(audit.details).not.toContain(ID);
  });

  it('logs a phone call into the ledger layout and counts its services toward the yearly quota', async () => {
    const bad = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'carrier_pigeon', content: 'x', outcome: 'reached' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('请选择联系方式');
    // The result is a choice, no longer free text.
    const freeText = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'phone_call', content: 'x', result: '已联系' });
    expect([freeText.status, freeText.body.message]).toEqual([400, '请选择联系方式（电话联系、上门走访或来窗口办理）和联系结果，并填写联系内容。']);
    const future = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'phone_call', content: 'x', outcome: 'reached', date: '2999-01-01' });
    expect(future.body.message).toBe('联系日期不能晚于今天。');
    const logged = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'phone_call', content: '电话告知社保补贴政策，推荐仓管岗位，本人愿意面试', outcome: 'reached', serviceKinds: ['policy', 'jobs', 'jobs'] });
    expect(logged.status).toBe(201);
    const body = (await person(demo)).body as unknown as PersonJson;
    expect(body.ledger.at(-1)).toMatchObject({ way: 'phone_call', wayLabel: '电话联系', content: '电话告知社保补贴政策，推荐仓管岗位，本人愿意面试；政策对接、岗位推荐', result: '已联系上', caseworker: '演示工作人员' });
    expect(await db.prisma.contactRecord.findFirstOrThrow({ where: { kind: 'caseworker_contact' }, orderBy: { at: 'desc' } })).toMatchObject({ outcome: 'reached' });
    expect(body.quota.applicable).toBe(true);
    expect(body.quota.items.map((i) => [i.kind, i.delivered, i.required])).toEqual([['policy', 1, 2], ['guidance', 0, 3], ['jobs', 1, 3], ['training', 0, 3]]);
    expect(body.quota.clause.text).toBe('《关于建立湛江市失业人员就业服务制度的通知》 第四部分第（三）项');
    expect(await db.prisma.auditEvent.count({ where: { action: 'contact.recorded', actor: 'caseworker:demo' } })).toBe(1);
  });
});

describe('outreach in the person view', () => {
  it('lists the rows planned and, for one the bot could not deliver, the attempts and why in words', async () => {
    await db.prisma.outreachTask.create({
      data: {
        id: 'task-undeliverable', jobSeekerId: personId, kind: 'check_in', period: 'm1', dueAt: new Date('2026-04-02T01:00:00Z'), idempotencyKey: `check_in:test:${personId}`,
        status: 'undeliverable', attempts: 6, lastError: 'webchat:network,sms:not_configured', clause: 'zhanjiang-2021#四(二)', doneAt: new Date('2026-04-03T01:00:00Z'),
      },
    });
    const body = (await person(demo)).body as unknown as PersonJson;
    expect(body.outreach.find((o) => o.status === 'undeliverable')).toEqual({
      id: 'task-undeliverable', date: '2026-04-02', kind: 'check_in', kindLabel: '定期回访', status: 'undeliverable', statusLabel: '无法送达', attempts: 6, nextTryAt: null,
      reason: '网页聊天：网络故障；短信：本服务未开启此渠道', clause: { ref: 'zhanjiang-2021#四(二)', text: '《关于建立湛江市失业人员就业服务制度的通知》 第四部分第（二）项' },
    });
  });
});

describe('graduate from a hardship family (R1.4.3)', () => {
  it('a caseworker marks it with a basis (audited); the next tick plans the hardship interval; a job loser has nothing to mark', async () => {
    const graduate = await seedPerson(db.prisma, { regionCode: '440802', name: '陈毕业' });
    await db.prisma.registration.update({ where: { id: graduate.registrationId }, data: { reason: 'graduated' } });
    const path = `/people/${graduate.jobSeekerId}/hardship-family`;
    expect((await callApi(service.url, demo, 'POST', path, { hardshipFamily: true })).body.message).toBe('请选择是否困难家庭，并说明依据（如低保证、特困证明，不超过 500 字）。');
    expect((await callApi(service.url, wenzhou, 'POST', path, { hardshipFamily: true, note: '低保证' })).status).toBe(404);
    const notGraduate = await callApi(service.url, demo, 'POST', `/people/${personId}/hardship-family`, { hardshipFamily: true, note: '低保证' });
    expect([notGraduate.status, notGraduate.body.message]).toEqual([409, '该人员没有待审核或已登记的高校毕业生失业登记，无需标记困难家庭。']);

    const marked = await callApi(service.url, demo, 'POST', path, { hardshipFamily: true, note: '家庭持低保证' });
    expect(marked).toMatchObject({ status: 200, body: { registrationId: graduate.registrationId, hardshipFamily: true, changed: true } });
    const view = (await callApi(service.url, demo, 'GET', `/people/${graduate.jobSeekerId}`)).body as unknown as { registrations: { hardshipFamily: boolean | null }[] };
    expect(view.registrations.map((r) => r.hardshipFamily)).toEqual([true]);
    expect((await person(demo)).body.registrations).toEqual([expect.objectContaining({ hardshipFamily: null })]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'registration.hardship_family', subjectId: graduate.registrationId } });
    expect([audit.actor, JSON.parse(audit.details)]).toEqual(['caseworker:demo', { hardshipFamily: true, note: '家庭持低保证' }]);

    await service.tick(new Date());
    const checkIns = await db.prisma.outreachTask.findMany({ where: { registrationId: graduate.registrationId, kind: 'check_in', status: 'pending' }, select: { period: true, clause: true } });
    expect(checkIns.length).toBeGreaterThan(0);
    expect(checkIns.every((c) => /^d\d+$/.test(c.period ?? '') && c.clause === 'decision:HARDSHIP_CONTACT_INTERVAL')).toBe(true);
  });
});

describe('referral to civil affairs (Anshan 四(九))', () => {
  it('is refused where the region has no such rule', async () => {
    const answer = await callApi(service.url, demo, 'POST', `/people/${personId}/civil-affairs-referral`, { reason: '家庭生活困难' });
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain('本地区的政策没有规定向民政部门推送');
  });

  it('files one task with the reason for an Anshan caseworker, shown in their inbox only', async () => {
    const seeded = await seedPerson(db.prisma, { regionCode: '210302', name: '钱八' });
    const path = `/people/${seeded.jobSeekerId}/civil-affairs-referral`;
    expect((await callApi(service.url, anshan, 'POST', path, {})).status).toBe(400);
    const reason = { reason: '失业半年，家庭无其他收入，申请临时救助' };
    const both = await Promise.all([callApi(service.url, anshan, 'POST', path, reason), callApi(service.url, anshan, 'POST', path, reason)]);
    const [first, twin] = both.sort((a, b) => b.status - a.status);
    if (!first || !twin) throw new Error('no answers');
    // Two clicks at once: one task, both answered with it.
    expect([first.status, twin.status]).toEqual([201, 200]);
    expect(twin.body.caseId).toBe(first.body.caseId);
    expect(first.body).toMatchObject({ created: true, clause: { text: '鞍山市《加快促进全市失业人员就业创业实施方案》 第四部分第（九）项' } });
    const again = await callApi(service.url, anshan, 'POST', path, { reason: '重复提交' });
    expect(again.body).toMatchObject({ created: false, caseId: first.body.caseId });
    const inbox = await listCases(service.url, anshan, 'new');
    expect(inbox.filter((c) => c.kind === 'civil_affairs_referral').map((c) => c.reason)).toEqual(['失业半年，家庭无其他收入，申请临时救助']);
    expect((await listCases(service.url, demo, 'new')).some((c) => c.kind === 'civil_affairs_referral')).toBe(false);
    const anshanView = (await callApi(service.url, anshan, 'GET', `/people/${seeded.jobSeekerId}`)).body as unknown as PersonJson;
    expect(anshanView.civilAffairsReferral.available).toBe(true);
    expect(anshanView.openCases.map((c) => c.kind)).toEqual(['civil_affairs_referral']);
  });
});

describe('a job reported in web chat, decided by a caseworker', () => {
  it('is refused while the registration is still pending, then deregisters and tells the user once it is registered', async () => {
    const reporter = await connect(service.url);
    try {
      await registerOverWebchat(reporter, { name: '周十', idNumber: '44080219850302013X', phone: '139 8765 4321' });
      const said = await ask(reporter, '找到工作了');
      expect(said.texts.join('\n')).toContain(t('zh-CN', 'followUp.caseworkerWillConfirm'));
      const listed = await callApi(service.url, demo, 'GET', '/reviews/deregistration');
      const fact = (listed.body as unknown as { facts: { caseId: string; situation: string; registrationId: string; person: { name: string } }[] }).facts.find((f) => f.person.name === '周十');
      expect(fact?.situation).toBe('hired');
      const caseId = fact?.caseId ?? '';
      const decide = () => callApi(service.url, demo, 'POST', `/reviews/deregistration/${caseId}/decision`, { outcome: 'deregistered', grounds: ['HIRED'], note: '电话核实已入职' });
      const early = await decide();
      expect(early.status).toBe(409);
      expect(early.body.message).toBe('该人员目前不是已登记失业状态（当前状态：待审核），不能注销，您的操作未生效。');
      expect((await db.prisma.handoffCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('open');
      expect((await callApi(service.url, demo, 'POST', `/reviews/registrations/${fact?.registrationId ?? ''}/decision`, { outcome: 'registered' })).status).toBe(200);
      const before = reporter.botMessages().length;
      const done = await decide();
      expect(done.body).toMatchObject({ told: true, fact: { status: 'closed' } });
      const notice = await reporter.waitForBotReply((m) => reporter.botMessages().indexOf(m) >= before && (m.text ?? '').includes('注销'));
      expect(notice.text).toBe('您的失业登记已注销。如有疑问，请输入“转人工”。');
      expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: fact?.registrationId ?? '' } })).status).toBe('withdrawn');
    } finally {
      reporter.end();
    }
  }, 60_000);
});
