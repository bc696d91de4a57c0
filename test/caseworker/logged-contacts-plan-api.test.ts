// Issue 12 on the real service: contacts a caseworker logs in the console count toward the quota and meet the
// month's check-in, so the next tick cancels the outreach rows they make unneeded (never duplicating one), and
// the person view and the quota report count each service once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPerson } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { callApi, loginAs } from '../support/console-api.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createOutreachRepository } from '../../src/persistence/outreach-repository.ts';
import type { RunningService } from '../../src/main.ts';

// Planned a whole quota year ahead, so the year's guidance rows exist before anything is logged.
const config = tempServiceConfig({ OUTREACH_HORIZON_DAYS: '400' });
let clock = new Date('2026-03-03T02:00:00.000Z');
let service: RunningService;
let db: Database;
let personId = '';

const rows = async (kind: string) => (await createOutreachRepository(db.prisma).listForJobSeeker(personId)).filter((r) => r.kind === kind);
const statuses = async (kind: string) => (await rows(kind)).map((r) => `${r.period}:${r.status}`);
const quotaOf = async (token: string) => {
  const body = (await callApi(service.url, token, 'GET', `/people/${personId}`)).body as unknown as { quota: { items: { kind: string; delivered: number; required: number }[] } };
  return body.quota.items.map((i) => [i.kind, i.delivered, i.required]);
};
const guidanceReport = async (token: string) => {
  const body = (await callApi(service.url, token, 'GET', '/reports/quota?month=2026-03')).body as unknown as { table: { rows: { kind: string; people: number; completed: number }[] } };
  return body.table.rows.find((r) => r.kind === 'guidance');
};

beforeAll(async () => {
  service = await startTestService(config, { now: () => clock });
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  // Registered 2026-03-02 in Zhanjiang (2 + 3 + 3 + 3 a year; monthly check-ins from 2026-04-02).
  personId = (await seedPerson(db.prisma, { regionCode: '440802', name: '李四' })).jobSeekerId;
  await service.tick(clock);
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

describe('caseworker-logged contacts and the outreach plan', () => {
  it('three guidance sessions logged in the console leave no guidance to send this year, and count once', async () => {
    expect(await statuses('quota_guidance')).toEqual(['y1-1:pending', 'y1-2:pending', 'y1-3:pending']);
    const demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    const before = await guidanceReport(demo);
    for (const content of ['职业指导：简历修改', '职业指导：面试辅导', '职业指导：职业规划']) {
      const logged = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'office_visit', content, outcome: 'reached', serviceKinds: ['guidance'] });
      expect(logged.status).toBe(201);
    }
    clock = new Date('2026-03-03T02:05:00.000Z');
    await service.tick(clock);
    expect(await statuses('quota_guidance')).toEqual(['y1-1:cancelled', 'y1-2:cancelled', 'y1-3:cancelled']);
    // The other kinds are still owed and still planned.
    expect(await statuses('quota_jobs')).toEqual(['y1-1:pending', 'y1-2:pending', 'y1-3:pending']);
    expect(await statuses('quota_policy')).toEqual(['y1-1:pending', 'y1-2:pending']);
    expect(await quotaOf(demo)).toEqual([['policy', 0, 2], ['guidance', 3, 3], ['jobs', 0, 3], ['training', 0, 3]]);
    const after = await guidanceReport(demo);
    expect(after?.people).toBe(before?.people);
    expect(after?.completed).toBe((before?.completed ?? 0) + 1);

    // Ticking again changes nothing and adds no row.
    const count = await db.prisma.outreachTask.count({ where: { jobSeekerId: personId } });
    clock = new Date('2026-03-03T02:10:00.000Z');
    await service.tick(clock);
    expect(await db.prisma.outreachTask.count({ where: { jobSeekerId: personId } })).toBe(count);
    expect(await statuses('quota_guidance')).toEqual(['y1-1:cancelled', 'y1-2:cancelled', 'y1-3:cancelled']);
  });

  it('a phone call in the month meets that month\'s check-in (one nobody answered does not): its row is cancelled, the next month\'s stays', async () => {
    // 2026-04-02 08:00 in Beijing: the m1 check-in goes out at 09:00 today (period 2026-04-02 … 2026-05-01).
    clock = new Date('2026-04-02T00:00:00.000Z');
    const demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    expect((await statuses('check_in')).slice(0, 2)).toEqual(['m1:pending', 'm2:pending']);
    // A call nobody answered reached nobody: it meets no check-in and cannot record a service.
    const withService = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'phone_call', content: '电话推荐岗位', outcome: 'no_answer', serviceKinds: ['jobs'] });
    expect([withService.status, withService.body.message]).toEqual([400, '未联系上当事人，不能记录提供的服务。']);
    expect((await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'phone_call', content: '电话回访', outcome: 'no_answer' })).status).toBe(201);
    await service.tick(clock);
    expect((await statuses('check_in')).slice(0, 2)).toEqual(['m1:pending', 'm2:pending']);
    const logged = await callApi(service.url, demo, 'POST', `/people/${personId}/contacts`, { way: 'phone_call', content: '电话回访求职情况：仍在找工作', outcome: 'reached' });
    expect(logged.status).toBe(201);
    await service.tick(clock);
    expect((await statuses('check_in')).slice(0, 2)).toEqual(['m1:cancelled', 'm2:pending']);
    expect((await rows('check_in'))[0]?.lastError).toBe('no_longer_owed');
  });
});
