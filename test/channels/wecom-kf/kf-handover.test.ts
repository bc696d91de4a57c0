// 微信客服 session state follows the console on the running service against a fake qyapi that keeps Tencent's
// state rules: a caseworker linked to a WeCom member claims a kf customer's 转人工 case and the session moves to
// 人工接待 (3) with them as servicer; closing it ends the session (3 → 4, as Tencent allows) and the bot answers
// the customer's next message. A caseworker with no WeCom userid leaves 智能助手 (1), recorded; a refused
// change is recorded and the claim stands. The person hears of each step first, while the bot still answers.
// In 人工接待 the servicer's WeCom messages (origin 5) join the transcript once and the bot stays out; a console
// reply is refused (409) without a send, as Tencent would refuse it; in 智能助手 it goes by the API as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config/app-config.ts';
import { runWecomCommand } from '../../../src/cli/wecom-command.ts';
import type { RunningService } from '../../../src/main.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { addCaseworker, callApi, listCases, loginAs, waitUntil } from '../../support/console-api.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { CORP, KF_KEYS, kfEventPoster } from './kf-callbacks.ts';
import { startFakeKfApi, type FakeKfApi } from './fake-kf-api.ts';

const KF = 'wkKF0003';
const clock = officeHoursClock();
let fake: FakeKfApi;
let config: AppConfig;
let service: RunningService;
let db: Database;
const kfEvent = kfEventPoster(KF, () => service.url);

async function customerSays(userId: string, text: string): Promise<string> {
  const before = fake.sentTo(userId).length;
  fake.say(KF, userId, text, clock());
  await kfEvent();
  const sent = await waitUntil(async () => fake.sentTo(userId), (s) => s.length > before);
  return sent.at(-1) ?? '';
}

/** The customer asks for a person; resolves with their new case's id as the console lists it. */
async function askForHuman(userId: string, token: string): Promise<string> {
  const known = new Set((await listCases(service.url, token, 'new')).map((c) => c.id));
  await customerSays(userId, '你好');
  await customerSays(userId, '转人工');
  const cases = await waitUntil(() => listCases(service.url, token, 'new'), (list) => list.some((c) => c.person.channel === 'wecom-kf' && !known.has(c.id)));
  const found = cases.find((c) => c.person.channel === 'wecom-kf' && !known.has(c.id));
  if (!found) throw new Error(`no kf case for ${userId}: ${JSON.stringify(cases)} ${JSON.stringify(fake.sentTo(userId))}`);
  return found.id;
}

async function caseMessages(token: string, caseId: string): Promise<{ direction: string; sender: string; text: string }[]> {
  const answer = await callApi(service.url, token, 'GET', `/cases/${caseId}`);
  expect(answer.status).toBe(200);
  return (answer.body as unknown as { case: { messages: { direction: string; sender: string; text: string }[] } }).case.messages;
}

/** The session state the service recorded for a customer (null: none). */
async function recordedState(userId: string): Promise<number | null> {
  return (await db.prisma.wecomKfCustomer.findUnique({ where: { id: `${KF}|${userId}` } }))?.serviceState ?? null;
}

async function handoverAudit(userId: string) {
  const rows = await db.prisma.auditEvent.findMany({ where: { subjectType: 'wecom_kf_customer', subjectId: `${KF}|${userId}`, action: { startsWith: 'wecom_kf.handover' } }, orderBy: { at: 'asc' } });
  return rows.map((r) => ({ action: r.action, ...JSON.parse(r.details) }));
}

beforeAll(async () => {
  fake = await startFakeKfApi('kf-secret');
  config = tempServiceConfig({ WECOM_CORP_ID: CORP, WECOM_TOKEN: KF_KEYS.token, WECOM_AES_KEY: KF_KEYS.aesKey, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_KF_SECRET: 'kf-secret', WECOM_API_BASE: fake.url });
  service = await startTestService(config, { now: clock });
  await addCaseworker(config, { username: 'kfwang', password: 'pw-kfwang-123', displayName: '王芳', regionCode: '440800' });
  await addCaseworker(config, { username: 'kfli', password: 'pw-kfli-123', displayName: '李明', regionCode: '440800' });
  const io = { out: () => undefined, err: () => undefined };
  expect(await runWecomCommand(['link', 'kfwang', 'WangFang'], io, config)).toBe(0);
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
  await fake?.close();
});

