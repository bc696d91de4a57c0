// The Official Account on the running service against a fake api.weixin.qq.com: URL verification, safe-mode
// callbacks answered `success` at once, the engine's replies sent as customer-service text with numbered
// lines instead of buttons, retries never answered twice, a stale token refreshed once (force_refresh),
// pictures and unknown message types answered "please type", a menu click answered as if its key were typed,
// malformed and oversized callbacks refused (4xx) with nothing run, unfollow marks the follower unreachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainSignature } from '../../../src/channels/tencent/callback-crypto.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import type { RunningService } from '../../../src/main.ts';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { callApi, listCases, loginAs, waitUntil } from '../../support/console-api.ts';
import { callbackSigner, eventXml, textXml } from '../tencent/tencent-callback.ts';
import { startFakeOa, type FakeOa } from './fake-wechat-oa-api.ts';

const APP_ID = 'wx1234567890abcdef';
const TOKEN = 'oaToken123';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });
let fake: FakeOa;
let service: RunningService;
let db: Database;
let callback = '';
let clock = 1_800_000_000;

/** The safe-mode query: the plain signature over token/timestamp/nonce is checked too; `body` replaces the envelope. */
async function post(xml: string, body?: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = '12345';
  return signer.post(callback, xml, { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes', openid: 'o-person-1' }, ...(body === undefined ? {} : { body }) });
}

/** What the person was sent, once nothing more has come for a moment. */
async function answersTo(openId: string, atLeast: number): Promise<string[]> {
  const to = () => fake.texts.filter((t) => t.touser === openId).map((t) => t.text.content);
  await fake.waitFor(() => to().length, atLeast);
  await new Promise((r) => setTimeout(r, 800));
  return to();
}

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'oa-secret');
  const config = tempServiceConfig({ WECHAT_OA_APP_ID: APP_ID, WECHAT_OA_APP_SECRET: 'oa-secret', WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_AES_KEY: AES, WECHAT_OA_API_BASE: fake.url });
  service = await startTestService(config);
  callback = `${service.url}/channels/wechat-oa/callback`;
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
  await fake?.close();
});

