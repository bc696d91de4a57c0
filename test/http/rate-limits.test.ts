// Floods at the front door meet limits: the real service on loopback with low limits answers 429 with
// Retry-After and a Chinese-first text, per IP and per conversation, for tokens, posts and polls.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import type { RunningService } from '../../src/main.ts';

const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function serve(limits: Record<string, string>): Promise<string> {
  const service = await startTestService(tempServiceConfig(limits));
  running.push(service);
  return `${service.url.replace('localhost', '127.0.0.1')}/v3/directline`;
}

async function call(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const body: { conversationId?: string; token?: string; error?: { code: string; message: string } } = await response.json();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

/** Fires up to `max` calls one after another; the statuses seen, stopping at the first 429. */
async function untilRefused(max: number, fire: (i: number) => ReturnType<typeof call>) {
  const statuses: number[] = [];
  for (let i = 0; i < max; i++) {
    const answer = await fire(i);
    statuses.push(answer.status);
    if (answer.status === 429) return { statuses, refusal: answer };
  }
  return { statuses, refusal: undefined };
}

function expectPoliteRefusal(refusal: Awaited<ReturnType<typeof call>> | undefined) {
  expect(refusal?.status).toBe(429);
  const seconds = Number(refusal?.retryAfter);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60, `Retry-After ${refusal?.retryAfter}`).toBe(true);
  expect(refusal?.body.error?.code).toBe('TooManyRequests');
  expect(refusal?.body.error?.message).toMatch(/^请求太频繁了，请稍等 \d+ 秒再试。 Too many requests/);
}

const generate = (base: string, headers?: Record<string, string>) => call(`${base}/tokens/generate`, { method: 'POST', headers });

describe('flood limits on web chat', () => {
  it('limits new conversations per IP: the 4th of 3 allowed a minute is refused', async () => {
    const base = await serve({ LIMIT_WEBCHAT_TOKENS_PER_IP: '3' });
    const { statuses, refusal } = await untilRefused(10, () => generate(base));
    expect(statuses).toEqual([200, 200, 200, 429]);
    expectPoliteRefusal(refusal);
  });

  it('limits token refreshes per conversation, while other conversations still get tokens', async () => {
    const base = await serve({ LIMIT_WEBCHAT_TOKENS_PER_CONVERSATION: '2' });
    const grant = (await generate(base)).body;
    const { statuses, refusal } = await untilRefused(10, () => call(`${base}/tokens/refresh`, { method: 'POST', token: grant.token }));
    expect(statuses).toEqual([200, 200, 429]);
    expectPoliteRefusal(refusal);
    const other = (await generate(base)).body;
    expect((await call(`${base}/tokens/refresh`, { method: 'POST', token: other.token })).status).toBe(200);
  });

  it('limits posts per conversation (2,000 messages are not all accepted) and per IP', async () => {
    const base = await serve({ LIMIT_WEBCHAT_POSTS_PER_CONVERSATION: '5', LIMIT_WEBCHAT_POSTS_PER_IP: '8' });
    const a = (await generate(base)).body;
    const post = (g: typeof a, i: number) =>
      call(`${base}/conversations/${g.conversationId}/activities`, { method: 'POST', token: g.token, body: { type: 'message', text: `第${i}条` } });
    const perConversation = await untilRefused(2000, (i) => post(a, i));
    expect(perConversation.statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expectPoliteRefusal(perConversation.refusal);
    const b = (await generate(base)).body;
    const perIp = await untilRefused(2000, (i) => post(b, i)); // 6 of the IP's 8 went to the first conversation
    expect(perIp.statuses).toEqual([200, 200, 429]);
    expectPoliteRefusal(perIp.refusal);
  });

  it('limits polling per conversation and per IP', async () => {
    const base = await serve({ LIMIT_WEBCHAT_POLLS_PER_CONVERSATION: '4', LIMIT_WEBCHAT_POLLS_PER_IP: '6' });
    const a = (await generate(base)).body;
    const b = (await generate(base)).body;
    const poll = (g: typeof a) => call(`${base}/conversations/${g.conversationId}/activities?watermark=`, { token: g.token });
    const perConversation = await untilRefused(100, () => poll(a));
    expect(perConversation.statuses).toEqual([200, 200, 200, 200, 429]);
    expectPoliteRefusal(perConversation.refusal);
    const perIp = await untilRefused(100, () => poll(b));
    expect(perIp.statuses).toEqual([200, 429]);
  });

  it('counts per client behind the proxy only when TRUST_PROXY says so', async () => {
    const trusted = await serve({ LIMIT_WEBCHAT_TOKENS_PER_IP: '2', TRUST_PROXY: 'loopback' });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect((await untilRefused(5, () => generate(trusted, from('203.0.113.7')))).statuses).toEqual([200, 200, 429]);
    expect((await generate(trusted, from('203.0.113.8'))).status).toBe(200);

    const untrusted = await serve({ LIMIT_WEBCHAT_TOKENS_PER_IP: '2' });
    const spoofed = await untilRefused(5, (i) => generate(untrusted, from(`198.51.100.${i}`)));
    expect(spoofed.statuses).toEqual([200, 200, 429]);
  });

  it('keeps the defaults generous: a normal chat (join, 20 messages, 60 polls) is never refused', async () => {
    const base = await serve({});
    const g = (await generate(base)).body;
    for (let i = 0; i < 20; i++) {
      const sent = await call(`${base}/conversations/${g.conversationId}/activities`, { method: 'POST', token: g.token, body: { type: 'message', text: `问题${i}` } });
      expect(sent.status).toBe(200);
    }
    for (let i = 0; i < 60; i++) expect((await call(`${base}/conversations/${g.conversationId}/activities`, { token: g.token })).status).toBe(200);
  });
});
