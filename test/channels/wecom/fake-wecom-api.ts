// A fake qyapi.weixin.qq.com on loopback: gettoken hands out numbered tokens, message/send records each
// message; a test can queue error codes (42001 expired token, 45009 rate limit) or HTTP failures (a 502 from
// the gateway) for the next sends.
import { startLoopback, type LoopbackServer } from '../sms/loopback-server.ts';

export interface FakeWecom extends LoopbackServer {
  sent: { touser: string; msgtype: string; text?: { content: string }; template_card?: { task_id: string; button_list: { text: string; key: string }[]; main_title: { title: string; desc: string } } }[];
  tokenCalls: () => number;
  /** The next message/send calls answer these error codes, in order. */
  failNext(...codes: number[]): void;
  /** The next message/send calls answer these HTTP statuses (no JSON), in order, before any queued error code. */
  failHttpNext(...statuses: number[]): void;
  /** message/send calls so far, answered or refused. */
  sendCalls: () => number;
  /** Tokens issued so far stop working (42001), as after two hours. */
  expireTokens(): void;
  waitForSends(count: number, timeoutMs?: number): Promise<void>;
}

export async function startFakeWecom(corpId: string, secret: string): Promise<FakeWecom> {
  let tokens = 0;
  let valid = '';
  const queued: number[] = [];
  const http: number[] = [];
  let calls = 0;
  const sent: FakeWecom['sent'] = [];
  const server = await startLoopback((request) => {
    const url = new URL(request.url, 'http://fake');
    if (url.pathname === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== corpId || url.searchParams.get('corpsecret') !== secret) return { status: 200, json: { errcode: 40013, errmsg: 'invalid corpid' } };
      valid = `token-${++tokens}`;
      return { status: 200, json: { errcode: 0, errmsg: 'ok', access_token: valid, expires_in: 7200 } };
    }
    if (url.pathname === '/cgi-bin/message/send') {
      calls++;
      if (url.searchParams.get('access_token') !== valid) return { status: 200, json: { errcode: 42001, errmsg: 'access_token expired' } };
      const status = http.shift();
      if (status !== undefined) return { status, json: {} };
      const code = queued.shift();
      if (code !== undefined) return { status: 200, json: { errcode: code, errmsg: 'scripted' } };
      sent.push(JSON.parse(request.body));
      return { status: 200, json: { errcode: 0, errmsg: 'ok', msgid: `m${sent.length}` } };
    }
    return { status: 404, json: { errcode: 404 } };
  });
  return {
    ...server,
    sent,
    tokenCalls: () => tokens,
    failNext: (...codes) => void queued.push(...codes),
    failHttpNext: (...statuses) => void http.push(...statuses),
    sendCalls: () => calls,
    expireTokens: () => { valid = 'expired'; },
    async waitForSends(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (sent.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} sends, got ${sent.length}: ${JSON.stringify(sent)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
