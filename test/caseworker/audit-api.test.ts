// Supervisors search the audit trail by person, caseworker, action and Beijing date, and export it as CSV and
// XLSX (read back with exceljs) with ID and phone numbers masked; rows about another district's people never
// show; caseworkers may not search; every search and export is itself audited.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/app-config.ts';
import { DEMO_CASEWORKER } from '../../src/caseworker/demo-data.ts';
import { hashPassword } from '../../src/caseworker/password-hash.ts';
import type { RunningService } from '../../src/main.ts';
import { createCaseworkerRepository } from '../../src/persistence/caseworker-repository.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { callApi, loginAs } from '../support/console-api.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';

let config: AppConfig;
let service: RunningService;
let db: Database;
const PW = DEMO_CASEWORKER.password;
const chikanPerson = randomUUID();
const xiashanPerson = randomUUID();

interface EventJson { actor: string; action: string; subjectId: string | null; details: Record<string, unknown> }

beforeAll(async () => {
  config = tempServiceConfig();
  service = await startTestService(config);
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  await createCaseworkerRepository(db.prisma).ensure({ username: 'chikan-boss', displayName: '赤坎科长', regionCode: '440800', role: 'supervisor', districts: ['440802'], passwordHash: await hashPassword('chikan-boss-pw-1') });
  await db.prisma.jobSeeker.createMany({ data: [{ id: chikanPerson, regionCode: '440802', name: '赤坎甲' }, { id: xiashanPerson, regionCode: '440803', name: '霞山乙' }] });
  const caseId = randomUUID();
  await db.prisma.handoffCase.create({ data: { id: caseId, jobSeekerId: chikanPerson, conversationKey: `webchat:${caseId}`, regionCode: '440802', reason: 'user_request' } });
  // Rows written before masking was complete must still leave the service masked: these are raw.
  await db.prisma.auditEvent.createMany({ data: [
    { id: randomUUID(), at: new Date('2026-11-30T17:00:00Z'), actor: 'caseworker:demo', action: 'person.viewed', subjectType: 'job_seeker', subjectId: chikanPerson, details: JSON.stringify({ idNumber: '440802199001011234', phone: '13812345678' }) },
    { id: randomUUID(), at: new Date('2026-11-30T15:59:00Z'), actor: 'caseworker:demo', action: 'handoff.viewed', subjectType: 'handoff_case', subjectId: caseId, details: '{}' },
    { id: randomUUID(), at: new Date('2026-11-30T17:00:00Z'), actor: 'caseworker:demo', action: 'person.viewed', subjectType: 'job_seeker', subjectId: xiashanPerson, details: JSON.stringify({ note: '霞山' }) },
  ] });
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

const events = (body: Record<string, unknown>) => body.events as EventJson[];

describe('audit search', () => {
  it('finds rows by person (their own and their cases), caseworker, action and Beijing date, masked', async () => {
    const boss = await loginAs(service.url, 'demo-supervisor', PW);
    const byPerson = events((await callApi(service.url, boss, 'GET', `/audit?person=${chikanPerson}`)).body);
    expect(byPerson.map((e) => e.action).sort()).toEqual(['handoff.viewed', 'person.viewed']);
    const viewed = byPerson.find((e) => e.action === 'person.viewed')!;
    expect(JSON.stringify(viewed.details)).not.toMatch(/199001011234|12345678/);
    expect(viewed.details).toMatchObject({ phone: '138****5678' });

    // 2026-11-30T17:00Z is 1 December in Beijing; 15:59Z is still 30 November.
    const december = events((await callApi(service.url, boss, 'GET', '/audit?from=2026-12-01&to=2026-12-01&caseworker=demo')).body);
    expect(december.map((e) => e.subjectId).sort()).toEqual([chikanPerson, xiashanPerson].sort());
    const november = events((await callApi(service.url, boss, 'GET', '/audit?to=2026-11-30&action=handoff.')).body);
    expect(november.map((e) => e.action)).toEqual(['handoff.viewed']);
    expect((await callApi(service.url, boss, 'GET', '/audit?from=2026-12-02&to=2026-12-01')).body).toMatchObject({ field: 'to' });
    // A seeded person's id (demo-0000001) is a valid shape; one that no stored id could have is refused by its form.
    expect((await callApi(service.url, boss, 'GET', `/audit?person=${encodeURIComponent("x' OR 1=1")}`)).body).toMatchObject({ field: 'person', message: '人员编号格式不正确。' });
    const unknown = await callApi(service.url, boss, 'GET', '/audit?person=demo-9999999');
    expect({ status: unknown.status, body: unknown.body }).toMatchObject({ status: 404, body: { message: '找不到该人员，或其不属于您的辖区。' } });

    const searched = await db.prisma.auditEvent.findFirst({ where: { action: 'audit.searched', actor: 'caseworker:demo-supervisor', subjectType: 'job_seeker', subjectId: chikanPerson } });
    expect(searched).not.toBeNull();
  });

  it("shows a district supervisor only their district's rows and 404 for another district's person", async () => {
    const chikan = await loginAs(service.url, 'chikan-boss', 'chikan-boss-pw-1');
    const all = events((await callApi(service.url, chikan, 'GET', '/audit?caseworker=demo')).body);
    expect(all.map((e) => e.subjectId)).toContain(chikanPerson);
    expect(all.map((e) => e.subjectId)).not.toContain(xiashanPerson);
    expect((await callApi(service.url, chikan, 'GET', `/audit?person=${xiashanPerson}`)).status).toBe(404);
  });

  it('refuses caseworkers', async () => {
    const worker = await loginAs(service.url, 'demo', PW);
    expect(await callApi(service.url, worker, 'GET', '/audit')).toMatchObject({ status: 403, body: { error: 'forbidden_role' } });
  });

  it('exports CSV and XLSX with Chinese headers and masked numbers only', async () => {
    const boss = await loginAs(service.url, 'demo-supervisor', PW);
    const csv = await fetch(`${service.url}/api/caseworker/audit/export?format=csv&person=${chikanPerson}`, { headers: { authorization: `Bearer ${boss}` } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('时间（北京时间）,操作人,操作,对象类型,对象编号,详情');
    expect(text).toContain('2026-12-01 01:00:00');
    expect(text).toContain('138****5678');
    expect(text).not.toMatch(/13812345678|440802199001011234/);

    const xlsx = await fetch(`${service.url}/api/caseworker/audit/export?format=xlsx&person=${chikanPerson}`, { headers: { authorization: `Bearer ${boss}` } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '时间（北京时间）', '操作人', '操作', '对象类型', '对象编号', '详情']);
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain('person.viewed');
    expect(cells).toContain('138****5678');
    expect(cells).not.toMatch(/13812345678|440802199001011234/);
    expect(await db.prisma.auditEvent.count({ where: { action: 'audit.exported' } })).toBe(2);
  });
});
