// The subscribe page's two pieces of cryptography: the wx.config signature (WeChat's own example from the
// JS-SDK document, 附录1) and the signed link binding the page to one follower's openid until it expires;
// and the page's answers when the link has lapsed, WeChat gives no ticket, or no template is configured.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createSubscribePage } from '../../../src/channels/wechat-oa/subscribe-page.ts';
import { signJsapiConfig } from '../../../src/channels/wechat-oa/jsapi-signature.ts';
import { createSubscribeTokens, SUBSCRIBE_LINK_HOURS } from '../../../src/channels/wechat-oa/subscribe-token.ts';
import { JSAPI_TICKET } from './fake-wechat-oa-api.ts';

describe('wx.config signature', () => {
  it("matches WeChat's documented example (noncestr Wm3WZYTPz0wzccnW, timestamp 1414587457)", () => {
    const signed = signJsapiConfig({ ticket: JSAPI_TICKET, url: 'http://mp.weixin.qq.com?params=value', now: new Date(1414587457 * 1000), nonceStr: 'Wm3WZYTPz0wzccnW' });
    expect(signed).toEqual({ timestamp: 1414587457, nonceStr: 'Wm3WZYTPz0wzccnW', signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed' });
  });

  it('signs the URL without its #fragment, and draws a fresh nonce each time', () => {
    const now = new Date(1414587457 * 1000);
    const withHash = signJsapiConfig({ ticket: JSAPI_TICKET, url: 'http://mp.weixin.qq.com?params=value#top', now, nonceStr: 'Wm3WZYTPz0wzccnW' });
    expect(withHash.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    const a = signJsapiConfig({ ticket: JSAPI_TICKET, url: 'http://x/', now });
    const b = signJsapiConfig({ ticket: JSAPI_TICKET, url: 'http://x/', now });
    expect(a.nonceStr).not.toBe(b.nonceStr);
    expect(a.signature).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('subscribe link token', () => {
  let at = Date.parse('2026-03-03T02:00:00Z');
  const tokens = createSubscribeTokens(Buffer.alloc(32, 7), () => new Date(at));
  const openId = 'oAbc_123-xyzXYZ0987654321abcd';

  it('names the openid it was issued for while it is fresh', () => {
    expect(tokens.check(tokens.issue(openId))).toEqual({ ok: true, openId });
  });

  it('refuses another openid under the same signature, another key, junk and overlong strings', () => {
    const token = tokens.issue(openId);
    expect(tokens.check(token.replace(openId, 'oSomeoneElse00000000000000000'))).toEqual({ ok: false, reason: 'forged' });
    expect(createSubscribeTokens(Buffer.alloc(32, 8), () => new Date(at)).check(token)).toEqual({ ok: false, reason: 'forged' });
    for (const junk of [undefined, '', 'abc', ['a'], `${token}x`, 'a'.repeat(10_000), `${openId}.1.${'A'.repeat(43)}`.replace('.1.', '.1<script>.')]) {
      expect(tokens.check(junk).ok).toBe(false);
    }
    expect(() => tokens.issue('not an openid!')).toThrow();
  });

  it(`lapses after ${SUBSCRIBE_LINK_HOURS} hours`, () => {
    const token = tokens.issue(openId);
    at += SUBSCRIBE_LINK_HOURS * 3_600_000 - 1000;
    expect(tokens.check(token).ok).toBe(true);
    at += 1000;
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('subscribe page answers without a working link or ticket', () => {
  const texts = { title: '订阅', lead: '说明', button: '订阅通知', notWechat: '请在微信里打开', accepted: '已订阅', rejected: '未订阅', failed: '失败', badLink: '此链接无效', expired: '此链接已过期', unavailable: '暂时无法打开订阅' };
  const quiet = { warn: () => undefined };

  async function serve(options: { templateId: string | null; ticket: () => Promise<string> }, at: () => Date) {
    const tokens = createSubscribeTokens(Buffer.alloc(32, 9), at);
    const router = createSubscribePage({ appId: 'wx00112233445566aa', templateId: options.templateId, jssdkUrl: 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js', publicUrl: null, tokens, jsapiTicket: options.ticket, texts, logger: quiet, now: at });
    const server = express().use('/channels/wechat-oa', router).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/channels/wechat-oa/subscribe`;
    return { tokens, base, close: () => new Promise((r) => server.close(r)) };
  }

  it('410 with "expired" for a lapsed link; 503 when WeChat gives no ticket; 404 without a template', async () => {
    let at = Date.parse('2026-03-03T02:00:00Z');
    const refused = await serve({ templateId: 'tmpl', ticket: () => Promise.reject(new Error('errcode 40164')) }, () => new Date(at));
    const token = refused.tokens.issue('oPerson1');
    const later = await fetch(`${refused.base}?t=${token}`);
    expect([later.status, (await later.text()).includes('暂时无法打开订阅')]).toEqual([503, true]);
    at += SUBSCRIBE_LINK_HOURS * 3_600_000;
    const lapsed = await fetch(`${refused.base}?t=${token}`);
    expect([lapsed.status, (await lapsed.text()).includes('此链接已过期')]).toEqual([410, true]);
    await refused.close();

    const none = await serve({ templateId: null, ticket: async () => 'ticket' }, () => new Date(at));
    const answer = await fetch(`${none.base}?t=${none.tokens.issue('oPerson1')}`);
    expect([answer.status, (await answer.text()).includes('wx-open-subscribe')]).toEqual([404, false]);
    await none.close();
  });
});
