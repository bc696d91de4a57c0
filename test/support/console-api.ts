// Helpers for console tests: add caseworkers to a running service's database, log in, call the case API.
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../src/config/app-config.ts';
import { hashPassword } from '../../src/caseworker/password-hash.ts';
import type { CaseworkerRole } from '../../src/caseworker/session-auth.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';

export async function addCaseworker(config: AppConfig, worker: { username: string; password: string; displayName: string; regionCode: string; role?: CaseworkerRole; districts?: string[] }): Promise<void> {
  const db = openDatabase(config.DATABASE_URL);
  await db.ready;
  const repos = createRepositories(db.prisma, createPiiCipher(randomBytes(32)), worker.regionCode);
  await repos.caseworkers.ensure({ username: worker.username, displayName: worker.displayName, regionCode: worker.regionCode, role: worker.role ?? 'caseworker', districts: worker.districts ?? [], passwordHash: await hashPassword(worker.password) });
  await db.close();
}

export async function loginAs(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const body: { token: string } = await res.json();
  return body.token;
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown> & { message?: string };
}

export async function callApi(baseUrl: string, token: string | null, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}/api/caseworker${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as ApiAnswer['body'] };
}

export interface CaseJson {
  id: string;
  status: string;
  kind: string;
  reason: string;
  openedAt: string;
  dueBy: string;
  overdue: boolean;
  claimedBy: { username: string; displayName: string } | null;
  person: { name: string | null; idNumber: string | null; phone: string | null; channel: string };
  messages?: { direction: string; sender: string; text: string }[];
}

export async function listCases(baseUrl: string, token: string, status: string): Promise<CaseJson[]> {
  const answer = await callApi(baseUrl, token, 'GET', `/cases?status=${status}`);
  if (answer.status !== 200) throw new Error(`list ${status}: ${answer.status}`);
  return (answer.body as unknown as { cases: CaseJson[] }).cases;
}

export async function waitUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}
