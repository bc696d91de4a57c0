// Receipts the channels send after they accepted an outreach message, through their real callback routes: an SMS
// status report (Tencent Cloud, Alibaba Cloud) and the Official Account's 订阅通知 sent event. A failed receipt
// reopens the task, takes back its quota count, and the retry passes that channel over; a delivered one is noted
// and changes nothing else; a repeated receipt changes nothing; a receipt nobody's task carries is only recorded.
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsChannel } from '../../src/channels/sms/sms-channel.ts';
import type { SmsDriver } from '../../src/channels/sms/sms-driver.ts';
import { smsNoticeTemplatesEnv } from '../../src/channels/sms/sms-notice-templates.ts';
import { createSmsUplinkRouter, type SmsUplinkRouterDeps } from '../../src/channels/sms/sms-uplink-router.ts';
import { plainSignature } from '../../src/channels/tencent/callback-crypto.ts';
import { createWechatOaChannel } from '../../src/channels/wechat-oa/create-wechat-oa-channel.ts';
import { createChannelInboxRepository } from '../../src/persistence/channel-inbox-repository.ts';
import { createDeliveryReceiptRepository } from '../../src/persistence/delivery-receipt-repository.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../src/persistence/queued-message-repository.ts';
import { createWechatOaFollowerRepository } from '../../src/persistence/wechat-oa-follower-repository.ts';
import { callbackSigner, eventXml } from '../channels/tencent/tencent-callback.ts';
import { startFakeOa, type FakeOa } from '../channels/wechat-oa/fake-wechat-oa-api.ts';
import { beijingAt, loopChannel, openWorld, tickOf, type World } from '../scheduler/outreach-world.ts';

const REGISTERED = beijingAt('2026-03-02', '08:00');
const NOW = beijingAt('2026-03-03', '10:00');
let world: World | undefined;
let server: Server | undefined;
let fake: FakeOa | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
  await fake?.close();
  fake = undefined;
  await world?.close();
  world = undefined;
});

async function listen(app: express.Express): Promise<string> {
  const s = (server = app.listen(0, '127.0.0.1'));
  await new Promise((r) => s.once('listening', r));
  const address = s.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
}

/** One registered person with a web chat address (`loop` here) and a phone on file. */
async function onePerson(): Promise<World> {
  const w = (world = await openWorld());
  const db = w.database.prisma;
  await db.jobSeeker.create({ data: { id: 'p1', regionCode: '440802', consentAt: REGISTERED, phoneEnc: 'sealed' } });
  await db.registration.create({ data: { id: 'r1', jobSeekerId: 'p1', regionCode: '440802', status: 'registered', registeredAt: REGISTERED, reason: 'lost_job' } });
  await db.channelAddress.create({ data: { id: 'a1', channel: 'loop', userKey: 'u1', conversationId: 'loop:p1', reference: '{}', jobSeekerId: 'p1' } });
  return w;
}

function smsDriver(): SmsDriver & { sent: string[] } {
  const sent: string[] = [];
  return {
    provider: 'test', sent,
    sendCode: async () => ({ ok: false, retryable: false, code: 'unused' }),
    async sendTemplate(phone) {
      sent.push(phone);
      return { ok: true, providerMessageId: `sid-${sent.length}` };
    },
  };
}

function smsChannel(driver: SmsDriver) {
  const links = { store: { issue: async () => ({ token: 'AbCdEfGhIjKlMnOpQrStUv', linkId: 'l' }), use: async () => ({ ok: false as const, reason: 'unknown' as const }), peek: async () => ({ ok: false as const, reason: 'unknown' as const }) }, baseUrl: 'https://jiuye.example.gov.cn', days: 7 };
  return createSmsChannel(driver, { notices: smsNoticeTemplatesEnv.parse('{"first_contact":{"id":"1111111","params":["topic","link"]}}'), links, phoneBook: { phoneOf: async () => '13800000001' } });
}

/** The SMS callback routes with the receipt store; the inbound-SMS half is not used by status reports. */
async function smsRoutes(w: World): Promise<string> {
  const unused = {} as Omit<SmsUplinkRouterDeps, 'secret' | 'receipts' | 'logger' | 'clock'>;
  const router = createSmsUplinkRouter({ ...unused, secret: 's3cret-path', receipts: createDeliveryReceiptRepository(w.database.prisma), logger: { warn: () => {}, error: () => {} }, clock: () => NOW });
  return `${await listen(express().use('/channels/sms', router))}/channels/sms/s3cret-path`;
}

