// The Direct Line WebSocket stream with the OFFICIAL directlinejs client (webSocket: true): replies arrive
// over the socket with no GET …/activities polling, a resume replays only what is after the watermark, and
// a stream URL with a wrong token or conversation is refused.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../support/directline-client.ts';
import { createTestDatabase, startServer, TOKEN_SECRET } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';
import { DirectlineToken } from '../../../src/channels/webchat/directline-token.ts';

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(database.url, undefined, {}, { webSocket: true });
});

afterAll(async () => {
  await server?.close();
  database?.remove();
});

const polls = () => server.requests.filter((r) => /^GET \/v3\/directline\/conversations\/[^/]+\/activities/.test(r));

describe('Direct Line over a WebSocket', () => {
  it('starts with a streamUrl, gets the echo and the reply over the socket, and never polls', async () => {
    const client = await connect(server.baseUrl, undefined, { webSocket: true });
    try {
      await client.say('我想找工作');
      const reply = await client.waitForBotReply((m) => m.text === '你说：我想找工作');
      expect(reply.suggestedActions?.actions.map((a) => a.title)).toEqual(['找工作', '失业登记']);
      expect(client.activities.some((a) => a.from.role === 'user' && 'text' in a && a.text === '我想找工作')).toBe(true);
      expect(server.stream?.connections).toBe(1);
      await new Promise((r) => setTimeout(r, 1500));
      expect(polls()).toEqual([]);
      expect(server.requests.some((r) => r.startsWith('POST /v3/directline/conversations/'))).toBe(true);
    } finally {
      client.end();
    }
  });

  it('resumes from a watermark: only newer activities come again', async () => {
    const first = await connect(server.baseUrl, undefined, { webSocket: true });
    await first.say('第一句');
    await first.waitForBotReply((m) => m.text === '你说：第一句');
    const watermark = first.watermark();
    first.end();
    expect(watermark).toMatch(/^\d+$/);
    const again = await connect(server.baseUrl, { conversationId: first.conversationId, token: first.token, watermark }, { webSocket: true });
    try {
      await again.say('第二句');
      await again.waitForBotReply((m) => m.text === '你说：第二句');
      const texts = again.activities.map((a) => ('text' in a ? a.text : ''));
      expect(texts).not.toContain('第一句');
      expect(texts).toContain('第二句');
    } finally {
      again.end();
    }
  });

  it('hands out wss:// behind a TLS proxy and ws:// otherwise, from the start and the reconnect answers', async () => {
    const grant = await connect(server.baseUrl);
    grant.end();
    const ask = async (init: { method: string; path: string; proto?: string }) => {
      const headers: Record<string, string> = { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' };
      if (init.proto) headers['x-forwarded-proto'] = init.proto;
      const res = await fetch(`${server.baseUrl}/v3/directline${init.path}`, { method: init.method, headers, ...(init.method === 'POST' ? { body: '{}' } : {}) });
      return String(((await res.json()) as { streamUrl?: string }).streamUrl);
    };
    const host = new URL(server.baseUrl).host;
    expect(await ask({ method: 'POST', path: '/conversations' })).toMatch(new RegExp(`^ws://${host}/v3/directline/conversations/${grant.conversationId}/stream\\?t=`));
    expect(await ask({ method: 'GET', path: `/conversations/${grant.conversationId}?watermark=7`, proto: 'https' })).toMatch(/^wss:\/\/.*&watermark=7$/);
  });

  it('refuses a stream URL with a forged token or another conversation, and an unknown path', async () => {
    const a = await connect(server.baseUrl);
    const b = await connect(server.baseUrl);
    a.end();
    b.end();
    const ws = server.baseUrl.replace('http', 'ws');
    const forged = new DirectlineToken('another-secret-0123456789').sign(a.conversationId, 'web-x');
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('error', () => resolve(-1));
      });
    const good = new DirectlineToken(TOKEN_SECRET).sign(a.conversationId, 'web-x');
    expect(await status(`${ws}/v3/directline/conversations/${a.conversationId}/stream?t=${good}`)).toBe(101);
    expect(await status(`${ws}/v3/directline/conversations/${a.conversationId}/stream?t=${forged}`)).toBe(403);
    expect(await status(`${ws}/v3/directline/conversations/${b.conversationId}/stream?t=${good}`)).toBe(403);
    expect(await status(`${ws}/v3/directline/conversations/${a.conversationId}/stream`)).toBe(403);
    expect(await status(`${ws}/v3/directline/elsewhere?t=${good}`)).toBe(404);
  });
});
