// Handing a case on: to a colleague who covers its district (they own it from then on), or to another
// district's inbox (it arrives there as new and leaves the sender's view); refused with a clear message for
// strangers, other regions and bad bodies; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { addCaseworker, callApi, listCases, loginAs, waitUntil } from '../support/console-api.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

const config = tempServiceConfig();
let service: RunningService;
let user: DirectlineTestClient;
let demo = '';
let colleague = '';
let district = '';
let caseId = '';

beforeAll(async () => {
  service = await startTestService(config, { now: officeHoursClock() });
  await addCaseworker(config, { username: 'zj-li', password: 'pw-zj-li-123', displayName: '李四', regionCode: '440800' });
  await addCaseworker(config, { username: 'wz-wang', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
  demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
  colleague = await loginAs(service.url, 'zj-li', 'pw-zj-li-123');
  district = await loginAs(service.url, 'demo-district', 'jiuyebang-demo');
  user = await connect(service.url);
  await ask(user, '你好');
  await ask(user, '转人工');
  const [opened] = await waitUntil(() => listCases(service.url, demo, 'new'), (cases) => cases.length > 0);
  caseId = opened?.id ?? '';
});

afterAll(async () => {
  user?.end();
  await service?.stop();
});

describe('transferring a case', () => {
  it('refuses a body that names neither or both targets, a stranger, and a district of another region', async () => {
    expect(await callApi(service.url, demo, 'POST', `/cases/${caseId}/transfer`, {})).toMatchObject({ status: 400, body: { message: expect.stringContaining('二选一') } });
    expect((await callApi(service.url, demo, 'POST', `/cases/${caseId}/transfer`, { toUsername: 'zj-li', toDistrict: '440802' })).status).toBe(400);
    expect(await callApi(service.url, demo, 'POST', `/cases/${caseId}/transfer`, { toUsername: 'wz-wang' })).toMatchObject({ status: 404, body: { error: 'colleague_not_found' } });
    expect(await callApi(service.url, demo, 'POST', `/cases/${caseId}/transfer`, { toDistrict: '330302' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('本地区') } });
  });

  it('hands a claimed case to a colleague, who then owns it; the sender can no longer reply', async () => {
    expect((await callApi(service.url, demo, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    const moved = await callApi(service.url, demo, 'POST', `/cases/${caseId}/transfer`, { toUsername: 'zj-li', note: '对方问的是培训补贴，李四熟悉' });
    expect(moved).toMatchObject({ status: 200, body: { case: { claimedBy: { username: 'zj-li', displayName: '李四' } } } });
    expect((await listCases(service.url, colleague, 'claimed')).map((c) => c.id)).toContain(caseId);
    expect(await callApi(service.url, demo, 'POST', `/cases/${caseId}/reply`, { text: '还是我来回答' })).toMatchObject({ status: 409, body: { message: expect.stringContaining('李四') } });
    expect((await callApi(service.url, colleague, 'POST', `/cases/${caseId}/reply`, { text: '您好，我是李四，培训补贴的事我来帮您。' })).status).toBe(200);
  });

  it("hands it to a district's inbox: new there, claimable by that district, and out of a district colleague's reach before", async () => {
    expect(await listCases(service.url, district, 'new')).toEqual([]);
    const moved = await callApi(service.url, colleague, 'POST', `/cases/${caseId}/transfer`, { toDistrict: '440802' });
    expect(moved).toMatchObject({ status: 200, body: { case: { status: 'new', claimedBy: null } } });
    expect((await listCases(service.url, district, 'new')).map((c) => c.id)).toEqual([caseId]);
    expect((await callApi(service.url, district, 'POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
  });

  it('records each transfer in the audit log with its note', async () => {
    const db = openDatabase(config.DATABASE_URL);
    await db.ready;
    const rows = await db.prisma.auditEvent.findMany({ where: { action: 'handoff.transferred', subjectId: caseId }, orderBy: { at: 'asc' } });
    await db.close();
    expect(rows.map((r) => [r.actor, JSON.parse(r.details)])).toEqual([
      ['caseworker:demo', { colleague: 'zj-li', note: '对方问的是培训补贴，李四熟悉' }],
      ['caseworker:zj-li', { district: '440802', note: null }],
    ]);
  });
});
