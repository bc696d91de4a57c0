// The delivery store's lease on both databases: only the worker holding a task may mark it in flight, record it sent
// (with its ledger, audit and catalogue rows) or settle it; a worker taking it over after the lease lapsed reads the
// in-flight marker, and may record it unconfirmed (no ledger row) — while the old holder's writes change nothing.
import type { Db } from '../../src/persistence/database.ts';
import { createOutreachDeliveryRepository } from '../../src/persistence/outreach-delivery-repository.ts';
import type { Lease } from '../../src/delivery/delivery-ports.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const T0 = new Date('2026-03-03T02:00:00.000Z'); // Tuesday 10:00 Beijing
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const lease = (owner: string, seconds: number): Lease => ({ owner, at: at(seconds), until: at(seconds + 300) });
const receipt = (channel: string) => ({ channel, receipt: 'r1', at: T0, quotaKind: 'policy', catalogItemId: null });

async function twoTasks(db: Db): Promise<void> {
  await db.jobSeeker.create({ data: { id: 'amy', regionCode: '440802' } });
  for (const id of ['t1', 't2']) {
    await db.outreachTask.create({ data: { id, jobSeekerId: 'amy', kind: 'quota_policy', dueAt: at(-3600), idempotencyKey: `k-${id}`, period: 'y1' } });
  }
}

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('outreach delivery leases on %s', (_name, provider) => {
  it.override({ provider });

  it('only the holder marks a send in flight or records it; a taker sees the marker and may record it unconfirmed', async ({ testDatabase }) => {
    const db = testDatabase.database.prisma;
    const store = createOutreachDeliveryRepository(db);
    await twoTasks(db);
    expect((await store.claimDue(T0, lease('a', 0), 10)).map((t) => [t.id, t.inFlight])).toEqual([['t1', null], ['t2', null]]);

    // Only the holder writes the marker; it renews that task's lease.
    expect(await store.beginSend('t1', 'sms', lease('b', 10))).toBe(false);
    expect(await store.beginSend('t1', 'sms', lease('a', 10))).toBe(true);
    expect(await db.outreachTask.findUniqueOrThrow({ where: { id: 't1' } })).toMatchObject({ inFlightChannel: 'sms', inFlightAt: at(10), lockedUntil: at(310), leaseOwner: 'a' });
    // Renewal extends only what the owner holds.
    expect(await store.renewLeases(['t1', 't2'], lease('b', 20))).toBe(0);
    expect(await store.renewLeases(['t2'], lease('a', 20))).toBe(1);
    // Past the claim's lease but not the renewed ones, by another worker's clock: nothing to claim.
    expect(await store.claimDue(T0, lease('b', 305), 10)).toEqual([]);

    // Past both leases, b takes the tasks over and reads the marker a left.
    const taken = await store.claimDue(T0, lease('b', 400), 10);
    expect(taken.map((t) => [t.id, t.inFlight])).toEqual([['t1', { channel: 'sms', since: at(10) }], ['t2', null]]);

    // a finishes its send late: nothing it writes lands.
    expect(await store.markSent('t1', 'a', receipt('sms'))).toBe(false);
    expect(await store.beginSend('t2', 'sms', lease('a', 401))).toBe(false);
    await store.reschedule('t2', 'a', { availableAt: at(9999), reason: 'x', failed: true });
    await store.finish('t2', 'a', { status: 'undeliverable', reason: 'x', at: T0 });
    expect(await store.markUnconfirmed('t1', 'a', { inFlight: { channel: 'sms', since: at(10) }, at: T0 })).toBe(false);
    expect(await db.outreachTask.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, leaseOwner: true, attempts: true } })).toEqual([
      { id: 't1', status: 'sending', leaseOwner: 'b', attempts: 0 },
      { id: 't2', status: 'sending', leaseOwner: 'b', attempts: 0 },
    ]);
    expect(await db.contactRecord.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);

    // b settles them: t1 unconfirmed (marker kept, audited, not in the ledger), t2 sent (ledger row, marker gone).
    expect(await store.markUnconfirmed('t1', 'b', { inFlight: { channel: 'sms', since: at(10) }, at: at(400) })).toBe(true);
    expect(await store.beginSend('t2', 'webchat', lease('b', 401))).toBe(true);
    expect(await store.markSent('t2', 'b', receipt('webchat'))).toBe(true);
    expect(await store.markSent('t2', 'b', receipt('webchat'))).toBe(false);
    const rows = await db.outreachTask.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, leaseOwner: true, lockedUntil: true, inFlightChannel: true, lastError: true } });
    expect(rows).toEqual([
      { id: 't1', status: 'unconfirmed', leaseOwner: null, lockedUntil: null, inFlightChannel: 'sms', lastError: 'sms:send_unconfirmed' },
      { id: 't2', status: 'sent', leaseOwner: null, lockedUntil: null, inFlightChannel: null, lastError: null },
    ]);
    expect((await db.contactRecord.findMany()).map((c) => [c.id, c.channel])).toEqual([['outreach:t2', 'webchat']]);
    expect((await db.auditEvent.findMany({ orderBy: { action: 'asc' } })).map((e) => [e.action, e.subjectId])).toEqual([['outreach.sent', 't2'], ['outreach.unconfirmed', 't1']]);
  });
});