describe('WeChat Official Account', () => {
  it('answers URL verification with echostr when signed by the token, 401 otherwise', async () => {
    const q = new URLSearchParams({ signature: plainSignature(TOKEN, '1409659589', '263014780'), timestamp: '1409659589', nonce: '263014780', echostr: '5837397520665436492' });
    const ok = await fetch(`${callback}?${q}`);
    expect([ok.status, await ok.text()]).toEqual([200, '5837397520665436492']);
    q.set('nonce', '263014781');
    expect((await fetch(`${callback}?${q}`)).status).toBe(401);
  });

  it('greets a new follower, then answers text with numbered lines (no buttons), once despite retries', async () => {
    const follow = await post(eventXml(APP_ID, 'o-person-1', 'subscribe', '', clock++));
    expect([follow.status, follow.text]).toEqual([200, 'success']);
    await fake.waitFor(() => fake.texts.length, 1);
    expect(fake.texts[0]?.touser).toBe('o-person-1');

    const before = fake.texts.length;
    const asked = await post(textXml(APP_ID, 'o-person-1', '失业登记', '8000000000000000001'));
    expect([asked.status, asked.text]).toEqual([200, 'success']);
    for (let i = 0; i < 3; i++) expect((await asked.request()).text).toBe('success');
    await fake.waitFor(() => fake.texts.length, before + 1);
    await new Promise((r) => setTimeout(r, 800));
    const answer = fake.texts.slice(before);
    expect(answer).toHaveLength(1);
    expect(answer[0]?.text.content).toMatch(/\n1\. /);
    expect(answer[0]?.text.content).toContain('请回复');
  });

  it('refuses forged signatures and plain-mode posts without running anything', async () => {
    const before = fake.texts.length;
    expect((await signer.post(callback, textXml(APP_ID, 'o-person-1', '你好', '8000000000000000002'), { forge: true, extraQuery: { signature: '0'.repeat(40), timestamp: '1', nonce: '1', encrypt_type: 'aes' } })).status).toBe(401);
    const plainMode = await fetch(`${callback}?signature=${plainSignature(TOKEN, '1', '1')}&timestamp=1&nonce=1`, { method: 'POST', body: textXml(APP_ID, 'o-person-1', '你好', '8000000000000000003') });
    expect(plainMode.status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.texts).toHaveLength(before);
  });

  it('fetches a stable token again (force_refresh) once when WeChat says it is invalid', async () => {
    const before = fake.texts.length;
    fake.expireTokens();
    await post(textXml(APP_ID, 'o-person-1', '帮助', '8000000000000000004'));
    await fake.waitFor(() => fake.texts.length, before + 1);
    expect(fake.tokenRequests.at(-1)).toEqual({ force_refresh: true });
    const errors = await db.prisma.auditEvent.findMany({ where: { action: 'channel.api_error', subjectId: 'wechat-oa' } });
    expect(errors.map((e) => JSON.parse(e.details).errcode)).toContain(40001);
  });

  it('asks for text when sent a picture', async () => {
    const before = fake.texts.length;
    await post(`<xml><ToUserName>${APP_ID}</ToUserName><FromUserName>o-person-1</FromUserName><CreateTime>${clock++}</CreateTime><MsgType>image</MsgType><PicUrl>http://x/y.jpg</PicUrl><MsgId>8000000000000000005</MsgId></xml>`);
    await fake.waitFor(() => fake.texts.length, before + 1);
    expect(fake.texts.at(-1)?.text.content).toContain('只能看懂文字');
  });

  it('answers a menu click (CLICK with its EventKey) exactly as if the person had typed the key', async () => {
    await post(eventXml(APP_ID, 'o-menu-clicker', 'CLICK', '失业登记', clock++));
    await post(textXml(APP_ID, 'o-menu-typist', '失业登记', '8000000000000000010'));
    const clicked = await answersTo('o-menu-clicker', 1);
    expect(clicked.join('\n')).toMatch(/\n1\. /);
    expect(clicked).toEqual(await answersTo('o-menu-typist', 1));
  });

  it('asks for text when sent a message type it does not know', async () => {
    const answer = await post(`<xml><ToUserName>${APP_ID}</ToUserName><FromUserName>o-person-5</FromUserName><CreateTime>${clock++}</CreateTime><MsgType>hologram</MsgType><MsgId>8000000000000000011</MsgId></xml>`);
    expect([answer.status, answer.text]).toEqual([200, 'success']);
    expect(await answersTo('o-person-5', 1)).toEqual(['抱歉，我现在只能看懂文字。请直接输入文字，例如“失业登记”或“转人工”。']);
  });

  it('refuses malformed and oversized callbacks (4xx) without running anything, and keeps answering', async () => {
    const before = fake.texts.length;
    expect((await post('', '<xml><Encrypt>')).status).toBe(400);
    expect((await post('', 'x'.repeat(200_000))).status).toBe(413);
    expect((await post('this is not xml')).status).toBe(400);
    expect((await post(`<xml><ToUserName>${APP_ID}</ToUserName><MsgType>text</MsgType><Content>你好</Content></xml>`)).status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.texts).toHaveLength(before);
    await post(textXml(APP_ID, 'o-person-6', '帮助', '8000000000000000012'));
    expect((await answersTo('o-person-6', 1)).join('')).toMatch(/[\u4e00-\u9fff]/);
  });

  it("carries a caseworker's claim and reply from the console to the person on the Official Account", async () => {
    await post(textXml(APP_ID, 'o-person-1', '转人工', '8000000000000000006'));
    const token = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    const cases = await waitUntil(() => listCases(service.url, token, 'new'), (c) => c.length > 0);
    expect(cases[0]?.person.channel).toBe('wechat-oa');
    const id = cases[0]?.id ?? '';
    expect((await callApi(service.url, token, 'POST', `/cases/${id}/claim`, {})).status).toBe(200);
    const replied = await callApi(service.url, token, 'POST', `/cases/${id}/reply`, { text: '您好，我是工作人员，请问需要什么帮助？' });
    expect(replied.status).toBe(200);
    expect(fake.texts.map((t) => t.text.content)).toEqual(expect.arrayContaining([expect.stringContaining('已接入'), '您好，我是工作人员，请问需要什么帮助？']));
  });

  it('marks an unfollower unreachable: audited, and the outbound channel refuses to send', async () => {
    await post(eventXml(APP_ID, 'o-person-1', 'unsubscribe', '', clock++));
    const [oa] = service.outboundChannels;
    expect(oa?.channel).toBe('wechat-oa');
    let outcome = await oa?.send('o-person-1', { text: '月度回访' });
    for (let i = 0; i < 40 && outcome?.ok !== false; i++) {
      await new Promise((r) => setTimeout(r, 100));
      outcome = await oa?.send('o-person-1', { text: '月度回访' });
    }
    expect(outcome).toEqual({ ok: false, retryable: false, code: 'unfollowed' });
    expect(await db.prisma.auditEvent.count({ where: { action: 'channel.unreachable', subjectId: 'o-person-1' } })).toBe(1);
  });
});
