// The Official Account's 订阅通知 invitation end to end, on the running service against a fake
// api.weixin.qq.com: a registration over the OA ends with a link to this host's subscribe page; in real
// Chromium at 360 px the page says to open it in WeChat, and inside WeChat (its user agent, a stand-in JS-SDK)
// calls wx.config with the server's jsapi_ticket signature and shows the official button and the choice made.
// A bad or expired link gets a clear page, a ticket WeChat refuses a "later" page, floods a 429.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { plainSignature } from '../../../src/channels/tencent/callback-crypto.ts';
import type { RunningService } from '../../../src/main.ts';
import { chromiumSkipReason, launchChromium } from '../../support/chromium.ts';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { connect } from '../../support/directline-client.ts';
import { registerOverWebchat } from '../../support/register-over-webchat.ts';
import { callbackSigner, textXml } from '../tencent/tencent-callback.ts';
import { JSAPI_TICKET, startFakeOa, type FakeOa } from './fake-wechat-oa-api.ts';

const APP_ID = 'wx00112233445566aa';
const TOKEN = 'oaToken456';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const TEMPLATE = 'tmpl-followup-AbC_123';
const PUBLIC = 'https://jyb.example.gov.cn';
const SDK = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
const OPEN_ID = 'oPerson_subscribe_0000000001';
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const WECHAT_UA = 'Mozilla/5.0 (Linux; Android 12; V2055A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) NetType/WIFI Language/zh_CN';
/** A stand-in for jweixin: records wx.config, becomes ready at once. */
const FAKE_SDK = 'window.wx={config:function(c){window.__wxConfig=c},ready:function(f){setTimeout(f,0)},error:function(){}};';

const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });
let fake: FakeOa;
let service: RunningService;
let browser: Browser | undefined;
let msgId = 8_100_000_000_000_000_000n;
let link = '';

/** The person says `text` on the OA; resolves to the customer-service text(s) the bot answers with. */
async function say(text: string): Promise<string> {
  const before = fake.texts.length;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(msgId % 100000n);
  const xml = textXml(APP_ID, OPEN_ID, text, String(msgId++));
  const posted = await signer.post(`${service.url}/channels/wechat-oa/callback`, xml, { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes' } });
  expect(posted.status).toBe(200);
  await fake.waitFor(() => fake.texts.length, before + 1);
  await new Promise((r) => setTimeout(r, 250));
  return fake.texts.slice(before).map((t) => t.text.content).join('\n');
}

const local = (url: string) => url.replace(PUBLIC, service.url);

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'oa-secret');
  service = await startTestService(tempServiceConfig({
    WECHAT_OA_APP_ID: APP_ID, WECHAT_OA_APP_SECRET: 'oa-secret', WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_AES_KEY: AES, WECHAT_OA_API_BASE: fake.url,
    WECHAT_OA_SUBSCRIBE_TEMPLATE_ID: TEMPLATE, WECHAT_OA_PUBLIC_URL: PUBLIC, LIMIT_PAGES_PER_IP: '25',
  }));
  if (!chromiumSkipReason) browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await fake?.close();
});