const postJson = async (url: string, body: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};
const task = (w: World) => w.database.prisma.outreachTask.findFirstOrThrow({ where: { jobSeekerId: 'p1', kind: 'first_contact' } });
const ledger = (w: World) => w.database.prisma.contactRecord.count({ where: { jobSeekerId: 'p1' } });

describe('SMS status reports', () => {
  it('a failed report reopens the first contact, takes back its count, and the retry passes SMS over', async () => {
    const w = await onePerson();
    const web = loopChannel(() => NOW);
    web.fail = () => ({ ok: false, retryable: false, code: 'gone' });
    const driver = smsDriver();
    expect(await tickOf(w, [web, smsChannel(driver)])(NOW)).toMatchObject({ sent: 1 });
    expect(await task(w)).toMatchObject({ status: 'sent', channel: 'sms', receipt: 'sid-1' });
    expect(await ledger(w)).toBe(1);

    const url = await smsRoutes(w);
    const report = [{ sid: 'sid-1', report_status: 'FAIL', errmsg: 'UNDELIV', description: '用户短信接收失败', user_receive_time: '2026-03-03 10:00:05', mobile: '13800000001', nationcode: '86' }];
    expect(await postJson(`${url}/tencent/report`, report)).toEqual({ status: 200, json: { result: 0, errmsg: 'OK' } });
    expect(await task(w)).toMatchObject({ status: 'pending', receiptStatus: 'failed', lastError: 'sms:receipt_failed:UNDELIV', avoidChannels: '["sms"]' });
    expect(await ledger(w)).toBe(0);
    // Tencent pushes again when unsure: nothing changes the second time.
    expect((await postJson(`${url}/tencent/report`, report)).status).toBe(200);
    expect(await w.database.prisma.auditEvent.count({ where: { action: 'outreach.receipt_failed' } })).toBe(1);

    // Web chat is busy for a while: SMS is not tried again for this message.
    web.fail = () => ({ ok: false, retryable: true, code: 'busy' });
    const later = beijingAt('2026-03-03', '10:05');
    expect(await tickOf(w, [web, smsChannel(driver)])(later)).toMatchObject({ sent: 0, failed: 1 });
    expect(driver.sent).toHaveLength(1);
    expect((await task(w)).lastError).toBe('loop:busy,sms:receipt_failed');

    web.fail = undefined;
    expect(await tickOf(w, [web, smsChannel(driver)])(beijingAt('2026-03-03', '13:00'))).toMatchObject({ sent: 1 });
    expect(await task(w)).toMatchObject({ status: 'sent', channel: 'loop', receiptStatus: null });
    expect(web.sent).toHaveLength(1);
    expect(await ledger(w)).toBe(1);
  });

  it('a delivered report (Alibaba Cloud) is noted and the count stays', async () => {
    const w = await onePerson();
    const web = loopChannel(() => NOW);
    web.fail = () => ({ ok: false, retryable: false, code: 'gone' });
    await tickOf(w, [web, smsChannel(smsDriver())])(NOW);
    const url = await smsRoutes(w);
    const report = [{ phone_number: '13800000001', send_time: '2026-03-03 10:00:00', report_time: '2026-03-03 10:00:04', success: true, err_code: 'DELIVERED', err_msg: '用户接收成功', sms_size: '1', biz_id: 'sid-1', out_id: '' }];
    expect(await postJson(`${url}/aliyun/report`, report)).toEqual({ status: 200, json: { code: 0, msg: '接收成功' } });
    expect(await task(w)).toMatchObject({ status: 'sent', channel: 'sms', receiptStatus: 'delivered' });
    expect(await ledger(w)).toBe(1);
  });

  it('refuses what is not a report, hides the route from a wrong secret, and only records an unknown id', async () => {
    const w = await onePerson();
    const url = await smsRoutes(w);
    expect(await postJson(`${url}/tencent/report`, { sid: 1 })).toEqual({ status: 400, json: { result: 1, errmsg: 'bad request' } });
    expect(await postJson(`${url}/aliyun/report`, [{ biz_id: 'x', success: 'maybe' }])).toEqual({ status: 400, json: { code: 1, msg: 'bad request' } });
    expect((await postJson(`${url.replace('s3cret-path', 'guess')}/tencent/report`, [])).status).toBe(404);
    expect((await postJson(`${url}/toString/report`, [])).status).toBe(404);
    const unknown = [{ sid: 'nobody', report_status: 'SUCCESS', errmsg: 'DELIVRD' }];
    expect((await postJson(`${url}/tencent/report`, unknown)).status).toBe(200);
    const recorded = await w.database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'delivery.receipt' } });
    expect(recorded).toMatchObject({ subjectType: 'channel_message', subjectId: 'sms:nobody' });
  });
});

