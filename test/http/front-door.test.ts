// What the public and a caseworker see at the front door of the real service: browser security headers,
// no caching of API answers, 400 for over-nested JSON, the refresh window from the configuration, and
// a caseworker revoking a conversation's web chat tokens (audited, region-scoped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { DirectlineToken } from '../../src/channels/webchat/directline-token.ts';
import { loadPiiKey } from '../../src/config/load-pii-key.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';
import { hashPassword } from '../../src/caseworker/password-hash.ts';
import type { AppConfig } from '../../src/config/app-config.ts';
import type { RunningService } from '../../src/main.ts';

let config: AppConfig;
let service: RunningService;
let db: Database;
let origin = '';

beforeAll(async () => {
  config = tempServiceConfig({ WEBCHAT_REFRESH_WINDOW_HOURS: '1' });
  service = await startTestService(config);
  origin = service.url.replace('localhost', '127.0.0.1');
  db = openDatabase(config.DATABASE_URL);
  const repos = createRepositories(db.prisma, createPiiCipher(loadPiiKey(config)), '330300');
  await repos.caseworkers.ensure({ username: 'wz', displayName: '温州', regionCode: '330300', role: 'caseworker', districts: [], passwordHash: await hashPassword('pw-wz-123') });
});

afterAll(async () => {
  await service?.stop();
  await db?.close();
});

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const generate = async (): Promise<{ conversationId: string; token: string }> => (await fetch(`${origin}/v3/directline/tokens/generate`, { method: 'POST' })).json();
const tokenOf = async (username: string, password: string): Promise<string> => ((await (await fetch(`${origin}/api/caseworker/login`, json({ username, password }))).json()) as { token: string }).token;

describe('the front door', () => {
  it('serves the chat page under a strict CSP, no framing and no referrer', async () => {
    const page = await fetch(`${origin}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    const next = (await fetch(`${origin}/`)).headers.get('content-security-policy') ?? '';
    expect(next).not.toContain(String(nonce));
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // No inline style or script: the page's own script carries the nonce and hands it to Web Chat's run-time styles.
    expect(html).not.toMatch(/<style\b/);
    expect(html).toMatch(new RegExp(`<script src="/static/chat\\.js[^"]*" nonce="${String(nonce).replace(/[+/=]/g, (c) => `\\${c}`)}"`));
  });

  it('marks every API answer Cache-Control: no-store', async () => {
    const answers = [
      await fetch(`${origin}/healthz`),
      await fetch(`${origin}/v3/directline/tokens/generate`, { method: 'POST' }),
      await fetch(`${origin}/api/caseworker/login`, json({ username: 'demo', password: 'jiuyebang-demo' })),
      await fetch(`${origin}/api/caseworker/registrations`),
    ];
    for (const answer of answers) expect(answer.headers.get('cache-control'), answer.url).toBe('no-store');
  });

  it('answers over-nested JSON to the caseworker API with 400 and a plain message', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const answer = await fetch(`${origin}/api/caseworker/login`, json(`{"username":"demo","password":"x","extra":${deep}}`));
    expect(answer.status).toBe(400);
    const text = await answer.text();
    expect(text).toContain('请求格式不正确');
    expect(text).not.toMatch(/Error|stack|\.ts/);
  });

  it('refreshes an expired token within WEBCHAT_REFRESH_WINDOW_HOURS and not after', async () => {
    const grant = await generate();
    const secret = createPiiCipher(loadPiiKey(config)).deriveSecret('webchat-token').toString('base64url');
    const signedAgo = (seconds: number) => new DirectlineToken(secret, 60, () => Math.floor(Date.now() / 1000) - seconds).sign(grant.conversationId, 'web-x');
    const refresh = (token: string) => fetch(`${origin}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect((await refresh(signedAgo(30 * 60))).status).toBe(200);
    expect((await refresh(signedAgo(2 * 3600))).status).toBe(403);
  });

  it("lets a caseworker of the service's region revoke a conversation's web chat tokens, audited", async () => {
    const grant = await generate();
    const revoke = (id: string, token?: string) =>
      fetch(`${origin}/api/caseworker/conversations/${id}/revoke-webchat-token`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await revoke(grant.conversationId)).status).toBe(401);
    const outsider = await tokenOf('wz', 'pw-wz-123');
    expect((await revoke(grant.conversationId, outsider)).status).toBe(404);
    const demo = await tokenOf('demo', 'jiuyebang-demo');
    expect((await revoke('no-such-conversation', demo)).status).toBe(404);
    const done = await revoke(grant.conversationId, demo);
    expect(done.status).toBe(200);
    const poll = await fetch(`${origin}/v3/directline/conversations/${grant.conversationId}/activities`, { headers: { authorization: `Bearer ${grant.token}` } });
    expect(poll.status).toBe(403);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'webchat.token_revoked', subjectId: grant.conversationId } });
    expect(audit.map((e) => e.actor)).toEqual(['caseworker:demo']);
  });
});