describe('the Official Account 订阅通知 invitation and page', () => {
  it('ends a registration on the Official Account with a link to the subscribe page', async () => {
    for (const answer of ['失业登记', '同意', '王五', '440802199005150139', '湛江市赤坎区', '与户籍地相同', '138 1234 5678', '二〇二五年三月一日']) await say(answer);
    for (const answer of ['离职/被辞退', '高中/中专', '电工证', '仓管', '是', '否', '可以每月联系', '材料齐全']) await say(answer);
    const done = await say('确认提交');
    expect(done).toContain('已提交');
    expect(done).toContain('订阅通知');
    link = /https:\/\/jyb\.example\.gov\.cn\/channels\/wechat-oa\/subscribe\?t=\S+/.exec(done)?.[0] ?? '';
    expect(link).not.toBe('');
    // The invitation comes before the menu, and the OA's numbered lines still follow it.
    expect(done.indexOf('订阅通知')).toBeLessThan(done.lastIndexOf('1. '));
  }, 90_000);

  it('does not invite a person who registers over web chat (the invitation is the Official Account\'s)', async () => {
    const user = await connect(service.url);
    const done = await registerOverWebchat(user, { name: '赵六', idNumber: '44080219850302013X', phone: '139 8765 4321' });
    user.end();
    expect(done.texts.join('\n')).toContain('已提交');
    expect(done.texts.join('\n')).not.toContain('订阅通知');
  }, 90_000);

  it('signs wx.config for the page address WeChat opens with the account jsapi_ticket, fetched once', async () => {
    const first = await fetch(local(link));
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain(`<wx-open-subscribe template="${TEMPLATE}"`);
    const config = JSON.parse(/<script type="application\/json" id="wx-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
    const expected = createHash('sha1').update(`jsapi_ticket=${JSAPI_TICKET}&noncestr=${config.nonceStr}&timestamp=${config.timestamp}&url=${link}`).digest('hex');
    expect(config).toMatchObject({ appId: APP_ID, template: TEMPLATE, sdk: SDK, signature: expected });
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self' https://res.wx.qq.com");
    await fetch(local(link));
    expect(fake.ticketRequests).toBe(1);
  });

  it.skipIf(chromiumSkipReason !== undefined)('tells a phone browser outside WeChat, in Chinese, to open the page in WeChat', async () => {
    const context = await browser!.newContext(PHONE);
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(service.url)) external.push(r.url()); });
    await page.goto(local(link));
    await expect.poll(() => page.locator('#status').textContent()).toContain('请在微信里打开此页面');
    expect(await page.locator('#subscribe').isVisible()).toBe(false);
    expect(await page.locator('h1').textContent()).toBe('订阅就业帮通知');
    expect(external).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it.skipIf(chromiumSkipReason !== undefined)('inside WeChat loads the JS-SDK, configures the open tag and shows the choice', async () => {
    const context = await browser!.newContext({ ...PHONE, userAgent: WECHAT_UA });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.route(SDK, (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: FAKE_SDK }));
    await page.goto(local(link));
    await page.locator('#subscribe').waitFor({ state: 'visible' });
    const config = await page.evaluate(() => (window as unknown as { __wxConfig: Record<string, unknown> }).__wxConfig);
    const expected = createHash('sha1').update(`jsapi_ticket=${JSAPI_TICKET}&noncestr=${String(config.nonceStr)}&timestamp=${String(config.timestamp)}&url=${link}`).digest('hex');
    expect(config).toMatchObject({ appId: APP_ID, signature: expected, openTagList: ['wx-open-subscribe'] });
    expect(await page.locator('wx-open-subscribe').getAttribute('template')).toBe(TEMPLATE);
    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: '.tmp/wechat-oa-subscribe-360.png', fullPage: true });

    // What WeChat dispatches on the open tag after the person taps 允许 in its pop-up.
    await page.evaluate((template) => {
      const detail = { errMsg: 'subscribe:ok', subscribeDetails: JSON.stringify({ [template]: JSON.stringify({ status: 'accept' }) }) };
      document.getElementById('subscribe-button')?.dispatchEvent(new CustomEvent('success', { detail }));
    }, TEMPLATE);
    await expect.poll(() => page.locator('#status').textContent()).toBe('已订阅。之后的提醒会通过公众号发给您。');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('answers a bad, forged or expired link with a plain Chinese page, never a 500', async () => {
    const token = new URL(link).searchParams.get('t') ?? '';
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const [query, status] of [['', 400], ['?t=junk', 400], [`?t=${'x'.repeat(5000)}`, 400], [`?t=${forged}`, 400], ['?t=a&t=b', 400]] as const) {
      const res = await fetch(`${service.url}/channels/wechat-oa/subscribe${query}`);
      expect(res.status).toBe(status);
      const html = await res.text();
      expect(html).toContain('此链接无效');
      expect(html).not.toContain('wx-open-subscribe');
    }
    expect(token.split('.')[0]).toBe(OPEN_ID);
  });

  it('refuses a flood of page opens from one address with 429 and Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${service.url}/channels/wechat-oa/subscribe?t=junk`)));
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused[0]?.text()).toContain('请求太频繁了');
  });
});
