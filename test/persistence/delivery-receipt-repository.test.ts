// Receipts recorded in the database, on SQLite and PostgreSQL: the same failed receipt arriving at two instances
// at once reopens the task once (ledger row, catalogue record and day taken back together, one audit row); a
// receipt after the task was sent again on another channel does not touch the new send.
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createDeliveryReceiptRepository } from '../../src/persistence/delivery-receipt-repository.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const AT = new Date('2026-03-03T02:00:00.000Z');

describe.each(['sqlite', 'postgres'] as const)('delivery receipts on %s', (provider) => {
  it.override({ provider });

  async function sentTask(db: Database['prisma']) {
    await db.jobSeeker.create({ data: { id: 'p1', regionCode: '440802', consentAt: AT } });
    await db.outreachTask.create({ data: { id: 't1', jobSeekerId: 'p1', kind: 'quota_jobs', dueAt: AT, idempotencyKey: 'p1:quota_jobs:y1-1', status: 'sent', doneAt: AT, channel: 'sms', receipt: 'sid-9' } });
    await db.contactRecord.create({ data: { id: 'outreach:t1', jobSeekerId: 'p1', kind: 'outreach_quota_jobs', channel: 'sms', outcome: 'delivered', serviceKinds: '["jobs"]', actor: 'scheduler', at: AT } });
    await db.catalogDelivery.create({ data: { jobSeekerId: 'p1', itemId: 'job-1', taskId: 't1', at: AT } });
    await db.outreachDailySend.create({ data: { jobSeekerId: 'p1', day: '2026-03-03', taskId: 't1', at: AT } });
  }

  it('the same failed receipt at two instances reopens the task once and takes back what it counted', async ({ databaseUrl, onTestFinished }) => {
    // PostgreSQL: two clients, as two instances have. SQLite: better-sqlite3 waits for a lock synchronously, so two
    // clients in one process would block each other's event loop; here concurrent calls share one connection.
    const instances = provider === 'postgres' ? [openDatabase(databaseUrl), openDatabase(databaseUrl)] : [openDatabase(databaseUrl)];
    onTestFinished(async () => void (await Promise.all(instances.map((d) => d.close()))));
    await Promise.all(instances.map((d) => d.ready));
    const db = instances[0]?.prisma;
    if (!db) throw new Error('no database');
    await sentTask(db);
    const receipt = { channel: 'sms', providerMessageId: 'sid-9', delivered: false, reason: 'UNDELIV', at: AT };
    const results = await Promise.all([0, 1, 2, 3].map((i) => createDeliveryReceiptRepository(instances[i % instances.length]?.prisma ?? db).record(receipt)));
    expect(results.filter((r) => r === 'reopened')).toHaveLength(1);
    expect(results.filter((r) => r !== 'reopened')).toEqual(['repeated', 'repeated', 'repeated']);
    expect(await db.outreachTask.findUniqueOrThrow({ where: { id: 't1' } })).toMatchObject({ status: 'pending', attempts: 1, receiptStatus: 'failed', doneAt: null, avoidChannels: '["sms"]' });
    expect(await db.contactRecord.count()).toBe(0);
    expect(await db.catalogDelivery.count()).toBe(0);
    expect(await db.outreachDailySend.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'outreach.receipt_failed', subjectId: 't1' } })).toBe(1);
  });

  it('a late receipt for an earlier send does not touch the task once it went out again elsewhere', async ({ databaseUrl, onTestFinished }) => {
    const database = openDatabase(databaseUrl);
    onTestFinished(() => database.close());
    await database.ready;
    const db = database.prisma;
    await sentTask(db);
    const receipts = createDeliveryReceiptRepository(db);
    expect(await receipts.record({ channel: 'sms', providerMessageId: 'sid-9', delivered: false, reason: null, at: AT })).toBe('reopened');
    await db.outreachTask.update({ where: { id: 't1' }, data: { status: 'sent', channel: 'loop', receipt: 'loop-1', receiptStatus: null } });
    expect(await receipts.record({ channel: 'sms', providerMessageId: 'sid-9', delivered: true, reason: null, at: AT })).toBe('unknown');
    expect(await db.outreachTask.findUniqueOrThrow({ where: { id: 't1' } })).toMatchObject({ status: 'sent', channel: 'loop', receiptStatus: null });
  });
});
