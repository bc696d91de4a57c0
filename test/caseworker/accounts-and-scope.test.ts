// Accounts, roles and district scope through the running service: cookie sessions with CSRF beside Bearer
// tokens, a caseworker changing their password, an administrator creating, disabling and resetting accounts,
// and a district caseworker who cannot reach another district's case (404) by list, URL or action.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/app-config.ts';
import { DEMO_CASEWORKER } from '../../src/caseworker/demo-data.ts';
import type { RunningService } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { callApi, listCases, loginAs } from '../support/console-api.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';

let config: AppConfig;
let service: RunningService;
let db: Database;
const PW = DEMO_CASEWORKER.password;

/** A case filed in `regionCode` (a district of Zhanjiang), as the engine would file it. */
async function fileCase(regionCode: string): Promise<string> {
  const id = randomUUID();
  await db.prisma.handoffCase.create({ data: { id, conversationKey: `webchat:${id}`, regionCode, reason: 'user_request', kind: 'handoff' } });
  return id;
}

interface CookieLogin { cookie: string; csrfToken: string; setCookie: string; body: Record<string, unknown> }

async function cookieLogin(username: string, password: string): Promise<CookieLogin> {
  const res = await fetch(`${service.url}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, session: 'cookie' }) });
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as Record<string, unknown> & { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrfToken: body.csrfToken, setCookie, body };
}

async function cookieCall(login: CookieLogin, method: 'GET' | 'POST', path: string, body?: unknown, csrf = true) {
  const headers: Record<string, string> = { cookie: login.cookie };
  if (csrf) headers['x-csrf-token'] = login.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${service.url}/api/caseworker${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { message?: string } };
}

beforeAll(async () => {
  config = tempServiceConfig();
  service = await startTestService(config);
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

describe('console sessions', () => {
  it('logs in by an HttpOnly, SameSite=Strict cookie; a change needs the CSRF token, a Bearer request does not', async () => {
    const login = await cookieLogin('demo', PW);
    expect(login.setCookie).toMatch(/HttpOnly/i);
    expect(login.setCookie).toMatch(/SameSite=Strict/i);
    expect(login.setCookie).toMatch(/Path=\/api\/caseworker/);
    expect(login.body).not.toHaveProperty('token');
    expect(login.body.caseworker).toMatchObject({ username: 'demo', role: 'caseworker', districts: [] });

    const id = await fileCase('440802');
    expect((await cookieCall(login, 'GET', `/cases/${id}`, undefined, false)).status).toBe(200);
    const forged = await cookieCall(login, 'POST', `/cases/${id}/claim`, {}, false);
    expect(forged).toMatchObject({ status: 403, body: { error: 'csrf' } });
    expect(forged.body.message).toContain('刷新');
    expect((await cookieCall({ ...login, csrfToken: 'x'.repeat(43) }, 'POST', `/cases/${id}/claim`, {})).status).toBe(403);
    expect((await cookieCall(login, 'POST', `/cases/${id}/claim`, {})).status).toBe(200);

    const token = await loginAs(service.url, 'demo-supervisor', PW);
    const other = await fileCase('440803');
    expect((await callApi(service.url, token, 'POST', `/cases/${other}/claim`, {})).status).toBe(200);

    expect((await cookieCall(login, 'GET', '/session')).body).toMatchObject({ caseworker: { username: 'demo' }, csrfToken: login.csrfToken });
    expect((await cookieCall(login, 'POST', '/logout', {})).status).toBe(200);
    expect((await cookieCall(login, 'GET', '/session')).status).toBe(401);
  });

  it('lets a caseworker change their own password: the old one stops working, other sessions end, this one goes on', async () => {
    const admin = await loginAs(service.url, 'demo-admin', PW);
    const made = await callApi(service.url, admin, 'POST', '/accounts', { username: 'wang', displayName: '王经办', role: 'caseworker', districts: ['440802'], password: 'first-pass-123' });
    expect(made.status).toBe(201);
    const elsewhere = await loginAs(service.url, 'wang', 'first-pass-123');
    const here = await cookieLogin('wang', 'first-pass-123');

    expect(await cookieCall(here, 'POST', '/password', { currentPassword: 'wrong', newPassword: 'second-pass-456' })).toMatchObject({ status: 400, body: { field: 'currentPassword', message: '当前密码不正确。' } });
    expect(await cookieCall(here, 'POST', '/password', { currentPassword: 'first-pass-123', newPassword: 'short' })).toMatchObject({ status: 400, body: { field: 'newPassword' } });
    expect((await cookieCall(here, 'POST', '/password', { currentPassword: 'first-pass-123', newPassword: 'second-pass-456' })).status).toBe(200);

    expect((await cookieCall(here, 'GET', '/session')).status).toBe(200);
    expect((await callApi(service.url, elsewhere, 'GET', '/cases?status=new')).status).toBe(401);
    await expect(loginAs(service.url, 'wang', 'first-pass-123')).rejects.toThrow(/401/);
    expect(await loginAs(service.url, 'wang', 'second-pass-456')).toBeTruthy();
  });
});

describe('account administration', () => {
  it('an administrator creates, disables, enables and resets accounts; others may not', async () => {
    const admin = await loginAs(service.url, 'demo-admin', PW);
    const worker = await loginAs(service.url, 'demo', PW);
    const supervisor = await loginAs(service.url, 'demo-supervisor', PW);
    for (const token of [worker, supervisor]) {
      expect(await callApi(service.url, token, 'GET', '/accounts')).toMatchObject({ status: 403, body: { error: 'forbidden_role' } });
      expect((await callApi(service.url, token, 'POST', '/accounts', { username: 'x1', displayName: 'x', role: 'administrator', password: 'abcdefghijk' })).status).toBe(403);
    }

    const bad = await callApi(service.url, admin, 'POST', '/accounts', { username: 'li', displayName: '李', role: 'caseworker', districts: ['330302'], password: 'secret-pass-001' });
    expect(bad).toMatchObject({ status: 400, body: { field: 'districts' } });
    expect((await callApi(service.url, admin, 'POST', '/accounts', { username: 'Li Si', displayName: '李', role: 'caseworker', password: 'secret-pass-001' })).body).toMatchObject({ field: 'username' });
    const made = await callApi(service.url, admin, 'POST', '/accounts', { username: 'li', displayName: '李四', role: 'caseworker', districts: ['440803'], password: 'secret-pass-001' });
    expect(made).toMatchObject({ status: 201, body: { account: { username: 'li', role: 'caseworker', districts: ['440803'], disabled: false } } });
    expect((await callApi(service.url, admin, 'POST', '/accounts', { username: 'li', displayName: '李四', role: 'caseworker', password: 'secret-pass-001' })).status).toBe(409);
    const id = (made.body.account as { id: string }).id;

    const li = await loginAs(service.url, 'li', 'secret-pass-001');
    expect((await callApi(service.url, admin, 'POST', `/accounts/${id}/disable`, {})).body).toMatchObject({ account: { disabled: true } });
    expect((await callApi(service.url, li, 'GET', '/cases?status=new')).status).toBe(401);
    const refused = await fetch(`${service.url}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'li', password: 'secret-pass-001' }) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain('停用');

    expect((await callApi(service.url, admin, 'POST', `/accounts/${id}/enable`, {})).body).toMatchObject({ account: { disabled: false } });
    expect((await callApi(service.url, admin, 'POST', `/accounts/${id}/reset-password`, { password: 'secret-pass-002' })).status).toBe(200);
    await expect(loginAs(service.url, 'li', 'secret-pass-001')).rejects.toThrow(/401/);
    expect(await loginAs(service.url, 'li', 'secret-pass-002')).toBeTruthy();
    expect((await callApi(service.url, admin, 'POST', `/accounts/${randomUUID()}/disable`, {})).status).toBe(404);

    const listed = (await callApi(service.url, admin, 'GET', '/accounts')).body.accounts as { username: string }[];
    expect(listed.map((a) => a.username)).toEqual(expect.arrayContaining(['demo', 'demo-admin', 'demo-district', 'li']));
    const actions = (await db.prisma.auditEvent.findMany({ where: { subjectId: id, action: { startsWith: 'account.' } }, orderBy: { at: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['account.created', 'account.disabled', 'account.enabled', 'account.password_reset']);
  });
});