describe('订阅通知 sent events', () => {
  it('a follower refusing the notice reopens the task, withdraws the subscription, and web chat carries it', async () => {
    const APP_ID = 'wx0123456789abcdef';
    const TOKEN = 'rcptToken';
    const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
    const OPEN_ID = 'oReceipt000000000000000001';
    const w = await onePerson();
    const db = w.database.prisma;
    fake = await startFakeOa(APP_ID, 'secret-r');
    await db.jobSeeker.update({ where: { id: 'p1' }, data: { preferredChannel: 'wechat-oa', phoneEnc: null } });
    await db.channelAddress.create({ data: { id: 'oa1', channel: 'wechat-oa', userKey: OPEN_ID, conversationId: `wechat-oa:${OPEN_ID}`, reference: '{}', jobSeekerId: 'p1' } });
    const followers = createWechatOaFollowerRepository(db);
    await followers.openWindow(OPEN_ID, 'message', beijingAt('2026-02-20', '08:00'));
    await followers.setFollowing(OPEN_ID, true);
    await followers.setSubscription(OPEN_ID, 'tmpl-1', true);
    const oa = createWechatOaChannel({
      settings: { appId: APP_ID, appSecret: 'secret-r', token: TOKEN, aesKey: AES, apiBase: fake.url, subscribeTemplateId: 'tmpl-1', subscribeField: 'thing1', publicUrl: null, jssdkUrl: 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js' },
      inbox: createChannelInboxRepository(db, createPiiCipher(Buffer.alloc(32, 5))), followers, audit: w.repos.audit, receipts: createDeliveryReceiptRepository(db),
      queue: createQueuedMessageRepository(db, createPiiCipher(Buffer.alloc(32, 5))),
      logic: async () => undefined, textOnly: '请输入文字', apologyText: '抱歉', logger: { info: () => {}, warn: () => {}, error: () => {} }, now: () => NOW,
    });
    const web = loopChannel(() => NOW);
    expect(await tickOf(w, [oa.outbound, web])(NOW)).toMatchObject({ sent: 1 });
    expect(fake.notices).toHaveLength(1);
    expect(await task(w)).toMatchObject({ channel: 'wechat-oa', receipt: '1', chosenBecause: 'preferred:subscribed' });

    const callback = `${await listen(express().use('/oa', oa.router))}/oa/callback`;
    const sent = '<SubscribeMsgSentEvent><List><TemplateId><![CDATA[tmpl-1]]></TemplateId><MsgID>1</MsgID><ErrorCode>43101</ErrorCode><ErrorStatus><![CDATA[failed:user refuse to accept the msg]]></ErrorStatus></List></SubscribeMsgSentEvent>';
    const timestamp = '1772503300';
    const nonce = '7';
    const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });
    const posted = await signer.post(callback, eventXml('gh_test', OPEN_ID, 'subscribe_msg_sent_event', '', 1772503300, sent), { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes' } });
    expect(posted.status).toBe(200);
    await oa.runner.idle();

    expect(await task(w)).toMatchObject({ status: 'pending', receiptStatus: 'failed', avoidChannels: '["wechat-oa"]' });
    expect(await ledger(w)).toBe(0);
    expect((await followers.get(OPEN_ID))?.subscriptions).not.toContain('tmpl-1');

    expect(await tickOf(w, [oa.outbound, web])(beijingAt('2026-03-03', '10:10'))).toMatchObject({ sent: 1 });
    expect(fake.notices).toHaveLength(1);
    expect(web.sent).toHaveLength(1);
    expect(web.sent[0]?.text).toContain('您的失业登记已收到');
    expect(await task(w)).toMatchObject({ status: 'sent', channel: 'loop' });
    expect(await ledger(w)).toBe(1);
  });
});