describe('微信客服 handover to a caseworker', () => {
  it('claim by a linked caseworker moves the session to 人工接待 with them as servicer; close ends it and the bot answers again', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfwang', 'pw-kfwang-123');
    const caseId = await askForHuman('wmHuman', token);
    expect(fake.trans).toEqual([]);

    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    await waitUntil(async () => fake.trans.length, (n) => n >= 1);
    expect(fake.trans).toEqual([{ open_kfid: KF, external_userid: 'wmHuman', service_state: 3, servicer_userid: 'WangFang' }]);
    expect(fake.states.get(`${KF}|wmHuman`)).toBe(3);
    // The notice went out before the session left the bot (the API answers while it is 智能助手).
    expect(fake.sentTo('wmHuman').at(-1)).toContain('王芳');
    expect(await handoverAudit('wmHuman')).toEqual([{ action: 'wecom_kf.handover', caseId, caseworkerId: expect.any(String), serviceState: 3, servicer: 'WangFang', changed: true }]);

    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/close`, { reason: '已解答' })).status).toBe(200);
    await waitUntil(async () => fake.trans.length, (n) => n >= 2);
    expect(fake.trans[1]).toEqual({ open_kfid: KF, external_userid: 'wmHuman', service_state: 4 });
    expect(fake.states.get(`${KF}|wmHuman`)).toBe(4);
    expect((await handoverAudit('wmHuman')).at(-1)).toMatchObject({ action: 'wecom_kf.handover', caseId, serviceState: 4, changed: true });

    // The customer writes again: a new session, and the bot (not a caseworker) answers.
    const answer = await customerSays('wmHuman', '你好');
    expect(answer.length).toBeGreaterThan(0);
    expect(fake.trans).toHaveLength(2);
  });

  it('a caseworker without a WeCom userid claims: the session stays 智能助手, and that is recorded', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfli', 'pw-kfli-123');
    const caseId = await askForHuman('wmNoLink', token);
    const transBefore = fake.trans.length;
    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    const audit = await waitUntil(() => handoverAudit('wmNoLink'), (rows) => rows.length >= 1);
    expect(audit).toEqual([{ action: 'wecom_kf.handover', caseId, caseworkerId: expect.any(String), serviceState: 1, changed: false, reason: 'caseworker_not_wecom_member' }]);
    expect(fake.trans).toHaveLength(transBefore);
    expect(fake.states.get(`${KF}|wmNoLink`)).toBe(1);
  });

  it('Tencent refusing the change is recorded; the claim stands and the person was told', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfwang', 'pw-kfwang-123');
    const caseId = await askForHuman('wmRefused', token);
    fake.failNextTrans = 95014;
    const claim = await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {});
    expect(claim.status).toBe(200);
    expect(fake.sentTo('wmRefused').at(-1)).toContain('王芳');
    expect(await waitUntil(() => handoverAudit('wmRefused'), (rows) => rows.length >= 1)).toEqual([{ action: 'wecom_kf.handover_failed', caseId, caseworkerId: expect.any(String), errcode: 95014 }]);
    expect(fake.states.get(`${KF}|wmRefused`)).toBe(1);
    expect((await listCases(service.url, token, 'claimed')).map((c) => c.id)).toContain(caseId);
  });
});

describe('微信客服 in 人工接待: the servicer answers in the WeCom client', () => {
  it('a servicer message (origin 5) lands in the transcript and audit once, as the caseworker; the bot does not answer it', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfwang', 'pw-kfwang-123');
    const caseId = await askForHuman('wmServicer', token);
    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    await waitUntil(async () => fake.states.get(`${KF}|wmServicer`), (state) => state === 3);
    const callsBefore = fake.sendCalls;

    const text = '您好，我是王芳，您的失业登记已经办好了。';
    const msgid = fake.servicerSays(KF, 'wmServicer', 'WangFang', text, clock());
    await kfEvent();
    const isServicerLine = (m: { text: string }) => m.text === text;
    const messages = await waitUntil(() => caseMessages(token, caseId), (list) => list.some(isServicerLine));
    expect(messages.filter(isServicerLine)).toEqual([{ direction: 'out', sender: 'caseworker:kfwang', text, at: expect.any(String) }]);

    // WeCom calls again and the cursor is lost: every message is read again, still recorded once.
    await kfEvent();
    await db.prisma.wecomKfCursor.deleteMany({ where: { openKfId: KF } });
    await kfEvent();
    await waitUntil(() => db.prisma.wecomKfCursor.count({ where: { openKfId: KF } }), (n) => n === 1);
    expect((await caseMessages(token, caseId)).filter(isServicerLine)).toHaveLength(1);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'wecom_kf.servicer_message', subjectId: `${KF}|wmServicer` } });
    expect(audit.map((r) => JSON.parse(r.details))).toEqual([{ msgid, servicer: 'WangFang', caseworkerId: expect.any(String), msgtype: 'text', text }]);
    expect(audit[0]?.actor).toBe('caseworker:kfwang');
    // The engine never ran it: no send was attempted, and it is not a message from the person.
    expect(fake.sendCalls).toBe(callsBefore);
    expect((await caseMessages(token, caseId)).filter((m) => m.direction === 'in' && m.text === text)).toEqual([]);
  });

  it('a console reply in 人工接待 is refused in Chinese (409) and not sent; nothing is recorded as said', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfwang', 'pw-kfwang-123');
    const caseId = await askForHuman('wmConsole', token);
    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    await waitUntil(async () => fake.states.get(`${KF}|wmConsole`), (state) => state === 3);
    const callsBefore = fake.sendCalls;

    const reply = await callApi(service.url, token, 'POST', `/cases/${caseId}/reply`, { text: '请带身份证来窗口办理。' });
    expect(reply.status).toBe(409);
    expect(reply.body).toEqual({ error: 'reply_in_wecom', message: '此对话已由企业微信客服接待，请在企业微信里回复。' });
    expect(fake.sendCalls).toBe(callsBefore);
    expect((await caseMessages(token, caseId)).filter((m) => m.text === '请带身份证来窗口办理。')).toEqual([]);
    // Nothing waits to go later either: the customer's next message sends nothing queued.
    expect(await db.prisma.queuedMessage.count({ where: { channel: 'wecom-kf', recipient: `${KF}|wmConsole`, status: 'pending' } })).toBe(0);
  });

  it('a console reply in 智能助手 (claimed by a caseworker without a WeCom userid) goes by the API as before', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfli', 'pw-kfli-123');
    const caseId = await askForHuman('wmAssistant', token);
    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    await waitUntil(() => handoverAudit('wmAssistant'), (rows) => rows.length >= 1);
    const reply = await callApi(service.url, token, 'POST', `/cases/${caseId}/reply`, { text: '您好，我是李明，请问还有什么问题？' });
    expect(reply.status).toBe(200);
    expect(fake.sentTo('wmAssistant').at(-1)).toBe('您好，我是李明，请问还有什么问题？');
    expect((await caseMessages(token, caseId)).filter((m) => m.sender === 'caseworker:kfli').map((m) => m.text)).toEqual(['您好，我是李明，请问还有什么问题？']);
  });

  it('when the handover failed and no state is recorded, the platform is asked: 智能助手, so the reply is sent', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfwang', 'pw-kfwang-123');
    const caseId = await askForHuman('wmUnknown', token);
    fake.failNextTrans = 95014;
    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    await waitUntil(() => handoverAudit('wmUnknown'), (rows) => rows.length >= 1);
    const reply = await callApi(service.url, token, 'POST', `/cases/${caseId}/reply`, { text: '稍等，我来帮您查。' });
    expect(reply.status).toBe(200);
    expect(fake.sentTo('wmUnknown').at(-1)).toBe('稍等，我来帮您查。');
  });

  it('a servicer taking the session in the WeCom client (event) makes console replies refused; once they end it and the customer writes again, replies go by the API', { timeout: 60_000 }, async () => {
    const token = await loginAs(service.url, 'kfli', 'pw-kfli-123');
    const caseId = await askForHuman('wmEvent', token);
    expect((await callApi(service.url, token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    await waitUntil(() => handoverAudit('wmEvent'), (rows) => rows.length >= 1);

    fake.sessionChanges(KF, 'wmEvent', 1, 'ZhaoLei', clock());
    await kfEvent();
    await waitUntil(() => recordedState('wmEvent'), (state) => state === 3);
    const callsBefore = fake.sendCalls;
    const refused = await callApi(service.url, token, 'POST', `/cases/${caseId}/reply`, { text: '您好。' });
    expect(refused).toMatchObject({ status: 409, body: { error: 'reply_in_wecom' } });
    expect(fake.sendCalls).toBe(callsBefore);

    // The servicer ends it there and the customer writes again: a new session the API may answer.
    fake.sessionChanges(KF, 'wmEvent', 3, null, clock());
    fake.say(KF, 'wmEvent', '还有一个问题', clock());
    await kfEvent();
    await waitUntil(() => recordedState('wmEvent'), (state) => state === 4);
    const sent = await callApi(service.url, token, 'POST', `/cases/${caseId}/reply`, { text: '会话已结束，还有问题请再留言。' });
    expect(sent.status).toBe(200);
    expect(fake.sentTo('wmEvent').at(-1)).toBe('会话已结束，还有问题请再留言。');
  });
});
