// Two instances on one PostgreSQL share one limit: a flood split across them is refused at the total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { createPgDatabase } from '../persistence/migrations/fixtures/temp-databases.ts';
import type { RunningService } from '../../src/main.ts';

let database: { url: string; drop(): Promise<void> };
const services: RunningService[] = [];

beforeAll(async () => {
  database = await createPgDatabase();
  const config = tempServiceConfig({ DATABASE_URL: database.url, LIMIT_WEBCHAT_TOKENS_PER_IP: '4', LOGIN_LOCKOUT_FAILURES: '2', LOGIN_LOCKOUT_SECONDS: '30' });
  services.push(await startTestService(config));
  services.push(await startTestService({ ...config, PII_KEY_FILE: config.PII_KEY_FILE }));
}, 60_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await database?.drop();
});

const origin = (i: number) => services[i]?.url.replace('localhost', '127.0.0.1') ?? '';
const generate = (i: number) => fetch(`${origin(i)}/v3/directline/tokens/generate`, { method: 'POST' });
const login = (i: number, password: string) =>
  fetch(`${origin(i)}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo', password }) });

describe('rate limits shared through PostgreSQL', () => {
  it('refuses the 5th new conversation from one IP when 4 went to the two instances', async () => {
    const statuses = [];
    for (const i of [0, 1, 0, 1]) statuses.push((await generate(i)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    for (const i of [0, 1]) {
      const refused = await generate(i);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });

  it('locks an account on both instances after failures spread over them', async () => {
    expect((await login(0, 'wrong-1')).status).toBe(401);
    expect((await login(1, 'wrong-2')).status).toBe(429);
    const other = await login(0, 'jiuyebang-demo');
    expect(other.status).toBe(429);
    expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(20);
  });
});
