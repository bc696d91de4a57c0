// The monthly check-in on the Official Account, end to end against the loopback api.weixin.qq.com fake: a
// registered follower who wrote within the 48-hour window gets the follow-up question from the service's own tick
// as a customer-service text with numbered choices (the OA has no buttons), answers "1" through the signed and
// encrypted callback, and the answer lands in the contact ledger next to the delivered check-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainSignature } from '../../src/channels/tencent/callback-crypto.ts';
import type { RunningService } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createWechatOaFollowerRepository } from '../../src/persistence/wechat-oa-follower-repository.ts';
import { startFakeOa, type FakeOa } from '../channels/wechat-oa/fake-wechat-oa-api.ts';
import { callbackSigner, textXml } from '../channels/tencent/tencent-callback.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';

const APP_ID = 'wx00112233445566bb';
const TOKEN = 'oaTokenCheckIn';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const OPEN_ID = 'oPerson_checkin_00000000001';
const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });
// The service's clock, moved by the test: it starts on Tuesday 2026-03-03 22:00 in Beijing, the evening the first
// check-in falls due, and runs on from wherever it is set.
let clock = officeHoursClock('2026-03-03T14:00:00.000Z');
const serviceClock = () => clock();
let fake: FakeOa;
let service: RunningService;
let database: Database;
let msgId = 8_200_000_000_000_000_000n;

/** The follower writes `text` on the OA; resolves to the customer-service texts the bot answers with. */
async function say(text: string): Promise<string> {
  const before = fake.texts.length;
  const timestamp = String(Math.floor(clock().getTime() / 1000));
  const nonce = String(msgId % 100000n);
  const xml = textXml(APP_ID, OPEN_ID, text, String(msgId++));
  const posted = await signer.post(`${service.url}/channels/wechat-oa/callback`, xml, { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes' } });
  expect(posted.status).toBe(200);
  await fake.waitFor(() => fake.texts.length, before + 1);
  await new Promise((r) => setTimeout(r, 250));
  return fake.texts.slice(before).map((t) => t.text.content).join('\n');
}

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'oa-secret');
  const config = tempServiceConfig({ WECHAT_OA_APP_ID: APP_ID, WECHAT_OA_APP_SECRET: 'oa-secret', WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_AES_KEY: AES, WECHAT_OA_API_BASE: fake.url });
  service = await startTestService(config, { now: serviceClock });
  database = openDatabase(config.DATABASE_URL);
  await database.ready;
}, 60_000);

afterAll(async () => {
  await database?.close();
  await service?.stop();
  await fake?.close();
});

describe('monthly check-in on the Official Account', () => {
  it('arrives inside the 48-hour window with numbered choices; the answer "1" is recorded in the ledger', { timeout: 60_000 }, async () => {
    const db = database.prisma;
    // Registered 2026-02-03 in Zhanjiang: the first monthly check-in is due Tuesday 2026-03-03.
    await db.jobSeeker.create({ data: { id: 'p1', regionCode: '440800', locale: 'zh-CN', consentAt: new Date('2026-02-03T02:00:00Z'), preferredChannel: 'wechat-oa' } });
    await db.registration.create({ data: { id: 'r1', jobSeekerId: 'p1', regionCode: '440800', status: 'registered', registeredAt: new Date('2026-02-03T02:00:00Z'), reason: 'lost_job' } });
    await db.outreachTask.create({ data: { id: 't-first', jobSeekerId: 'p1', registrationId: 'r1', kind: 'first_contact', dueAt: new Date('2026-02-04T02:00:00Z'), idempotencyKey: 'first_contact:r1', status: 'sent', doneAt: new Date('2026-02-04T02:00:00Z') } });
    await db.channelAddress.create({ data: { id: 'a1', channel: 'wechat-oa', userKey: OPEN_ID, conversationId: `wechat-oa:${OPEN_ID}`, reference: '{}', jobSeekerId: 'p1' } });
    // The follower wrote yesterday at 16:00 Beijing: the customer-service window is open until Thursday 16:00.
    const followers = createWechatOaFollowerRepository(db);
    await followers.setFollowing(OPEN_ID, true);
    await followers.openWindow(OPEN_ID, 'message', new Date('2026-03-03T08:00:00Z'));

    // At night nothing goes out (the tick plans the check-in due today); the next morning it is sent on the OA.
    expect(await service.tick(new Date('2026-03-03T22:00:00+08:00'))).toMatchObject({ sent: 0 });
    expect(fake.texts).toEqual([]);
    clock = officeHoursClock('2026-03-04T02:00:00.000Z');
    expect(await service.tick(new Date('2026-03-04T10:00:00+08:00'))).toMatchObject({ sent: 1, failed: 0 });
    await fake.waitFor(() => fake.texts.length, 1);
    expect(fake.texts.map((t) => t.touser)).toEqual([OPEN_ID]);
    const prompt = fake.texts[0]?.text.content ?? '';
    expect(prompt).toContain('您好！想了解一下您最近的情况：');
    expect(prompt).toMatch(/^1\. 还在找工作$/m);
    expect(prompt).toMatch(/^\d\. 找到工作了$/m);
    expect(fake.notices).toEqual([]);
    // The same tick again: nothing more is sent.
    expect(await service.tick(new Date('2026-03-04T10:05:00+08:00'))).toMatchObject({ sent: 0 });
    expect(fake.texts).toHaveLength(1);

    const answer = await say('1');
    expect(answer.length).toBeGreaterThan(0);
    await expect.poll(async () => db.contactRecord.findMany({ where: { jobSeekerId: 'p1' }, orderBy: { kind: 'asc' }, select: { kind: true, outcome: true, serviceKinds: true } }), { timeout: 10_000 })
      .toEqual([{ kind: 'follow_up_reply', outcome: 'looking', serviceKinds: '[]' }, { kind: 'outreach_check_in', outcome: 'delivered', serviceKinds: '[]' }]);
    expect(await db.outreachTask.findMany({ where: { jobSeekerId: 'p1', kind: 'check_in', status: { not: 'pending' } }, select: { status: true, channel: true, period: true } })).toEqual([{ status: 'sent', channel: 'wechat-oa', period: 'm1' }]);
  });
});
