// What a client sees when things go wrong: bad tokens, unknown conversations, oversized, empty, odd or
// broken bodies, client retries, and a bot that throws. Never a 500, nothing lost, the server keeps going.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectlineToken } from '../../../src/channels/webchat/directline-token.ts';
import { generateToken } from '../../support/directline-client.ts';
import { createTestDatabase, startServer, TOKEN_SECRET } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(database.url);
});

afterAll(async () => {
  await server.close();
  database.remove();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, token?: string, body?: unknown, raw?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${server.baseUrl}/v3/directline${path}`, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function conversation() {
  const grant = await generateToken(server.baseUrl);
  const post = (body: unknown) => call('POST', `/conversations/${grant.conversationId}/activities`, grant.token, body);
  const list = async () => {
    const page = await call('GET', `/conversations/${grant.conversationId}/activities?watermark=`, grant.token);
    return page.body.activities as Array<Record<string, unknown>>;
  };
  return { ...grant, post, list };
}

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const message = (text: string, clientActivityID?: string) => ({
  type: 'message',
  text,
  from: { id: 'someone', role: 'user' },
  ...(clientActivityID ? { channelData: { clientActivityID } } : {}),
});

describe('Direct Line tokens', () => {
  it('answers 403 with a JSON error for a missing, forged or expired token', async () => {
    const c = await conversation();
    const expired = new DirectlineToken(TOKEN_SECRET, 60, () => Math.floor(Date.now() / 1000) - 3600).sign(c.conversationId, 'web-x');
    const forged = new DirectlineToken('another-secret-0123456789').sign(c.conversationId, 'web-x');
    const path = `/conversations/${c.conversationId}/activities`;
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'BadToken'],
      ['not-a-jwt', 'BadToken'],
      [forged, 'BadToken'],
      [expired, 'TokenExpired'],
    ];
    for (const [token, code] of cases) {
      const answer = await call('GET', path, token);
      expect(answer.status, String(code)).toBe(403);
      expect(answer.body.error).toMatchObject({ code });
    }
  });

  it('answers 404 for an unknown conversation', async () => {
    const c = await conversation();
    const answer = await call('GET', '/conversations/no-such-conversation/activities', c.token);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'NotFound' });
    const ghost = new DirectlineToken(TOKEN_SECRET).sign('ghost-conversation', 'web-ghost');
    expect((await call('POST', '/conversations', ghost)).status).toBe(404);
  });

  it('starts (201), reconnects and refreshes with a valid token; refresh accepts a recently expired one', async () => {
    const c = await conversation();
    const started = await call('POST', '/conversations', c.token, { user: { id: 'u' } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: c.conversationId, token: c.token, expires_in: 1800 });
    expect((await call('GET', `/conversations/${c.conversationId}`, c.token)).body.conversationId).toBe(c.conversationId);
    const stale = new DirectlineToken(TOKEN_SECRET, 60, () => Math.floor(Date.now() / 1000) - 3600).sign(c.conversationId, 'web-x');
    const refreshed = await call('POST', '/tokens/refresh', stale);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(c.conversationId);
    expect((await call('GET', `/conversations/${c.conversationId}/activities`, String(refreshed.body.token))).status).toBe(200);
  });
});

describe('posting activities', () => {
  it('answers a 20,000-character message with the limit instead of failing, keeping only its start', async () => {
    const c = await conversation();
    expect((await c.post(message('我想找工作'))).status).toBe(200);
    await until(c.list, (a) => a.length === 2);
    const long = message(`我的电话13812345678${'很'.repeat(20_000)}`, 'long-1');
    const answer = await c.post(long);
    expect(answer.status).toBe(200);
    const after = await until(c.list, (a) => a.length === 4);
    const [kept, reply] = after.slice(2);
    expect(kept).toMatchObject({ id: answer.body.id, from: { role: 'user' }, channelData: { clientActivityID: 'long-1' } });
    expect(String(kept?.text).length).toBeLessThan(100);
    expect(String(kept?.text)).not.toContain('13812345678');
    expect(reply).toMatchObject({ type: 'message', from: { role: 'bot' }, replyToId: answer.body.id });
    expect(String(reply?.text)).toContain('2000');
    // Web Chat retrying the same post gets the same id and no second answer.
    expect((await c.post(long)).body.id).toBe(answer.body.id);
    expect(await c.list()).toHaveLength(4);
  });

  it('refuses an empty message with a clear 400 and stores nothing', async () => {
    const c = await conversation();
    for (const text of ['', '   ']) {
      const answer = await c.post(message(text));
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'EmptyMessage' });
    }
    expect(await c.list()).toEqual([]);
  });

  it('answers an unknown activity type (200 with an id) without storing it or handing it to the bot', async () => {
    const c = await conversation();
    for (let i = 0; i < 30; i += 1) {
      const answer = await c.post({ type: 'somethingNew', value: { a: 'x'.repeat(1000) } });
      expect(answer.status).toBe(200);
      expect(answer.body.id).toEqual(expect.any(String));
    }
    await c.post(message('在吗'));
    const activities = await until(c.list, (a) => a.length === 2);
    expect(activities.map((a) => [a.type, a.text])).toEqual([
      ['message', '在吗'],
      ['message', '你说：在吗'],
    ]);
    expect(await server.store.countActivities(c.conversationId)).toBe(2);
  });

  it('answers 400 (never 500) to malformed or wrongly shaped bodies', async () => {
    const c = await conversation();
    const path = `/conversations/${c.conversationId}/activities`;
    expect((await call('POST', path, c.token, undefined, '{"type": "message", "text": ')).status).toBe(400);
    for (const body of [null, [], 42, 'text', {}, { type: 5 }, { type: 'message', text: 7 }, { type: 'message', text: 'x', channelData: { clientActivityID: 9 } }]) {
      const answer = await call('POST', path, c.token, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await call('POST', path, c.token, undefined, JSON.stringify({ type: 'message', text: 'x', pad: 'y'.repeat(200_000) }))).status).toBe(413);
    expect((await call('GET', `${path}?watermark=abc`, c.token)).status).toBe(400);
    expect(await c.list()).toEqual([]);
  });

  it('stores and answers a retried post with the same clientActivityID only once', async () => {
    const c = await conversation();
    const first = await c.post(message('重复发送', 'client-1'));
    const again = await c.post(message('重复发送', 'client-1'));
    expect(again.body.id).toBe(first.body.id);
    await server.channel.idle();
    const activities = await until(c.list, (a) => a.length >= 2);
    expect(activities.map((a) => a.text)).toEqual(['重复发送', '你说：重复发送']);
  });

  it('keeps one copy when the same clientActivityID arrives several times at once', async () => {
    const c = await conversation();
    const answers = await Promise.all([1, 2, 3, 4].map(() => c.post(message('同时到达', 'client-race'))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    await server.channel.idle();
    expect((await c.list()).map((a) => a.text)).toEqual(['同时到达', '你说：同时到达']);
  });

  it('sends an apology when the bot logic throws, logs it, and keeps working', async () => {
    const c = await conversation();
    await c.post(message('boom'));
    await c.post(message('还在吗'));
    const activities = await until(c.list, (a) => a.length === 4);
    expect(activities.map((a) => a.text)).toEqual(['boom', '抱歉，系统刚才出了点问题，请稍后再试一次。', '还在吗', '你说：还在吗']);
    expect(server.logs.some((line) => line.level === 'error' && line.msg === 'web chat turn failed')).toBe(true);
  });

  it('answers 429 when a stuck bot has too many turns waiting, and catches up afterwards', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await startServer(database.url, async (ctx) => {
      await gate;
      await ctx.sendActivity(`收到：${ctx.activity.text ?? ''}`);
    }, { maxQueuedTurns: 2 });
    try {
      const grant = await generateToken(slow.baseUrl);
      const post = (text: string) =>
        fetch(`${slow.baseUrl}/v3/directline/conversations/${grant.conversationId}/activities`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${grant.token}` },
          body: JSON.stringify(message(text)),
        });
      expect((await post('一')).status).toBe(200);
      expect((await post('二')).status).toBe(200);
      const refused = await post('三');
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
      release();
      await slow.channel.idle();
      expect((await post('四')).status).toBe(200);
      await slow.channel.idle();
      const page = await slow.store.listActivities(grant.conversationId, 0);
      expect(page.activities.map((a) => a.text)).toEqual(['一', '二', '收到：一', '收到：二', '四', '收到：四']);
    } finally {
      await slow.close();
    }
  });
});
