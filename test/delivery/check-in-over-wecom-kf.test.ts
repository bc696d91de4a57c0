// The monthly check-in on 微信客服, end to end against the loopback qyapi fake: a registered customer who wrote an
// hour ago (inside the 48-hour window) gets the follow-up question from the service's own tick through
// kf/send_msg with numbered choices (kf has no buttons), answers "1" (served by kf/sync_msg after the callback
// event), and the answer lands in the contact ledger next to the delivered check-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { waitUntil } from '../support/console-api.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { startFakeKfApi, type FakeKfApi } from '../channels/wecom-kf/fake-kf-api.ts';
import { callbackSigner, kfEventXml } from '../channels/tencent/tencent-callback.ts';

const CORP = 'ww1436e0e65a779aee';
const keys = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: CORP };
const signer = callbackSigner(keys);
const KF = 'wkKF0011';
const USER = 'wmCheckIn1';
const CUSTOMER = `${KF}|${USER}`;
// The service's clock, moved by the test: Tuesday 2026-03-03 22:00 in Beijing, the evening the first check-in is due.
let clock = officeHoursClock('2026-03-03T14:00:00.000Z');
let fake: FakeKfApi;
let service: RunningService;
let database: Database;

beforeAll(async () => {
  fake = await startFakeKfApi('kf-secret');
  const config = tempServiceConfig({ WECOM_CORP_ID: CORP, WECOM_TOKEN: keys.token, WECOM_AES_KEY: keys.aesKey, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_KF_SECRET: 'kf-secret', WECOM_API_BASE: fake.url });
  service = await startTestService(config, { now: () => clock() });
  database = openDatabase(config.DATABASE_URL);
  await database.ready;
}, 60_000);

afterAll(async () => {
  await database?.close();
  await service?.stop();
  await fake?.close();
});

describe('monthly check-in on 微信客服', () => {
  it('arrives inside the window with numbered choices; the answer "1" is recorded in the ledger', { timeout: 60_000 }, async () => {
    const db = database.prisma;
    // Registered 2026-02-03 in Zhanjiang: the first monthly check-in is due Tuesday 2026-03-03.
    await db.jobSeeker.create({ data: { id: 'p1', regionCode: '440800', locale: 'zh-CN', consentAt: new Date('2026-02-03T02:00:00Z') } });
    await db.registration.create({ data: { id: 'r1', jobSeekerId: 'p1', regionCode: '440800', status: 'registered', registeredAt: new Date('2026-02-03T02:00:00Z'), reason: 'lost_job' } });
    await db.outreachTask.create({ data: { id: 't-first', jobSeekerId: 'p1', registrationId: 'r1', kind: 'first_contact', dueAt: new Date('2026-02-04T02:00:00Z'), idempotencyKey: 'first_contact:r1', status: 'sent', doneAt: new Date('2026-02-04T02:00:00Z') } });
    await db.channelAddress.create({ data: { id: 'kf-p1', channel: 'wecom-kf', userKey: CUSTOMER, conversationId: `wecom-kf:${CUSTOMER}`, reference: '{}', jobSeekerId: 'p1' } });
    // They last wrote Wednesday at 09:00 Beijing: the kf window is open until Friday 09:00.
    await db.wecomKfCustomer.create({ data: { id: CUSTOMER, windowOpenedAt: new Date('2026-03-04T01:00:00Z') } });

    expect(await service.tick(new Date('2026-03-03T22:00:00+08:00'))).toMatchObject({ sent: 0 });
    clock = officeHoursClock('2026-03-04T02:00:00.000Z');
    expect(await service.tick(new Date('2026-03-04T10:00:00+08:00'))).toMatchObject({ sent: 1, failed: 0 });
    const prompt = fake.sentTo(USER).join('\n');
    expect(fake.sent.map((s) => s.open_kfid)).toEqual([KF]);
    expect(prompt).toContain('您好！想了解一下您最近的情况：');
    expect(prompt).toMatch(/^1\. 还在找工作$/m);
    expect(prompt).toMatch(/^\d\. 找到工作了$/m);
    expect(await service.tick(new Date('2026-03-04T10:05:00+08:00'))).toMatchObject({ sent: 0 });

    // The customer answers "1": Tencent's event makes the service read it with kf/sync_msg.
    fake.say(KF, USER, '1', clock());
    const posted = await signer.post(`${service.url}/channels/wecom/callback`, kfEventXml(CORP, KF, 1_800_000_200));
    expect(posted.status).toBe(200);
    await waitUntil(async () => fake.sentTo(USER).length, (n) => n > 1);
    await expect.poll(async () => db.contactRecord.findMany({ where: { jobSeekerId: 'p1' }, orderBy: { kind: 'asc' }, select: { kind: true, outcome: true, serviceKinds: true } }), { timeout: 10_000 })
      .toEqual([{ kind: 'follow_up_reply', outcome: 'looking', serviceKinds: '[]' }, { kind: 'outreach_check_in', outcome: 'delivered', serviceKinds: '[]' }]);
    expect(await db.outreachTask.findMany({ where: { jobSeekerId: 'p1', kind: 'check_in', status: { not: 'pending' } }, select: { status: true, channel: true, period: true } })).toEqual([{ status: 'sent', channel: 'wecom-kf', period: 'm1' }]);
  });
});
