// 微信客服 on the running service against a fake qyapi: a kf event on the WeCom callback starts kf/sync_msg from
// the stored cursor; the customer's text runs the conversation engine and is answered through kf/send_msg. After
// a restart the next sync starts from the saved cursor (nothing read twice, nothing missed), and the customer's
// window allows 5 messages, the sixth refused as outside the window. A picture, voice or file is answered
// "please type". Kf events carry no FromUserName (as Tencent sends them): two in one second both sync, a retry not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config/app-config.ts';
import type { RunningService } from '../../../src/main.ts';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { startLoopback, type LoopbackServer } from '../sms/loopback-server.ts';
import { callbackSigner, kfEventXml } from '../tencent/tencent-callback.ts';

const CORP = 'ww1436e0e65a779aee';
const keys = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: CORP };
const signer = callbackSigner(keys);
const KF = 'wkKF0001';
const syncCursors: string[] = [];
const kfSent: { touser: string; open_kfid: string; text: { content: string } }[] = [];
const pages = new Map<string, { msg_list: unknown[]; next_cursor: string }>();
let fake: LoopbackServer;
let config: AppConfig;
let service: RunningService;
let createTime = 1_800_000_100;

const customerMessage = (msgid: string, customer: string, msgtype: string, body: Record<string, unknown>) => ({ msgid, open_kfid: KF, external_userid: customer, send_time: Math.floor(Date.now() / 1000), origin: 3, msgtype, ...body });
const customerText = (msgid: string, content: string) => ({ msgid, open_kfid: KF, external_userid: 'wmCustomer1', send_time: Math.floor(Date.now() / 1000), origin: 3, msgtype: 'text', text: { content } });

async function kfEvent(): Promise<void> {
  const answer = await signer.post(`${service.url}/channels/wecom/callback`, kfEventXml(CORP, KF, createTime++));
  expect(answer.status).toBe(200);
}

async function waitForKfSends(n: number): Promise<void> {
  const end = Date.now() + 10_000;
  while (kfSent.length < n) {
    if (Date.now() > end) throw new Error(`expected ${n} kf sends, got ${JSON.stringify(kfSent)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  fake = await startLoopback((request) => {
    const url = new URL(request.url, 'http://fake');
    const body = request.body ? JSON.parse(request.body) : {};
    if (url.pathname === '/cgi-bin/gettoken') return { status: 200, json: { errcode: 0, access_token: `tok-${url.searchParams.get('corpsecret')}`, expires_in: 7200 } };
    if (url.pathname === '/cgi-bin/kf/sync_msg') {
      if (url.searchParams.get('access_token') !== 'tok-kf-secret') return { status: 200, json: { errcode: 40001, errmsg: 'wrong secret' } };
      syncCursors.push(body.cursor);
      const page = pages.get(body.cursor) ?? { msg_list: [], next_cursor: body.cursor };
      return { status: 200, json: { errcode: 0, has_more: 0, ...page } };
    }
    if (url.pathname === '/cgi-bin/kf/send_msg') {
      kfSent.push(body);
      return { status: 200, json: { errcode: 0, msgid: `kf${kfSent.length}` } };
    }
    return { status: 200, json: { errcode: 0, msgid: 'app' } };
  });
  config = tempServiceConfig({ WECOM_CORP_ID: CORP, WECOM_TOKEN: keys.token, WECOM_AES_KEY: keys.aesKey, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_KF_SECRET: 'kf-secret', WECOM_API_BASE: fake.url });
  service = await startTestService(config);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await fake?.close();
});

describe('微信客服 (WeCom customer service)', () => {
  it('syncs from an empty cursor on the event and answers the customer through kf/send_msg', async () => {
    pages.set('', { msg_list: [customerText('m1', '你好'), { msgid: 'e1', open_kfid: KF, send_time: 1, origin: 4, msgtype: 'event' }], next_cursor: 'c1' });
    await kfEvent();
    await waitForKfSends(1);
    expect(syncCursors).toEqual(['']);
    expect(kfSent[0]).toMatchObject({ touser: 'wmCustomer1', open_kfid: KF });
    expect(kfSent[0]?.text.content.length).toBeGreaterThan(0);
  });

  it('continues from the saved cursor after a restart: the new message is answered, the old one not again', async () => {
    await service.stop();
    pages.set('c1', { msg_list: [customerText('m2', '失业登记')], next_cursor: 'c2' });
    service = await startTestService(config);
    const before = kfSent.length;
    await kfEvent();
    await waitForKfSends(before + 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(syncCursors).toEqual(['', 'c1']);
    expect(kfSent).toHaveLength(before + 1);
    expect(kfSent.at(-1)?.text.content).toMatch(/\n1\. /);
  });

  it('keeps to 5 messages in the window the last message opened; the sixth is refused, not sent', async () => {
    const kf = service.outboundChannels.find((c) => c.channel === 'wecom-kf');
    const address = `${KF}|wmCustomer1`;
    for (let i = 0; i < 4; i++) expect(await kf?.send(address, { text: `通知${i}` })).toMatchObject({ ok: true });
    const sent = kfSent.length;
    expect(await kf?.send(address, { text: '第六条' })).toEqual({ ok: false, retryable: false, code: 'outside_window' });
    expect(kfSent).toHaveLength(sent);
  });

  it('asks for text, politely and in Chinese, when the customer sends a picture, voice or a file', async () => {
    pages.set('c2', {
      msg_list: [
        customerMessage('m3', 'wmCustomer2', 'image', { image: { media_id: 'MEDIA_IMAGE' } }),
        customerMessage('m4', 'wmCustomer2', 'voice', { voice: { media_id: 'MEDIA_VOICE' } }),
        customerMessage('m5', 'wmCustomer2', 'file', { file: { media_id: 'MEDIA_FILE' } }),
      ],
      next_cursor: 'c3',
    });
    const before = kfSent.length;
    await kfEvent();
    await waitForKfSends(before + 3);
    await new Promise((r) => setTimeout(r, 300));
    const answers = kfSent.slice(before);
    expect(answers.map((a) => [a.touser, a.open_kfid])).toEqual(Array.from({ length: 3 }, () => ['wmCustomer2', KF]));
    for (const a of answers) expect(a.text.content).toBe('抱歉，我现在只能看懂文字。请直接输入文字，例如“失业登记”或“转人工”。');
  });

  it('syncs for each of two kf events in the same second (they differ only by Token), but not for a retry of one', async () => {
    const callback = `${service.url}/channels/wecom/callback`;
    const second = createTime++;
    const before = syncCursors.length;
    const first = await signer.post(callback, kfEventXml(CORP, KF, second, 'ENCAfirstEventToken'));
    expect([first.status, first.text]).toEqual([200, '']);
    const retry = await first.request();
    expect([retry.status, retry.text]).toEqual([200, '']);
    const other = await signer.post(callback, kfEventXml(CORP, KF, second, 'ENCAsecondEventToken'));
    expect([other.status, other.text]).toEqual([200, '']);
    const end = Date.now() + 10_000;
    while (syncCursors.length < before + 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    expect(syncCursors.slice(before)).toEqual(['c3', 'c3']);
  });
});
