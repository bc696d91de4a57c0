// The outreach planner's and the delivery worker's bulk writes on both databases (rows travel as one JSON parameter per
// statement): new rows once, moved and reopened rows updated, rows no longer owed cancelled, dates that read back to the
// instant planned; a batch's days taken in one statement and its deferrals written in one. On SQLite, planning holds
// while another process writes the same file (a second instance's tick).
import { spawn } from 'node:child_process';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';
import { sqlitePathOf, type Db } from '../../src/persistence/database.ts';
import { createOutreachDeliveryRepository } from '../../src/persistence/outreach-delivery-repository.ts';
import { planFor, planOutreach, type PlanningPolicy } from '../../src/scheduler/plan-outreach.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const NOW = new Date('2026-03-02T01:30:00.000Z'); // Monday 09:30 Beijing
const CREATED = new Date('2026-02-20T02:00:00.000Z');
const policy: PlanningPolicy = { packs: loadRegionPacks(), calendar: loadWorkCalendar(), horizonDays: 31, refillDays: 16, sendFrom: '09:00' };

async function registrant(db: Db, id: string, registeredAt: string, regionCode = '440802'): Promise<void> {
  await db.jobSeeker.create({ data: { id, regionCode, createdAt: CREATED, updatedAt: CREATED } });
  await db.registration.create({ data: { id: `${id}-r`, jobSeekerId: id, regionCode, status: 'registered', registeredAt: new Date(registeredAt), reason: 'lost_job', createdAt: CREATED, updatedAt: CREATED } });
}

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('outreach planning on %s', (_name, provider) => {
  it.override({ provider });

  it('plans each row once, moves and reopens open rows, cancels what is no longer owed', async ({ testDatabase }) => {
    const db = testDatabase.database.prisma;
    const outreach = testDatabase.reposFor('440800').outreach;
    await registrant(db, 'amy', '2026-02-26T02:00:00.000Z');
    await registrant(db, 'bo', '2026-01-05T02:00:00.000Z');
    await registrant(db, 'cai', '2025-12-10T02:00:00.000Z', '330302');

    const first = await planOutreach(outreach, policy, NOW);
    const rows = await db.outreachTask.findMany({ orderBy: { idempotencyKey: 'asc' } });
    expect(first).toEqual({ created: rows.length, updated: 0, cancelled: 0 });
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    // What the planner computed is what reads back: keys, instants, clauses, provisional flags.
    const [candidate] = await outreach.candidates({ refillBefore: '2099-01-01', afterId: 'amy-r', limit: 10 });
    expect(candidate?.registrationId).toBe('bo-r');
    const expected = planFor(candidate!, policy, NOW).rows;
    const bo = await outreach.listForJobSeeker('bo');
    expect(bo.map((r) => [r.kind, r.period, r.dueAt.toISOString(), r.deadlineAt?.toISOString(), r.clause, r.provisional]))
      .toEqual(expected.map((r) => [r.kind, r.period, r.dueAt.toISOString(), r.deadlineAt.toISOString(), r.clause, r.provisional]));
    expect(bo.map((r) => r.kind)).toContain('check_in');
    expect((await outreach.listForJobSeeker('amy')).map((r) => r.kind)).toContain('first_contact');

    // Nothing changed: nothing to plan, and the same plans applied again write nothing.
    expect(await planOutreach(outreach, policy, NOW)).toEqual({ created: 0, updated: 0, cancelled: 0 });
    const again = planFor(candidate!, policy, NOW);
    expect(await outreach.applyPlans([again], NOW)).toEqual({ created: 0, updated: 0, cancelled: 0 });

    // A row moved by hand and a row cancelled by hand are put back as planned.
    const [moved, reopened] = bo;
    await db.outreachTask.update({ where: { id: moved!.id }, data: { dueAt: new Date('2026-03-20T01:00:00.000Z'), availableAt: new Date('2026-03-21T01:00:00.000Z') } });
    await db.outreachTask.update({ where: { id: reopened!.id }, data: { status: 'cancelled', lastError: 'no_longer_owed' } });
    expect(await outreach.applyPlans([again], NOW)).toEqual({ created: 0, updated: 2, cancelled: 0 });
    const restored = await outreach.listForJobSeeker('bo');
    expect(restored.map((r) => [r.id, r.status, r.dueAt.toISOString()])).toEqual(bo.map((r) => [r.id, 'pending', r.dueAt.toISOString()]));
    expect((await db.outreachTask.findUnique({ where: { id: moved!.id } }))?.availableAt).toBeNull();

    // Hardship confirmed: the monthly check-ins in the window give way to the shorter interval.
    await db.registration.update({ where: { id: 'bo-r' }, data: { hardshipConfirmedAt: NOW, updatedAt: NOW } });
    const hardship = await planOutreach(outreach, policy, NOW);
    const after = await outreach.listForJobSeeker('bo');
    const pendingCheckIns = after.filter((r) => r.kind === 'check_in' && r.status === 'pending').map((r) => r.period);
    expect(pendingCheckIns.length).toBeGreaterThan(0);
    expect(pendingCheckIns.every((p) => p?.startsWith('d'))).toBe(true);
    const cancelledCheckIns = after.filter((r) => r.kind === 'check_in' && r.status === 'cancelled');
    expect(cancelledCheckIns.length).toBeGreaterThan(0);
    expect(cancelledCheckIns.every((r) => r.lastError === 'no_longer_owed' && r.period?.startsWith('m'))).toBe(true);
    expect(hardship).toEqual({ created: pendingCheckIns.length, updated: 0, cancelled: cancelledCheckIns.length });

    // Consent withdrawn: every pending row of that person is cancelled, others untouched.
    await db.jobSeeker.update({ where: { id: 'cai' }, data: { consentWithdrawnAt: NOW, updatedAt: NOW } });
    const caiRows = (await outreach.listForJobSeeker('cai')).length;
    expect(await planOutreach(outreach, policy, NOW)).toEqual({ created: 0, updated: 0, cancelled: caiRows });
    expect((await outreach.listForJobSeeker('cai')).every((r) => r.status === 'cancelled')).toBe(true);
    expect((await outreach.listForJobSeeker('amy')).every((r) => r.status === 'pending')).toBe(true);
  });
});

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('outreach delivery batches on %s', (_name, provider) => {
  it.override({ provider });

  it('takes each person\'s day once for a batch and defers the rest in one statement', async ({ testDatabase }) => {
    const db = testDatabase.database.prisma;
    const outreach = testDatabase.reposFor('440800').outreach;
    const deliveries = createOutreachDeliveryRepository(db);
    await registrant(db, 'amy', '2026-01-05T02:00:00.000Z');
    await registrant(db, 'bo', '2026-01-06T02:00:00.000Z');
    await planOutreach(outreach, policy, NOW);
    await db.outreachTask.updateMany({ data: { dueAt: NOW } });
    const claimed = await deliveries.claimDue(NOW, { owner: 'w1', at: NOW, until: new Date(NOW.getTime() + 300_000) }, 500);
    expect(claimed.length).toBe(await db.outreachTask.count());
    const [amy1, amy2] = claimed.filter((t) => t.jobSeekerId === 'amy');
    const [bo1] = claimed.filter((t) => t.jobSeekerId === 'bo');
    // Bo's day is already held by another of his tasks (an earlier attempt): the holder is reported, not the asker.
    const boHolder = claimed.filter((t) => t.jobSeekerId === 'bo')[1]!;
    expect(await deliveries.takeDay('bo', '2026-03-02', boHolder.id, NOW)).toBe(true);
    const holders = await deliveries.takeDays([{ jobSeekerId: 'amy', taskId: amy1!.id }, { jobSeekerId: 'bo', taskId: bo1!.id }], '2026-03-02', NOW);
    expect(holders).toEqual(new Map([['amy', amy1!.id], ['bo', boHolder.id]]));
    expect(await deliveries.takeDays([{ jobSeekerId: 'amy', taskId: amy2!.id }], '2026-03-02', NOW)).toEqual(new Map([['amy', amy1!.id]]));
    expect(await db.outreachDailySend.count()).toBe(2);

    const later = new Date('2026-03-03T01:00:00.000Z');
    await deliveries.rescheduleMany([amy2!.id, bo1!.id], 'someone-else', { availableAt: later, reason: 'daily_limit', failed: false });
    expect(await db.outreachTask.count({ where: { status: 'pending' } })).toBe(0);
    await deliveries.rescheduleMany([amy2!.id, bo1!.id], 'w1', { availableAt: later, reason: 'daily_limit', failed: true });
    const moved = await db.outreachTask.findMany({ where: { status: 'pending' }, orderBy: { id: 'asc' } });
    expect(moved.map((t) => [t.id, t.availableAt?.toISOString(), t.lastError, t.attempts, t.leaseOwner])).toEqual(
      [amy2!.id, bo1!.id].sort().map((id) => [id, later.toISOString(), 'daily_limit', 1, null]));
  });
});

