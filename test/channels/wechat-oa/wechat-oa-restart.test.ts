// A restart between the callback and the reply, on the running service against a fake api.weixin.qq.com: the
// service acknowledges the person's message but WeChat is down, so the reply is not sent when the service stops;
// a new service on the same database sends it once its pause is over, exactly once, and the conversation goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainSignature } from '../../../src/channels/tencent/callback-crypto.ts';
import type { AppConfig } from '../../../src/config/app-config.ts';
import type { RunningService } from '../../../src/main.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import { waitUntil } from '../../support/console-api.ts';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { callbackSigner, eventXml, textXml } from '../tencent/tencent-callback.ts';
import { startFakeOa, type FakeOa } from './fake-wechat-oa-api.ts';

const APP_ID = 'wx5555666677778888';
const TOKEN = 'restartToken1';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const PERSON = 'o-restart-1';
const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });
/** The services' clock: real time plus whatever the test has skipped. */
let skipped = 0;
const now = () => new Date(Date.now() + skipped);
let fake: FakeOa;
let config: AppConfig;
let service: RunningService;

async function post(xml: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = '24680';
  return signer.post(`${service.url}/channels/wechat-oa/callback`, xml, { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes', openid: PERSON } });
}

/** Reads the database between services (start-up migrates the file, so no connection is kept open across). */
async function inDatabase<T>(read: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(config.DATABASE_URL);
  await db.ready;
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

const said = () => fake.texts.filter((t) => t.touser === PERSON).map((t) => t.text.content);

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'oa-secret');
  config = tempServiceConfig({ WECHAT_OA_APP_ID: APP_ID, WECHAT_OA_APP_SECRET: 'oa-secret', WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_AES_KEY: AES, WECHAT_OA_API_BASE: fake.url });
  service = await startTestService(config, { now });
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await fake?.close();
});

describe('Official Account: a restart between the callback and the reply', () => {
  it('the reply the stopped service could not send is sent once by the next one, and the conversation goes on', { timeout: 90_000 }, async () => {
    await post(eventXml(APP_ID, PERSON, 'subscribe', '', Math.floor(Date.now() / 1000)));
    const [greeting] = await waitUntil(async () => said(), (s) => s.length >= 1);
    expect(greeting?.length).toBeGreaterThan(0);

    // WeChat is down: the message is acknowledged, its answer cannot go, and the service stops.
    fake.outage(true);
    const asked = await post(textXml(APP_ID, PERSON, '失业登记', '8100000000000000001'));
    expect([asked.status, asked.text]).toEqual([200, 'success']);
    await waitUntil(async () => fake.refusals, (n) => n >= 1);
    await service.stop();
    expect(said()).toEqual([greeting]);
    const left = await inDatabase((db) => db.prisma.queuedMessage.findMany({ where: { channel: 'wechat-oa', recipient: PERSON, status: 'pending' }, select: { sealed: true, attempts: true } }));
    expect(left).toEqual([{ sealed: expect.any(String), attempts: 1 }]);
    expect(left[0]?.sealed).not.toContain('失业登记');

    // WeChat is back; a new service on the same database, once the reply's pause is over, sends it: once.
    fake.outage(false);
    skipped += 31_000;
    service = await startTestService(config, { now });
    const after = await waitUntil(async () => said(), (s) => s.length >= 2);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(said()).toEqual(after.slice(0, 2));
    const answer = after[1] ?? '';
    expect(answer).toMatch(/\n1\. /);
    expect(answer).toContain('请回复');

    // The conversation goes on: WeChat's retry of the old callback (same MsgId) changes nothing; the next message is answered.
    expect((await post(textXml(APP_ID, PERSON, '失业登记', '8100000000000000001'))).text).toBe('success');
    await post(textXml(APP_ID, PERSON, '帮助', '8100000000000000002'));
    const all = await waitUntil(async () => said(), (s) => s.length >= 3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(said()).toEqual(all.slice(0, 3));
    expect(all.slice(0, 2)).toEqual([greeting, answer]);
    expect(all[2]?.length).toBeGreaterThan(0);

    await service.stop();
    const rows = await inDatabase((db) => db.prisma.queuedMessage.findMany({ where: { channel: 'wechat-oa', recipient: PERSON }, orderBy: { seq: 'asc' }, select: { status: true, sealed: true } }));
    expect(rows).toEqual([{ status: 'sent', sealed: null }, { status: 'sent', sealed: null }, { status: 'sent', sealed: null }]);
    const steps = await inDatabase((db) => db.prisma.auditEvent.findMany({ where: { subjectId: PERSON, action: { startsWith: 'wechat_oa.reply_' } }, orderBy: { at: 'asc' }, select: { action: true } }));
    expect(steps.map((s) => s.action)).toEqual(['wechat_oa.reply_flushed', 'wechat_oa.reply_deferred', 'wechat_oa.reply_queued', 'wechat_oa.reply_flushed', 'wechat_oa.reply_flushed']);
  });
});
