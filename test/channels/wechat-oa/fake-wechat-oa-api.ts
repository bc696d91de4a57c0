// A fake api.weixin.qq.com on loopback: stable_token (force_refresh counted), customer-service text and
// 订阅通知 sends recorded; error codes can be queued for the next customer-service sends, or answered to every
// one (a rate limit that lasts, or an outage answering HTTP 503) until lifted; the JS-SDK's jsapi_ticket
// (ticket/getticket?type=jsapi) answered with JSAPI_TICKET and counted.
import { startLoopback, type LoopbackServer } from '../sms/loopback-server.ts';

/** WeChat's own example ticket (JS-SDK doc, 附录1). */
export const JSAPI_TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

export interface FakeOa extends LoopbackServer {
  ticketRequests: number;
  texts: { touser: string; text: { content: string } }[];
  notices: { touser: string; template_id: string; data: Record<string, { value: string }> }[];
  tokenRequests: { force_refresh: boolean }[];
  failNext(...codes: number[]): void;
  /** Every customer-service send answers `errcode` (45009: a rate limit that lasts) until called with null. */
  refuseAll(errcode: number | null): void;
  /** Every customer-service send answers HTTP 503 (an outage) until called with false. */
  outage(down: boolean): void;
  /** Customer-service sends answered with an error so far. */
  refusals: number;
  expireTokens(): void;
  waitFor(count: () => number, n: number, timeoutMs?: number): Promise<void>;
}

export async function startFakeOa(appId: string, secret: string): Promise<FakeOa> {
  let tokens = 0;
  let valid = '';
  const queued: number[] = [];
  let always: number | null = null;
  let down = false;
  const texts: FakeOa['texts'] = [];
  const notices: FakeOa['notices'] = [];
  const tokenRequests: FakeOa['tokenRequests'] = [];
  const server = await startLoopback((request) => {
    const url = new URL(request.url, 'http://fake');
    const body = request.body ? JSON.parse(request.body) : {};
    if (url.pathname === '/cgi-bin/stable_token') {
      tokenRequests.push({ force_refresh: body.force_refresh === true });
      if (body.appid !== appId || body.secret !== secret) return { status: 200, json: { errcode: 40125, errmsg: 'invalid appsecret' } };
      valid = `oa-token-${++tokens}`;
      return { status: 200, json: { access_token: valid, expires_in: 7200 } };
    }
    if (url.searchParams.get('access_token') !== valid) return { status: 200, json: { errcode: 40001, errmsg: 'invalid credential' } };
    if (url.pathname === '/cgi-bin/ticket/getticket' && url.searchParams.get('type') === 'jsapi') {
      fake.ticketRequests++;
      return { status: 200, json: { errcode: 0, errmsg: 'ok', ticket: JSAPI_TICKET, expires_in: 7200 } };
    }
    if (url.pathname === '/cgi-bin/message/custom/send') {
      if (down) {
        fake.refusals++;
        return { status: 503, json: {} };
      }
      const code = queued.shift() ?? always ?? undefined;
      if (code !== undefined) {
        fake.refusals++;
        return { status: 200, json: { errcode: code, errmsg: 'scripted' } };
      }
      texts.push(body);
      return { status: 200, json: { errcode: 0, errmsg: 'ok' } };
    }
    if (url.pathname === '/cgi-bin/message/subscribe/bizsend') {
      notices.push(body);
      return { status: 200, json: { errcode: 0, errmsg: 'ok', msgid: notices.length } };
    }
    return { status: 404, json: { errcode: 404 } };
  });
  const fake: FakeOa = {
    ...server, texts, notices, tokenRequests, ticketRequests: 0, refusals: 0,
    failNext: (...codes) => void queued.push(...codes),
    refuseAll: (errcode) => void (always = errcode),
    outage: (value) => void (down = value),
    expireTokens: () => { valid = 'expired'; },
    async waitFor(count, n, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (count() < n) {
        if (Date.now() > end) throw new Error(`expected ${n}, got ${count()}: ${JSON.stringify({ texts, notices })}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  return fake;
}
