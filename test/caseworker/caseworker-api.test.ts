// The caseworker API: login with a real KDF, bearer sessions, and every query scoped to the region.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll } from 'vitest';
import { describe, expect, test as it } from '../support/fixtures.ts';
import { createCaseworkerRouter } from '../../src/caseworker/caseworker-router.ts';
import { hashPassword, verifyPassword } from '../../src/caseworker/password-hash.ts';

let server: Server;
let base = '';

const submission = (idNumber: string, name: string) => ({
  submission: { name, idNumber, phone: '13812345678', birthDate: '1990-05-15', sex: 'M' as const, reason: 'lost_job' as const },
  locale: 'zh-CN', conversationKey: `t:${name}`, channel: 'test', userKey: name, reference: '{}', at: new Date(),
});

it.beforeAll(async ({ fileDatabase }) => {
  const zhanjiang = fileDatabase.reposFor('440802');
  const wenzhou = fileDatabase.reposFor('330302');
  const first = submission('330302199005151235', '湛江甲');
  await zhanjiang.registrations.submit({ ...first, submission: { ...first.submission, details: { skills: '电工，电话 13900001111' } } });
  await wenzhou.registrations.submit(submission('230102197503014563', '温州乙'));
  await zhanjiang.caseworkers.ensure({ username: 'zj', displayName: '湛江', regionCode: '440800', role: 'caseworker', districts: [], passwordHash: await hashPassword('pw-zj-123') });
  await zhanjiang.caseworkers.ensure({ username: 'wz', displayName: '温州', regionCode: '330300', role: 'caseworker', districts: [], passwordHash: await hashPassword('pw-wz-123') });
  const app = express();
  app.use('/api/caseworker', createCaseworkerRouter({ caseworkers: zhanjiang.caseworkers, registrations: zhanjiang.registrations, audit: zhanjiang.audit, sessionHours: 1 }));
  server = app.listen(0);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/caseworker`;
});

afterAll(() => {
  server?.close();
});

const login = (username: string, password: string) =>
  fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

async function tokenOf(username: string, password: string): Promise<string> {
  const body: { token: string } = await (await login(username, password)).json();
  return body.token;
}

describe('caseworker API', () => {
  it('stores passwords as scrypt hashes that verify only the right password', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
  });

  it('refuses a wrong password, an unknown user and a malformed body', async () => {
    expect((await login('zj', 'nope')).status).toBe(401);
    expect((await login('ghost', 'pw-zj-123')).status).toBe(401);
    const bad = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(bad.status).toBe(400);
  });

  it('refuses the registrations list without a login or with a forged token', async () => {
    expect((await fetch(`${base}/registrations`)).status).toBe(401);
    expect((await fetch(`${base}/registrations`, { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
  });

  it("shows a caseworker only their own region's registrations, ID numbers masked", async () => {
    const token = await tokenOf('zj', 'pw-zj-123');
    const res = await fetch(`${base}/registrations`, { headers: { authorization: `Bearer ${token}` } });
    const body: { registrations: { name: string; idNumber: string }[] } = await res.json();
    expect(body.registrations.map((r) => r.name)).toEqual(['湛江甲']);
    expect(body.registrations[0]?.idNumber).toBe('3303************35');
    // Free-text answers are shown masked too: someone may type a number into them.
    expect(JSON.stringify(body)).not.toContain('13900001111');
    expect(JSON.stringify(body)).toContain('139****1111');
  });

  it("refuses another region's data with 403", async () => {
    const token = await tokenOf('zj', 'pw-zj-123');
    const res = await fetch(`${base}/registrations?region=330302`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    const wz = await tokenOf('wz', 'pw-wz-123');
    const own: { registrations: { name: string }[] } = await (await fetch(`${base}/registrations`, { headers: { authorization: `Bearer ${wz}` } })).json();
    expect(own.registrations.map((r) => r.name)).toEqual(['温州乙']);
  });
});
