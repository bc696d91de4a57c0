// 微信客服 replies over the 5-message budget on the running service against a fake qyapi: what a customer's
// window could not take waits (sealed) and goes first, in order, when their next message opens a new window;
// the answer to that message waits behind it as the budget requires, survives a restart, and nothing is sent
// twice, not even when Tencent's event comes again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config/app-config.ts';
import { loadPiiKey } from '../../../src/config/load-pii-key.ts';
import type { RunningService } from '../../../src/main.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../../src/persistence/queued-message-repository.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { waitUntil } from '../../support/console-api.ts';
import { CORP, KF_KEYS, kfEventPoster } from './kf-callbacks.ts';
import { startFakeKfApi, type FakeKfApi } from './fake-kf-api.ts';

const KF = 'wkKF0002';
const clock = officeHoursClock();
let fake: FakeKfApi;
let config: AppConfig;
let service: RunningService;
let db: Database;
const kfEvent = kfEventPoster(KF, () => service.url);

/** The customer writes; resolves once `count` texts in all were sent to them, and a moment more for strays. */
async function customerSays(userId: string, text: string, count: number): Promise<string[]> {
  fake.say(KF, userId, text, clock());
  await kfEvent();
  const sent = await waitUntil(async () => fake.sentTo(userId), (s) => s.length >= count);
  await new Promise((r) => setTimeout(r, 600));
  return sent;
}

beforeAll(async () => {
  fake = await startFakeKfApi('kf-secret');
  config = tempServiceConfig({ WECOM_CORP_ID: CORP, WECOM_TOKEN: KF_KEYS.token, WECOM_AES_KEY: KF_KEYS.aesKey, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_KF_SECRET: 'kf-secret', WECOM_API_BASE: fake.url });
  service = await startTestService(config, { now: clock });
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
  await fake?.close();
});

describe('微信客服 replies over the budget', () => {
  it('sends what waited first, in order, then queues the new answer; after a restart the next message releases it, each text once', { timeout: 60_000 }, async () => {
    // What the bot answers a first 你好 (another customer, nothing queued for them).
    const [greeting] = await customerSays('wmRef', '你好', 1);
    expect(greeting?.length).toBeGreaterThan(0);

    // Five replies a closed window left for wmQueue (sealed at rest).
    const queue = createQueuedMessageRepository(db.prisma, createPiiCipher(loadPiiKey(config)));
    const waiting = ['等候一', '等候二', '等候三', '等候四', '等候五'];
    const queued = await queue.enqueue('wecom-kf', `${KF}|wmQueue`, waiting.map((text) => ({ text })), clock());
    // Left by a closed window: released, they wait for the customer's next message.
    for (const { seq } of queued) await db.prisma.queuedMessage.update({ where: { seq }, data: { nextAttemptAt: null } });
    const sealed = await db.prisma.queuedMessage.findMany({ where: { channel: 'wecom-kf', recipient: `${KF}|wmQueue` } });
    expect(sealed.every((r) => r.sealed !== null && !r.sealed.includes('等候'))).toBe(true);

    // Their 你好 opens a window of five: the five waiting go, in order; the greeting waits (sealed) behind them.
    expect(await customerSays('wmQueue', '你好', 5)).toEqual(waiting);
    const left = await db.prisma.queuedMessage.findMany({ where: { channel: 'wecom-kf', recipient: `${KF}|wmQueue`, status: 'pending' } });
    expect(left).toHaveLength(1);
    expect(left[0]?.sealed).not.toContain(greeting?.slice(0, 4));
    expect((await db.prisma.auditEvent.findMany({ where: { action: 'wecom_kf.reply_queued', subjectId: `${KF}|wmQueue` } })).map((e) => JSON.parse(e.details))).toEqual([{ queued: 1, reason: 'budget_used' }]);

    // A restart: the queue is in the database. The next message first releases the greeting, then is answered.
    // (This test's own connection is closed meanwhile: start-up migrates the file.)
    await db.close();
    await service.stop();
    service = await startTestService(config, { now: clock });
    db = openDatabase(config.DATABASE_URL);
    await db.ready;
    const all = await customerSays('wmQueue', '帮助', 7);
    expect(all).toHaveLength(7);
    expect(all.slice(0, 5)).toEqual(waiting);
    expect(all[5]).toBe(greeting);
    expect(all[6]).not.toBe(greeting);
    expect(all[6]?.length).toBeGreaterThan(0);
    expect(await db.prisma.queuedMessage.findMany({ where: { channel: 'wecom-kf', recipient: `${KF}|wmQueue` }, select: { status: true, sealed: true } }))
      .toEqual(Array.from({ length: 7 }, () => ({ status: 'sent', sealed: null })));

    // Tencent's event again (a retry): nothing new to read, nothing sent again.
    await kfEvent();
    await new Promise((r) => setTimeout(r, 800));
    expect(fake.sentTo('wmQueue')).toHaveLength(7);
  });
});
