// Outreach to a person whose newest address is 微信客服: when their kf window has closed (48 hours since they
// last wrote) the kf channel is passed over (reason kept on the task) and the monthly check-in goes to their web
// chat instead, seen in Direct Line (official client); a person whose window is still open gets it through kf/send_msg.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { startFakeKfApi, type FakeKfApi } from '../channels/wecom-kf/fake-kf-api.ts';
import { callbackSigner, kfEventXml } from '../channels/tencent/tencent-callback.ts';

const CORP = 'ww1436e0e65a779aee';
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const KF = 'wkKF0004';
const HOUR = 3_600_000;
// Wednesday 2026-03-04, 10:00 in Beijing: a working day in the sending hours, the check-in of February's registrations due.
const clock = officeHoursClock('2026-03-04T02:00:00.000Z');
let fake: FakeKfApi;
let service: RunningService;
let client: DirectlineTestClient;
let database: Database;

async function registeredPerson(id: string): Promise<void> {
  const db = database.prisma;
  await db.jobSeeker.create({ data: { id, regionCode: '440800', locale: 'zh-CN', consentAt: new Date('2026-02-03T02:00:00Z') } });
  await db.registration.create({ data: { id: `r-${id}`, jobSeekerId: id, regionCode: '440800', status: 'registered', registeredAt: new Date('2026-02-03T02:00:00Z'), reason: 'lost_job' } });
  await db.outreachTask.create({ data: { id: `first-${id}`, jobSeekerId: id, registrationId: `r-${id}`, kind: 'first_contact', dueAt: new Date('2026-02-04T02:00:00Z'), idempotencyKey: `first_contact:r-${id}`, status: 'sent', doneAt: new Date('2026-02-04T02:00:00Z') } });
}

async function kfAddress(id: string, externalUserId: string, windowOpenedAt: Date): Promise<void> {
  const customer = `${KF}|${externalUserId}`;
  // Newer than any web chat address, so delivery tries 微信客服 first.
  await database.prisma.channelAddress.create({ data: { id: `kf-${id}`, channel: 'wecom-kf', userKey: customer, conversationId: `wecom-kf:${customer}`, reference: '{}', jobSeekerId: id, updatedAt: new Date('2026-03-01T02:00:00Z') } });
  await database.prisma.wecomKfCustomer.create({ data: { id: customer, windowOpenedAt } });
}

beforeAll(async () => {
  fake = await startFakeKfApi('kf-secret');
  const config = tempServiceConfig({ WECOM_CORP_ID: CORP, WECOM_TOKEN: TOKEN, WECOM_AES_KEY: AES_KEY, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_KF_SECRET: 'kf-secret', WECOM_API_BASE: fake.url });
  service = await startTestService(config, { now: clock });
  client = await connect(service.url);
  database = openDatabase(config.DATABASE_URL);
  await database.ready;
}, 60_000);

afterAll(async () => {
  client?.end();
  await database?.close();
  await service?.stop();
  await fake?.close();
});

describe('outreach when the 微信客服 window is closed', () => {
  it('goes to the web chat address instead; an open window takes it through kf', { timeout: 60_000 }, async () => {
    await registeredPerson('p-closed');
    await database.prisma.channelAddress.create({ data: { id: 'web-p-closed', channel: 'webchat', userKey: 'u-p-closed', conversationId: `webchat:${client.conversationId}`, reference: '{}', jobSeekerId: 'p-closed', updatedAt: new Date('2026-02-10T02:00:00Z') } });
    await kfAddress('p-closed', 'wmClosed', new Date(clock().getTime() - 49 * HOUR));
    await registeredPerson('p-open');
    await kfAddress('p-open', 'wmOpen', new Date(clock().getTime() - 1 * HOUR));

    // The evening before plans the check-ins due that Tuesday (outside the sending hours: nothing goes out).
    expect(await service.tick(new Date('2026-03-03T22:00:00+08:00'))).toMatchObject({ sent: 0 });
    expect(await service.tick(clock())).toMatchObject({ sent: 2, failed: 0 });

    const prompt = await client.waitForBotReply((m) => String(m.text ?? '').includes('最近的情况'), 15_000);
    expect(prompt.text).toBe('您好！想了解一下您最近的情况：');
    expect(fake.sentTo('wmClosed')).toEqual([]);
    expect(fake.sentTo('wmOpen')).toHaveLength(1);
    expect(fake.sentTo('wmOpen')[0]).toMatch(/^您好！想了解一下您最近的情况：\n1\. /);
    const tasks = await database.prisma.outreachTask.findMany({ where: { kind: 'check_in', status: { not: 'pending' } }, orderBy: { jobSeekerId: 'asc' }, select: { jobSeekerId: true, status: true, channel: true, chosenBecause: true, skippedChannels: true } });
    // The kf channel's own window state passed it over before any send: the reason is kept on the task.
    expect(tasks).toEqual([
      { jobSeekerId: 'p-closed', status: 'sent', channel: 'webchat', chosenBecause: 'recent:always', skippedChannels: JSON.stringify([{ channel: 'wecom-kf', reason: 'outside_window' }]) },
      { jobSeekerId: 'p-open', status: 'sent', channel: 'wecom-kf', chosenBecause: 'recent:in_window', skippedChannels: '[]' },
    ]);
    expect(await database.prisma.auditEvent.count({ where: { action: 'wecom_kf.undeliverable' } })).toBe(0);
    // Nothing was queued for the closed window: outreach is not a reply, it went elsewhere.
    expect(await database.prisma.queuedMessage.count({ where: { channel: 'wecom-kf' } })).toBe(0);
  });

  it('a send failure 微信客服 reports later reopens the check-in and takes back its count; kf is not tried again for it', { timeout: 60_000 }, async () => {
    const sent = await database.prisma.outreachTask.findFirstOrThrow({ where: { jobSeekerId: 'p-open', kind: 'check_in', status: 'sent' } });
    expect(sent.receipt).toBe('kf1');
    expect(await database.prisma.contactRecord.count({ where: { id: `outreach:${sent.id}` } })).toBe(1);

    // fail_type 10: the customer refuses messages. It arrives with the next kf/sync_msg.
    fake.sendFails(KF, 'wmOpen', 'kf1', 10, clock());
    const signer = callbackSigner({ token: TOKEN, aesKey: AES_KEY, receiveId: CORP });
    const event = kfEventXml(CORP, KF, 1_800_000_300);
    expect((await signer.post(`${service.url}/channels/wecom/callback`, event)).status).toBe(200);
    await expect.poll(async () => (await database.prisma.outreachTask.findUniqueOrThrow({ where: { id: sent.id } })).status, { timeout: 10_000 }).toBe('pending');
    expect(await database.prisma.outreachTask.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ receiptStatus: 'failed', lastError: 'wecom-kf:receipt_failed:fail_type:10' });
    expect(await database.prisma.contactRecord.count({ where: { id: `outreach:${sent.id}` } })).toBe(0);

    // Their only address is 微信客服: the retry passes it over, and the caseworker sees why it could not be delivered.
    expect(await service.tick(new Date(clock().getTime() + 30 * 60_000))).toMatchObject({ sent: 0, failed: 1 });
    expect(fake.sentTo('wmOpen')).toHaveLength(1);
    expect(await database.prisma.outreachTask.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: 'undeliverable', lastError: 'wecom-kf:receipt_failed' });
  });
});
