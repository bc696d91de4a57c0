// Moving a registration to another place (R1.2.1) on a service for the whole of Guangdong (440000), whose
// districts fall under different region packs: Zhanjiang (440802, the 12333 quota) and Guangzhou (440106, the
// national fallback). The next tick re-plans the open rows under the new pack (offers the new pack does not ask for
// are cancelled, check-ins cite its rule, no row is added); the first contact, already made, is not owed again.
// Only a caseworker whose scope holds the new place may move it; every move is audited with a history row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { seedPerson } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { addCaseworker, callApi, loginAs } from '../support/console-api.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createOutreachRepository } from '../../src/persistence/outreach-repository.ts';
import type { RunningService } from '../../src/main.ts';

const config = tempServiceConfig({ REGION: '440000', OUTREACH_HORIZON_DAYS: '400' });
let clock = new Date('2026-03-03T02:00:00.000Z');
let service: RunningService;
let db: Database;
let user: DirectlineTestClient;
let province = '';
let zhanjiang = '';
let personId = '';

const rows = async () => createOutreachRepository(db.prisma).listForJobSeeker(personId);
const move = (token: string, body: Record<string, unknown>) => callApi(service.url, token, 'POST', `/people/${personId}/registration-place`, body);

beforeAll(async () => {
  service = await startTestService(config, { now: () => clock });
  await addCaseworker(config, { username: 'zj', password: 'pw-zj-123', displayName: '湛江李四', regionCode: '440800' });
  province = await loginAs(service.url, 'demo', 'jiuyebang-demo');
  zhanjiang = await loginAs(service.url, 'zj', 'pw-zj-123');
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  user = await connect(service.url);
  // Registered 2026-03-02 in Chikan, Zhanjiang, reachable on web chat: the first tick makes the first contact.
  personId = (await seedPerson(db.prisma, { regionCode: '440802', name: '迁移丙' })).jobSeekerId;
  await db.prisma.channelAddress.create({ data: { id: 'a-move', channel: 'webchat', userKey: 'u-move', conversationId: `webchat:${user.conversationId}`, reference: '{}', jobSeekerId: personId } });
}, 60_000);

afterAll(async () => {
  user?.end();
  await db?.close();
  await service?.stop();
});

describe('moving a registration to another place', () => {
  it('is refused outside the caller\'s scope, for the same place and without a reason', async () => {
    expect(await move(zhanjiang, { regionCode: '440106', reason: '本人搬到广州天河区' })).toMatchObject({ status: 403, body: { error: 'out_of_scope' } });
    expect(await move(province, { regionCode: '440802', reason: '核对' })).toMatchObject({ status: 409, body: { error: 'same_place' } });
    expect((await move(province, { regionCode: '4401', reason: '本人搬家' })).status).toBe(400);
    expect((await move(province, { regionCode: '440106' })).status).toBe(400);
    expect(await db.prisma.registration.count({ where: { jobSeekerId: personId, regionCode: '440802' } })).toBe(1);
  });

  it('re-plans the open rows under the new pack on the next tick, without owing the first contact again', async () => {
    expect(await service.tick(clock)).toMatchObject({ sent: 1 });
    const before = await rows();
    expect(before.filter((r) => r.kind === 'first_contact').map((r) => r.status)).toEqual(['sent']);
    expect(before.filter((r) => r.kind === 'quota_jobs' && r.status === 'pending')).toHaveLength(3);
    expect(new Set(before.filter((r) => r.kind === 'check_in').map((r) => r.clause))).toEqual(new Set(['zhanjiang-2021#四(二)']));

    const moved = await move(province, { regionCode: '440106', reason: '本人搬到广州天河区居住' });
    expect(moved).toMatchObject({ status: 200, body: { from: '440802', to: '440106', pack: 'national' } });
    clock = new Date('2026-03-03T02:05:00.000Z');
    await service.tick(clock);

    const after = await rows();
    expect(after).toHaveLength(before.length);
    expect(after.filter((r) => r.kind === 'first_contact').map((r) => r.status)).toEqual(['sent']);
    expect(after.filter((r) => r.kind.startsWith('quota_') && r.status === 'pending')).toEqual([]);
    const checkIns = after.filter((r) => r.kind === 'check_in' && r.status === 'pending');
    expect(checkIns.map((r) => r.period)).toEqual(before.filter((r) => r.kind === 'check_in' && r.status === 'pending').map((r) => r.period));
    expect(new Set(checkIns.map((r) => r.clause))).toEqual(new Set(['decision:MONTHLY_FOLLOW_UP_EVERYWHERE@wenzhou-2022#二(二)']));
  });

  it('shows the move in the registration history, audits it, and leaves the old scope', async () => {
    const view = (await callApi(service.url, province, 'GET', `/people/${personId}`)).body as unknown as { person: { regionCode: string }; registrations: { regionCode: string; history: { note: string | null }[] }[] };
    expect(view.person.regionCode).toBe('440106');
    expect(view.registrations[0]?.regionCode).toBe('440106');
    expect(view.registrations[0]?.history.map((h) => h.note)).toContain('440802 → 440106: 本人搬到广州天河区居住');
    expect(await db.prisma.auditEvent.count({ where: { action: 'registration.moved', details: { contains: '440106' } } })).toBe(1);
    expect((await callApi(service.url, zhanjiang, 'GET', `/people/${personId}`)).status).toBe(404);
  });
});
