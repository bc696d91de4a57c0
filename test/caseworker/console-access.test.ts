// The access table against the running app: every console route (enumerated from the express router, so a
// route without a row fails) is called by each kind of caller, with a fresh subject and a fresh session each
// time, and must answer the status of its row.
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/app-config.ts';
import { hashPassword } from '../../src/caseworker/password-hash.ts';
import type { RunningService } from '../../src/main.ts';
import { createCaseworkerRepository } from '../../src/persistence/caseworker-repository.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { generateToken } from '../support/directline-client.ts';
import { seedDeregistrationFact, seedHardshipCase, seedPerson, wenzhouPrescreen } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { CONSOLE_ACCESS_TABLE, type AccessRow, type Caller } from './console-access-table.ts';

let config: AppConfig;
let service: RunningService;
let db: Database;
const staff: Partial<Record<Caller, string>> = {};

interface Layer { route?: { path: string; methods: Record<string, boolean> }; rawPath?: unknown; handle?: { stack?: Layer[] } }

/** Every METHOD path the app serves, read from express's own router stack (mount paths included). */
function routesOf(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) if (method !== '_all') found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  const router: unknown = Reflect.get(app, 'router');
  walk((router as { stack: Layer[] }).stack, '');
  return found;
}

const isConsoleRoute = (route: string) => / \/(api\/caseworker|console)(\/|$)/.test(route);

beforeAll(async () => {
  // Every row asks for web chat tokens (the webchat caller, conversation subjects): more than the default per-IP minute allows.
  config = tempServiceConfig({ LIMIT_WEBCHAT_TOKENS_PER_IP: '1000' });
  service = await startTestService(config);
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  const accounts = createCaseworkerRepository(db.prisma);
  const passwordHash = await hashPassword('unused-password-1');
  const make = async (username: string, role: 'caseworker' | 'supervisor' | 'administrator', districts: string[]) => {
    await accounts.ensure({ username, displayName: username, regionCode: '440800', role, districts, passwordHash });
    return (await accounts.findByUsername(username))!.id;
  };
  staff.ownDistrict = await make('chikan', 'caseworker', ['440802']);
  staff.otherDistrict = await make('xiashan', 'caseworker', ['440803']);
  staff.supervisor = await make('boss', 'supervisor', []);
  staff.administrator = await make('root', 'administrator', []);
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

/** A fresh subject of the row's kind in district 440802. */
async function subjectFor(row: AccessRow): Promise<string | null> {
  switch (row.subject) {
    case 'case':
    case 'identityCase': {
      const id = randomUUID();
      const jobSeekerId = randomUUID();
      await db.prisma.jobSeeker.create({ data: { id: jobSeekerId, regionCode: '440802', name: '测试' } });
      await db.prisma.handoffCase.create({ data: { id, jobSeekerId, conversationKey: `webchat:${id}`, regionCode: '440802', reason: 'user_request', kind: row.subject === 'case' ? 'handoff' : 'identity_link' } });
      return id;
    }
    case 'account': {
      const id = randomUUID();
      await db.prisma.caseworker.create({ data: { id, username: `w-${id.slice(0, 8)}`, displayName: '同事', regionCode: '440800', role: 'caseworker', districts: '["440802"]', passwordHash: 'x' } });
      return id;
    }
    case 'conversation':
      return (await generateToken(service.url)).conversationId;
    case 'person':
      return (await seedPerson(db.prisma, { regionCode: '440802', name: '测试' })).jobSeekerId;
    case 'registration':
      return (await seedPerson(db.prisma, { regionCode: '440802', name: '测试', status: 'pending_review' })).registrationId;
    case 'hardshipCase': {
      const { jobSeekerId } = await seedPerson(db.prisma, { regionCode: '440802', name: '测试' });
      return seedHardshipCase(db.prisma, { jobSeekerId, regionCode: '440802', prescreen: wenzhouPrescreen() });
    }
    case 'deregistrationCase': {
      const person = await seedPerson(db.prisma, { regionCode: '440802', name: '测试' });
      return seedDeregistrationFact(db.prisma, { ...person, regionCode: '440802', situation: 'found_job', facts: {} });
    }
    case 'none':
      return null;
  }
}

async function authorizationFor(caller: Caller): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  if (caller === 'webchat') return { authorization: `Bearer ${(await generateToken(service.url)).token}` };
  const session = await createCaseworkerRepository(db.prisma).openSession(staff[caller]!, 1, new Date());
  return { authorization: `Bearer ${session.token}` };
}

async function statusOf(row: AccessRow, caller: Caller): Promise<number> {
  const subject = await subjectFor(row);
  const filled = Object.entries(row.params ?? {}).reduce((p, [name, value]) => p.replace(`:${name}`, value), row.path);
  const path = filled.replace(/:(id|caseId)\b/, subject ?? '') + (row.query ? `?${row.query}` : '');
  // A new account's username must be new each time; failed logins use a new name so no lockout builds up.
  const fresh = row.path === '/api/caseworker/accounts' || row.path === '/api/caseworker/login';
  const body = fresh && row.body ? { ...row.body, username: `n-${randomUUID().slice(0, 8)}` } : row.body;
  const headers: Record<string, string> = { ...(await authorizationFor(caller)), ...(body ? { 'content-type': 'application/json' } : {}) };
  const abort = new AbortController();
  const res = await fetch(`${service.url}${path}`, { method: row.method, headers, signal: abort.signal, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (row.stream) abort.abort();
  else await res.arrayBuffer();
  return res.status;
}

describe('console access table', () => {
  it('has a row for every console route of the app, and no row for a route that does not exist', () => {
    const served = routesOf(service.app).filter(isConsoleRoute);
    const rows = CONSOLE_ACCESS_TABLE.map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !rows.includes(route)), 'routes without a row in console-access-table.ts').toEqual([]);
    expect(rows.filter((row) => !served.includes(row)), 'rows for routes the app does not serve').toEqual([]);
  });

  it('answers each route with the status of its row, for every kind of caller', async () => {
    const mismatches: string[] = [];
    for (const row of CONSOLE_ACCESS_TABLE) {
      for (const caller of Object.keys(row.expect) as Caller[]) {
        const got = await statusOf(row, caller);
        if (got !== row.expect[caller]) mismatches.push(`${row.method} ${row.path} as ${caller}: ${got}, table says ${row.expect[caller]}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
