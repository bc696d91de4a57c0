// The monthly check-in over web chat, end to end: the service's own tick sends the follow-up question with its
// buttons into the person's Direct Line conversation (official client), the person taps one, and the reply lands in
// the ledger next to the delivered check-in, which counts once however often the tick runs.
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

let service: RunningService | undefined;
let client: DirectlineTestClient | undefined;
let database: Database | undefined;
afterAll(async () => {
  client?.end();
  await database?.close();
  await service?.stop();
});

describe('monthly check-in on web chat', () => {
  it('arrives with buttons; the reply is recorded in the ledger', { timeout: 60_000 }, async () => {
    const config = tempServiceConfig();
    service = await startTestService(config);
    client = await connect(service.url);
    database = openDatabase(config.DATABASE_URL);
    await database.ready;
    const db = database.prisma;
    // Registered 2026-02-03 in Zhanjiang: the first monthly check-in is due Tuesday 2026-03-03.
    await db.jobSeeker.create({ data: { id: 'p1', regionCode: '440800', locale: 'zh-CN', consentAt: new Date('2026-02-03T02:00:00Z') } });
    await db.registration.create({ data: { id: 'r1', jobSeekerId: 'p1', regionCode: '440800', status: 'registered', registeredAt: new Date('2026-02-03T02:00:00Z'), reason: 'lost_job' } });
    // The first contact was made in February (a first contact is owed until made, and would go out first).
    await db.outreachTask.create({ data: { id: 't-first', jobSeekerId: 'p1', registrationId: 'r1', kind: 'first_contact', dueAt: new Date('2026-02-04T02:00:00Z'), idempotencyKey: 'first_contact:r1', status: 'sent', doneAt: new Date('2026-02-04T02:00:00Z') } });
    await db.channelAddress.create({ data: { id: 'a1', channel: 'webchat', userKey: 'u-p1', conversationId: `webchat:${client.conversationId}`, reference: '{}', jobSeekerId: 'p1' } });

    const night = await service.tick(new Date('2026-03-03T22:00:00+08:00'));
    expect(night).toMatchObject({ sent: 0 });
    const morning = await service.tick(new Date('2026-03-04T10:00:00+08:00'));
    expect(morning).toMatchObject({ sent: 1, failed: 0 });
    const prompt = await client.waitForBotReply((m) => String(m.text ?? '').includes('最近的情况'), 15_000);
    expect(prompt.text).toBe('您好！想了解一下您最近的情况：');
    expect(client.suggestedActions()).toContain('还在找工作');
    expect(client.suggestedActions()).toContain('找到工作了');
    // The same tick again: nothing more is sent.
    expect(await service.tick(new Date('2026-03-04T10:05:00+08:00'))).toMatchObject({ sent: 0 });

    await client.say('还在找工作');
    await client.waitForBotReply((m) => m.id !== prompt.id, 15_000);
    await expect.poll(async () => db.contactRecord.findMany({ where: { jobSeekerId: 'p1' }, orderBy: { kind: 'asc' }, select: { kind: true, outcome: true, serviceKinds: true } }), { timeout: 10_000 })
      .toEqual([{ kind: 'follow_up_reply', outcome: 'looking', serviceKinds: '[]' }, { kind: 'outreach_check_in', outcome: 'delivered', serviceKinds: '[]' }]);
    expect(await db.outreachTask.findMany({ where: { jobSeekerId: 'p1', kind: 'check_in', status: { not: 'pending' } }, select: { status: true, channel: true, period: true } })).toEqual([{ status: 'sent', channel: 'webchat', period: 'm1' }]);
  });
});
