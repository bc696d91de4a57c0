// The customer-service window of the Official Account with an injected clock, on a temp SQLite database and a
// fake api: a message opens 5 sends in 48 hours, the sixth and any send after the window closes go as the
// configured 订阅通知 to a follower who accepted it (the choice recorded from its event), and otherwise are
// refused as outside the window; a 45015 from WeChat also falls back to the notice; a 45009 is retried.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWechatOaChannel } from '../../../src/channels/wechat-oa/create-wechat-oa-channel.ts';
import { createChannelInboxRepository } from '../../../src/persistence/channel-inbox-repository.ts';
import { createDeliveryReceiptRepository } from '../../../src/persistence/delivery-receipt-repository.ts';
import { createAuditRepository } from '../../../src/persistence/audit-repository.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../../src/persistence/queued-message-repository.ts';
import { createWechatOaFollowerRepository } from '../../../src/persistence/wechat-oa-follower-repository.ts';
import { callbackSigner, eventXml, textXml } from '../tencent/tencent-callback.ts';
import { startFakeOa, type FakeOa } from './fake-wechat-oa-api.ts';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { plainSignature } from '../../../src/channels/tencent/callback-crypto.ts';

const APP_ID = 'wxfedcba0987654321';
const TOKEN = 'winToken1';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const TEMPLATE = 'tmpl-follow-up';
const T0 = new Date('2026-06-01T02:00:00Z');
let clock = T0;
let fake: FakeOa;
let db: Database;
let server: Server;
let callback = '';
let channel: ReturnType<typeof createWechatOaChannel>;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });

async function post(xml: string) {
  const timestamp = '1780000000';
  const nonce = '42';
  await signer.post(callback, xml, { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes' } });
  await channel.runner.idle();
}

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'secret-w');
  const url = `file:${join(mkdtempSync(join(tmpdir(), 'jyb-oa-window-')), 'db.sqlite')}`;
  await applyMigrations(url);
  db = openDatabase(url);
  await db.ready;
  channel = createWechatOaChannel({
    settings: { appId: APP_ID, appSecret: 'secret-w', token: TOKEN, aesKey: AES, apiBase: fake.url, subscribeTemplateId: TEMPLATE, subscribeField: 'thing1', publicUrl: null, jssdkUrl: 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js' },
    inbox: createChannelInboxRepository(db.prisma, createPiiCipher(Buffer.alloc(32, 3))),
    followers: createWechatOaFollowerRepository(db.prisma),
    queue: createQueuedMessageRepository(db.prisma, createPiiCipher(Buffer.alloc(32, 3))),
    audit: createAuditRepository(db.prisma),
    receipts: createDeliveryReceiptRepository(db.prisma),
    logic: async (ctx) => void (await ctx.sendActivity({ type: 'message', text: `收到：${ctx.activity.text ?? ''}` })),
    textOnly: '请输入文字',
    apologyText: '抱歉',
    logger: quiet,
    backoffMs: [50, 50, 50],
    now: () => clock,
  });
  const app = express().use('/cb', channel.router);
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  callback = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb/callback`;
}, 60_000);

afterAll(async () => {
  server?.close();
  await db?.close();
  await fake?.close();
});

describe('Official Account reply window', () => {
  it('sends 5 customer-service messages after a message, refuses the sixth while the person has not subscribed', async () => {
    await post(textXml(APP_ID, 'o-a', '你好', '9100000000000000001'));
    expect(fake.texts.map((t) => t.text.content)).toEqual(['收到：你好']);
    for (let i = 0; i < 4; i++) expect(await channel.outbound.send('o-a', { text: `通知${i}` })).toMatchObject({ ok: true });
    expect(fake.texts).toHaveLength(5);
    expect(await channel.outbound.send('o-a', { text: '第六条' })).toEqual({ ok: false, retryable: false, code: 'outside_window' });
    expect(fake.texts).toHaveLength(5);
  });

  it('records the subscription choice and sends the 订阅通知 once the window is spent or closed', async () => {
    await post(eventXml(APP_ID, 'o-a', 'subscribe_msg_popup_event', '', 1780000001, `<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[${TEMPLATE}]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent>`));
    const recorded = await db.prisma.auditEvent.findFirst({ where: { action: 'wechat_oa.subscription', subjectId: 'o-a' } });
    expect(JSON.parse(recorded?.details ?? '{}')).toEqual({ templateId: TEMPLATE, accepted: true });
    expect(await channel.outbound.send('o-a', { text: '您的失业登记已审核通过，请按时参加每月回访。' })).toMatchObject({ ok: true });
    expect(fake.notices).toEqual([{ touser: 'o-a', template_id: TEMPLATE, data: { thing1: { value: '您的失业登记已审核通过，请按时参加每月回访。'.slice(0, 20) } } }]);

    clock = new Date(T0.getTime() + 49 * 3_600_000);
    expect(await channel.outbound.send('o-a', { text: '回访提醒' })).toMatchObject({ ok: true });
    expect(fake.notices).toHaveLength(2);
    expect(fake.texts).toHaveLength(5);
  });

  it('reopens the window with the next message; a 45015 falls back to the notice, a 45009 is retried', async () => {
    await post(textXml(APP_ID, 'o-a', '我回来了', '9100000000000000002'));
    expect(fake.texts.at(-1)?.text.content).toBe('收到：我回来了');
    fake.failNext(45009);
    expect(await channel.outbound.send('o-a', { text: '限流后重试' })).toMatchObject({ ok: true });
    expect(fake.texts.at(-1)?.text.content).toBe('限流后重试');
    fake.failNext(45015);
    const notices = fake.notices.length;
    expect(await channel.outbound.send('o-a', { text: '窗口已过' })).toMatchObject({ ok: true });
    expect(fake.notices).toHaveLength(notices + 1);
    const errors = await db.prisma.auditEvent.findMany({ where: { action: 'channel.api_error' } });
    expect(errors.map((e) => JSON.parse(e.details).errcode)).toEqual(expect.arrayContaining([45009, 45015]));
  });

  it('refuses everything once the person unfollows', async () => {
    await post(eventXml(APP_ID, 'o-a', 'unsubscribe', '', 1780000002));
    expect(await channel.outbound.send('o-a', { text: '还在吗' })).toEqual({ ok: false, retryable: false, code: 'unfollowed' });
  });
});