describe('outreach planning on SQLite beside another instance', () => {
  it('plans while another process keeps writing to the same file, instead of failing with SQLITE_BUSY', { timeout: 120_000 }, async ({ testDatabase }) => {
    const db = testDatabase.database.prisma;
    const at = new Date('2026-03-02T00:00:00.000Z');
    const ids = Array.from({ length: 2000 }, (_, i) => i);
    await db.jobSeeker.createMany({ data: ids.map((i) => ({ id: `p${i}`, regionCode: '440802', consentAt: at })) });
    await db.registration.createMany({ data: ids.map((i) => ({ id: `p${i}-r`, jobSeekerId: `p${i}`, regionCode: '440802', status: 'registered', registeredAt: at, reason: 'lost_job' })) });
    // Another instance: commits as fast as it can, each one making a reader's snapshot stale.
    const script = `const Db = require('better-sqlite3'); const db = new Db(${JSON.stringify(sqlitePathOf(testDatabase.url))}, { timeout: 5000 });
      const insert = db.prepare("INSERT INTO \\"AuditEvent\\" (\\"id\\", \\"actor\\", \\"action\\", \\"subjectType\\", \\"at\\") VALUES (?, 'other', 'write', 'x', 0)");
      process.stdout.write('writing\\n'); for (let i = 0; ; i += 1) insert.run('w' + i);`;
    const writer = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => writer.stdout?.once('data', () => resolve()));
      const planned = await planOutreach(testDatabase.reposFor('440800').outreach, policy, new Date('2026-03-02T13:00:00.000Z'));
      expect(planned.created).toBeGreaterThan(2000);
    } finally {
      writer.kill('SIGKILL');
    }
    expect(await db.auditEvent.count({ where: { actor: 'other' } })).toBeGreaterThan(0);
  });
});
