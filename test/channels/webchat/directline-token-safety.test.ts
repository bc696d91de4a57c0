// What an outsider can learn or do with web chat tokens: a foreign token gets the same 404 as a missing
// conversation, refresh works only within its window, a revoked token (and its refresh) stops working,
// a client-chosen sender name is ignored, and over-nested JSON is a 400, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectlineToken } from '../../../src/channels/webchat/directline-token.ts';
import { generateToken } from '../../support/directline-client.ts';
import { createTestDatabase, startServer, TOKEN_SECRET } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';

let database: TestDatabase;
let server: RunningServer;
const WINDOW_SECONDS = 600;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(database.url, undefined, { resumeWindowSeconds: WINDOW_SECONDS });
});

afterAll(async () => {
  await server.close();
  database.remove();
});

async function call(method: string, path: string, token?: string, raw?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${server.baseUrl}/v3/directline${path}`, { method, headers, body: raw });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const signedAgo = (secondsAgo: number, conversationId: string, userId: string) =>
  new DirectlineToken(TOKEN_SECRET, 60, () => Math.floor(Date.now() / 1000) - secondsAgo).sign(conversationId, userId);

describe('web chat tokens against an outsider', () => {
  it('answers a token for another conversation exactly like a conversation that does not exist', async () => {
    const mine = await generateToken(server.baseUrl);
    const theirs = await generateToken(server.baseUrl);
    for (const [method, suffix] of [['GET', '/activities'], ['POST', '/activities'], ['GET', '']] as const) {
      const raw = method === 'POST' ? JSON.stringify({ type: 'message', text: 'hi' }) : undefined;
      const existing = await call(method, `/conversations/${theirs.conversationId}${suffix}`, mine.token, raw);
      const missing = await call(method, `/conversations/00000000-0000-4000-8000-000000000000${suffix}`, mine.token, raw);
      expect(existing.status, `${method} ${suffix}`).toBe(404);
      expect(existing.text).toBe(missing.text);
    }
  });

  it('refreshes an expired token only within the configured window', async () => {
    const grant = await generateToken(server.baseUrl);
    const userId = String(new DirectlineToken(TOKEN_SECRET).verify(grant.token).claims?.userId);
    const recent = await call('POST', '/tokens/refresh', signedAgo(WINDOW_SECONDS / 2, grant.conversationId, userId));
    expect(recent.status).toBe(200);
    const stale = await call('POST', '/tokens/refresh', signedAgo(WINDOW_SECONDS + 120, grant.conversationId, userId));
    expect(stale.status).toBe(403);
    expect(stale.body.error).toMatchObject({ code: 'TokenExpired' });
  });

  it('refuses every token of a revoked conversation, refreshed ones included, and serves a new conversation', async () => {
    const grant = await generateToken(server.baseUrl);
    const refreshed = (await call('POST', '/tokens/refresh', grant.token)).body;
    expect(typeof refreshed.token).toBe('string');
    await server.revocations.revoke(grant.conversationId, new Date());
    for (const token of [grant.token, String(refreshed.token)]) {
      const poll = await call('GET', `/conversations/${grant.conversationId}/activities`, token);
      expect(poll.status).toBe(403);
      expect(poll.body.error).toMatchObject({ code: 'TokenRevoked' });
      expect((await call('POST', '/tokens/refresh', token)).status).toBe(403);
    }
    const fresh = await generateToken(server.baseUrl);
    expect((await call('GET', `/conversations/${fresh.conversationId}/activities`, fresh.token)).status).toBe(200);
  });

  it("ignores the client's from.name: the server decides who spoke", async () => {
    const grant = await generateToken(server.baseUrl);
    const body = JSON.stringify({ type: 'message', text: '你好', from: { id: 'admin', name: '工作人员', role: 'bot' } });
    expect((await call('POST', `/conversations/${grant.conversationId}/activities`, grant.token, body)).status).toBe(200);
    const page = await call('GET', `/conversations/${grant.conversationId}/activities`, grant.token);
    const activities = page.body.activities as Array<{ text?: string; from: { id: string; name?: string; role?: string } }>;
    const mine = activities.find((a) => a.text === '你好');
    expect(mine?.from).toMatchObject({ role: 'user' });
    expect(mine?.from.name ?? '').toBe('');
    expect(mine?.from.id).not.toBe('admin');
  });

  it('answers deeply nested JSON with 400 and no internals, in every field', async () => {
    const grant = await generateToken(server.baseUrl);
    const deep = '{"a":'.repeat(15_000) + '1' + '}'.repeat(15_000);
    for (const field of ['channelData', 'value', 'entities']) {
      const answer = await call('POST', `/conversations/${grant.conversationId}/activities`, grant.token, `{"type":"message","text":"hi","${field}":${deep}}`);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'BadSyntax' });
      expect(answer.text).not.toMatch(/at .*\.(ts|js)|RangeError|stack/i);
    }
    expect((await call('GET', `/conversations/${grant.conversationId}/activities`, grant.token)).status).toBe(200);
  });
});
