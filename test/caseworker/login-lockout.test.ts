// Password guessing against the caseworker login: attempts per IP are limited, and an account locks after
// repeated failures for a time that doubles with each lockout; every lockout is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { AppConfig } from '../../src/config/app-config.ts';
import type { RunningService } from '../../src/main.ts';

let config: AppConfig;
let service: RunningService;
let db: Database;
let base = '';

beforeAll(async () => {
  config = tempServiceConfig({ LOGIN_LOCKOUT_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '1', LIMIT_LOGINS_PER_IP: '25' });
  service = await startTestService(config);
  db = openDatabase(config.DATABASE_URL);
  base = `${service.url.replace('localhost', '127.0.0.1')}/api/caseworker`;
});

afterAll(async () => {
  await service?.stop();
  await db?.close();
});

async function login(username: string, password: string) {
  const response = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body: { token?: string; error?: string; message?: string } = await response.json();
  return { status: response.status, retryAfter: Number(response.headers.get('retry-after')), body };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lockouts = async () =>
  (await db.prisma.auditEvent.findMany({ where: { action: 'caseworker.login_locked' }, orderBy: { at: 'asc' } })).map((e) => JSON.parse(e.details));

describe('caseworker login under password guessing', () => {
  it('locks the account after 3 failures, refuses even the right password meanwhile, and doubles the next lockout', async () => {
    expect((await login('demo', 'guess-1')).status).toBe(401);
    expect((await login('demo', 'guess-2')).status).toBe(401);
    const locked = await login('demo', 'guess-3');
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe(1);
    expect(locked.body.message).toMatch(/^登录失败次数太多/);

    const meanwhile = await login('demo', 'jiuyebang-demo');
    expect(meanwhile.status).toBe(429);
    expect(meanwhile.body.token).toBeUndefined();

    await sleep(1100);
    await login('demo', 'guess-4');
    await login('demo', 'guess-5');
    const again = await login('demo', 'guess-6');
    expect(again.status).toBe(429);
    expect(again.retryAfter).toBe(2);

    expect(await lockouts()).toEqual([
      { lockedSeconds: 1, lockoutNumber: 1 },
      { lockedSeconds: 2, lockoutNumber: 2 },
    ]);
    const refused = await db.prisma.auditEvent.count({ where: { action: 'caseworker.login_refused_locked', actor: 'caseworker:demo' } });
    expect(refused).toBe(1);

    await sleep(2100);
    const ok = await login('demo', 'jiuyebang-demo');
    expect(ok.status).toBe(200);
    expect(typeof ok.body.token).toBe('string');
  });

  it('locks unknown usernames the same way, so the answers do not reveal which accounts exist', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await login('nobody-here', `guess-${i}`)).status);
    expect(answers).toEqual([401, 401, 429]);
  });

  it('limits attempts per IP address whatever the usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) statuses.push((await login(`user-${i}`, 'x')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(26);
  });
});
