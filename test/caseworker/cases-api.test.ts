// The caseworker case API on the real service: a web-chat user's 转人工 reaches the console, two
// caseworkers race to claim it (exactly one wins), the reply arrives in the user's Direct Line conversation
// under the caseworker's name, close hands the user back to the bot; other regions and anonymous callers see nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { addCaseworker, callApi, listCases, loginAs, waitUntil, type CaseJson } from '../support/console-api.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

const config = tempServiceConfig();
const t = createLocalizer(readLocaleResources()).t;
let service: RunningService;
let db: Database;
let user: DirectlineTestClient;
let demo = '';
let second = '';
let wenzhou = '';
let caseId = '';
let winner: { token: string; name: string; username: string } = { token: '', name: '', username: '' };
let loser: { token: string; name: string } = { token: '', name: '' };

beforeAll(async () => {
  service = await startTestService(config, { now: officeHoursClock() });
  await addCaseworker(config, { username: 'zj2', password: 'pw-zj2-123', displayName: '李四', regionCode: '440800' });
  await addCaseworker(config, { username: 'wz', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
  demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
  second = await loginAs(service.url, 'zj2', 'pw-zj2-123');
  wenzhou = await loginAs(service.url, 'wz', 'pw-wz-123');
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
});

afterAll(async () => {
  user?.end();
  await db?.close();
  await service?.stop();
});

/** Reads an SSE stream until `pattern` shows up (or the time runs out). */
async function sseUntil(url: string, headers: Record<string, string>, act: () => Promise<void>, pattern: RegExp, timeoutMs = 8000): Promise<string> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  const first = await reader.read();
  text += decoder.decode(first.value);
  await act();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    while (!pattern.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
  } catch {
    // aborted: return what arrived
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return text;
}

describe('caseworker cases API', () => {
  it('refuses anonymous callers and forged tokens with 401', async () => {
    expect((await callApi(service.url, null, 'GET', '/cases?status=new')).status).toBe(401);
    expect((await callApi(service.url, 'forged', 'POST', '/cases/00000000-0000-4000-8000-000000000000/claim', {})).status).toBe(401);
    expect((await fetch(`${service.url}/api/caseworker/events`)).status).toBe(401);
    expect((await fetch(`${service.url}/api/caseworker/events?ticket=abc.def`)).status).toBe(401);
  });

  it('shows a web-chat 转人工 as a new case, pushed over server-sent events, with an SLA due time', async () => {
    user = await connect(service.url);
    await ask(user, '你好');
    const stream = await sseUntil(`${service.url}/api/caseworker/events`, { authorization: `Bearer ${demo}` }, async () => {
      const opened = await ask(user, '转人工');
      // The service's clock is in office hours: a person will answer soon.
      expect(opened.texts).toHaveLength(1);
      expect(opened.texts[0]).toBe(t('zh-CN', 'handoff.opened'));
    }, /event: case\ndata: \{"caseId":"[0-9a-f-]{36}"/);
    expect(stream).toMatch(/event: case\ndata: \{"caseId":"[0-9a-f-]{36}"/);

    const raw = await fetch(`${service.url}/api/caseworker/cases?status=new`, { headers: { authorization: `Bearer ${demo}` } });
    expect(raw.headers.get('cache-control')).toBe('no-store');
    const cases = await listCases(service.url, demo, 'new');
    expect(cases).toHaveLength(1);
    const [found] = cases;
    caseId = found?.id ?? '';
    expect(stream).toContain(caseId);
    expect(found).toMatchObject({ status: 'new', kind: 'handoff', reason: 'user_request', overdue: false, claimedBy: null, person: { channel: 'webchat' } });
    const opened = Date.parse(found?.openedAt ?? '');
    const due = Date.parse(found?.dueBy ?? '');
    expect(due - opened).toBeGreaterThan(24 * 3_600_000 - 1); // one working day after the opening day, at its end
    expect(due - opened).toBeLessThan(12 * 24 * 3_600_000); // ... even across the longest holiday (exact dates: case-due-by.test.ts)
    expect(await listCases(service.url, demo, 'claimed')).toEqual([]);
  });

  it("hides the case from another region's caseworker: 404 on view, claim, reply and close; empty list", async () => {
    expect(await listCases(service.url, wenzhou, 'new')).toEqual([]);
    for (const [method, path, body] of [['GET', '', undefined], ['POST', '/claim', {}], ['POST', '/reply', { text: '你好' }], ['POST', '/close', { reason: 'x' }]] as const) {
      const answer = await callApi(service.url, wenzhou, method, `/cases/${caseId}${path}`, body);
      expect(answer.status).toBe(404);
      expect(answer.body.message).toContain('找不到该事项');
    }
    expect(await db.prisma.handoffCase.findUnique({ where: { id: caseId } })).toMatchObject({ status: 'open', caseworkerId: null });
  });

  it('rejects bad input with a clear message and changes nothing', async () => {
    expect((await callApi(service.url, demo, 'GET', '/cases?status=everything')).status).toBe(400);
    expect((await callApi(service.url, demo, 'POST', `/cases/${caseId}/close`, { reason: '' })).body.message).toContain('结束原因');
    expect((await callApi(service.url, demo, 'POST', `/cases/${caseId}/reply`, { text: 42 })).status).toBe(400);
    const early = await callApi(service.url, demo, 'POST', `/cases/${caseId}/reply`, { text: '你好' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('请先认领');
  });

  it('lets exactly one of two simultaneous claims win; the other gets 409 naming the winner', async () => {
    const [a, b] = await Promise.all([
      callApi(service.url, demo, 'POST', `/cases/${caseId}/claim`, {}),
      callApi(service.url, second, 'POST', `/cases/${caseId}/claim`, {}),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const demoWon = a?.status === 200;
    winner = demoWon ? { token: demo, name: '演示工作人员', username: 'demo' } : { token: second, name: '李四', username: 'zj2' };
    loser = demoWon ? { token: second, name: '李四' } : { token: demo, name: '演示工作人员' };
    const lost = demoWon ? b : a;
    expect(lost?.body.message).toBe(`该事项已由${winner.name}认领，您的操作未生效。`);
    const row = await db.prisma.handoffCase.findUnique({ where: { id: caseId } });
    const winnerRow = await db.prisma.caseworker.findUnique({ where: { username: winner.username } });
    expect(row?.caseworkerId).toBe(winnerRow?.id);
    expect(await db.prisma.auditEvent.count({ where: { action: 'handoff.claimed', subjectId: caseId } })).toBe(1);
    expect((await listCases(service.url, demo, 'claimed')).map((c: CaseJson) => [c.id, c.claimedBy?.displayName])).toEqual([[caseId, winner.name]]);
    expect((await callApi(service.url, second, 'GET', '/cases?status=new')).body.counts).toEqual({ new: 0, claimed: 1, waiting: 0 });
    // The person is told who took over, and the bot stays quiet while the caseworker owns the conversation.
    const notice = await user.waitForBotReply((m) => m.text === t('zh-CN', 'handoff.claimed', { name: winner.name }));
    expect(notice.text).toContain(winner.name);
  });

  it("keeps the person's messages on the case while the bot is silent", async () => {
    const before = user.botMessages().length;
    const stream = await sseUntil(`${service.url}/api/caseworker/events`, { authorization: `Bearer ${winner.token}` }, async () => {
      await user.say('我的身份证丢了，失业登记怎么办？');
    }, new RegExp(`event: message\ndata: \\{"caseId":"${caseId}"`));
    expect(stream).toContain(`event: message\ndata: {"caseId":"${caseId}"`);
    const view = await waitUntil(
      () => callApi(service.url, winner.token, 'GET', `/cases/${caseId}`),
      (a) => JSON.stringify(a.body).includes('我的身份证丢了'),
    );
    const detail = (view.body as unknown as { case: CaseJson }).case;
    expect(detail.messages?.filter((m) => m.direction === 'in').map((m) => m.text)).toContain('我的身份证丢了，失业登记怎么办？');
    await new Promise((r) => setTimeout(r, 600));
    expect(user.botMessages().length).toBe(before);
    expect(await db.prisma.auditEvent.count({ where: { action: 'handoff.viewed', subjectId: caseId } })).toBeGreaterThan(0);
  });

  it("sends the owner's reply into the user's Direct Line conversation under the caseworker's name", async () => {
    const stale = await callApi(service.url, loser.token, 'POST', `/cases/${caseId}/reply`, { text: '我来回答' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain(`已由${winner.name}认领`);

    const text = '您好，补办身份证期间可以先用临时身份证办理登记。';
    const answer = await callApi(service.url, winner.token, 'POST', `/cases/${caseId}/reply`, { text });
    expect([answer.status, answer.body.message]).toEqual([200, undefined]);
    const arrived = await user.waitForBotReply((m) => m.text === text);
    expect(arrived.from).toMatchObject({ name: winner.name, role: 'bot' });
    expect(arrived.from.id).not.toBe('jiuyebang');
    expect(user.activities.filter((a) => a.type === 'message' && a.text === '我来回答')).toEqual([]);
    const transcript = await db.prisma.transcriptMessage.findMany({ where: { text } });
    expect(transcript.map((m) => [m.direction, m.sender])).toEqual([['out', `caseworker:${winner.username}`]]);
    expect(await db.prisma.auditEvent.count({ where: { action: 'handoff.replied', subjectId: caseId } })).toBe(1);
  });

  it('closes the case: the person is told in their language and the bot answers again', async () => {
    const stale = await callApi(service.url, loser.token, 'POST', `/cases/${caseId}/close`, { reason: '抢着结束' });
    expect(stale.status).toBe(409);
    const closed = await callApi(service.url, winner.token, 'POST', `/cases/${caseId}/close`, { reason: '已告知临时身份证的办法' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ case: { status: 'closed', overdue: false } });
    await user.waitForBotReply((m) => m.text === t('zh-CN', 'handoff.closedByCaseworker'));
    const back = await ask(user, '谢谢');
    expect(back.texts[0]).toBe(t('zh-CN', 'handoff.returned'));
    expect(back.buttons).toContain('失业登记');
    expect(await db.prisma.auditEvent.findMany({ where: { action: 'handoff.closed', subjectId: caseId } })).toHaveLength(1);

    const again = await callApi(service.url, winner.token, 'POST', `/cases/${caseId}/close`, { reason: '再次结束' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已经结束');
    expect((await callApi(service.url, loser.token, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(409);
    expect((await listCases(service.url, demo, 'closed')).map((c) => c.id)).toEqual([caseId]);
  });

  it('flags a case past its due time as overdue', async () => {
    const old = await db.prisma.handoffCase.create({
      data: { id: '11111111-1111-4111-8111-111111111111', conversationKey: 'webchat:old', regionCode: '440800', reason: 'user_request', createdAt: new Date('2024-03-01T02:00:00Z') },
    });
    const listed = (await listCases(service.url, demo, 'new')).find((c) => c.id === old.id);
    expect(listed).toMatchObject({ overdue: true, dueBy: '2024-03-04T16:00:00.000Z' }); // Friday → Monday 24:00 Beijing
    const unreachable = await callApi(service.url, demo, 'POST', `/cases/${old.id}/claim`, {});
    expect(unreachable.status).toBe(200);
    const reply = await callApi(service.url, demo, 'POST', `/cases/${old.id}/reply`, { text: '你好' });
    expect(reply.status).toBe(409);
    expect(reply.body.message).toContain('无法在线回复');
  });

  it('keeps internal notes on the case (never sent to the person) and can mark it as waiting for the person', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const before = user.activities.length;
    expect((await callApi(service.url, demo, 'POST', `/cases/${id}/notes`, { text: '电话 13812345678 未接通' })).status).toBe(200);
    const waiting = await callApi(service.url, demo, 'POST', `/cases/${id}/waiting`, { waiting: true });
    expect(waiting.body).toMatchObject({ case: { status: 'waiting' } });
    expect((await listCases(service.url, demo, 'waiting')).map((c) => c.id)).toEqual([id]);
    expect((await callApi(service.url, second, 'POST', `/cases/${id}/waiting`, { waiting: false })).status).toBe(409);
    const view = await callApi(service.url, demo, 'GET', `/cases/${id}`);
    expect(JSON.stringify(view.body)).toContain('电话 138****5678 未接通');
    expect(user.activities.length).toBe(before);
  });

  it('lets the person cancel while a caseworker owns the conversation: the case ends and a late reply is refused', async () => {
    const other = await connect(service.url);
    try {
      await ask(other, '你好');
      await ask(other, '人工');
      const [opened] = await waitUntil(() => listCases(service.url, demo, 'new'), (cases) => cases.length === 1);
      const id = opened?.id ?? '';
      expect((await callApi(service.url, demo, 'POST', `/cases/${id}/claim`, {})).status).toBe(200);
      const cancelled = await ask(other, '取消');
      expect(cancelled.texts).toContain(t('zh-CN', 'handoff.cancelled'));
      const late = await callApi(service.url, demo, 'POST', `/cases/${id}/reply`, { text: '还在吗？' });
      expect(late.status).toBe(409);
      expect(late.body.message).toContain('已经结束');
      expect((await listCases(service.url, demo, 'closed')).map((c) => c.id)).toContain(id);
      expect(other.activities.filter((a) => a.type === 'message' && a.text === '还在吗？')).toEqual([]);
    } finally {
      other.end();
    }
  });
});