describe('district scope', () => {
  it("a district caseworker sees their district's cases and gets 404 for another district's, by list, URL and action", async () => {
    const own = await fileCase('440802');
    const other = await fileCase('440803');
    const district = await loginAs(service.url, 'demo-district', PW);
    const city = await loginAs(service.url, 'demo', PW);

    const seen = (await listCases(service.url, district, 'new')).map((c) => c.id);
    expect(seen).toContain(own);
    expect(seen).not.toContain(other);
    expect((await listCases(service.url, city, 'new')).map((c) => c.id)).toEqual(expect.arrayContaining([own, other]));

    expect((await callApi(service.url, district, 'GET', `/cases/${own}`)).status).toBe(200);
    for (const [method, path, body] of [['GET', `/cases/${other}`, undefined], ['POST', `/cases/${other}/claim`, {}], ['POST', `/cases/${other}/notes`, { text: '看看' }], ['POST', `/cases/${other}/close`, { reason: '越权' }]] as const) {
      const answer = await callApi(service.url, district, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.message).toContain('找不到');
    }
    expect((await db.prisma.handoffCase.findUniqueOrThrow({ where: { id: other } })).caseworkerId).toBeNull();
    expect((await callApi(service.url, district, 'GET', '/registrations?region=440803')).status).toBe(403);
  });
});
