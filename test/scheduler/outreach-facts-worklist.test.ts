// Facts, never decisions: a person no channel can reach for 6 months goes on the caseworkers' work list once as a
// NO_CONTACT deregistration fact with its clause; the registration is left as it was. Every candidate is checked
// (page after page, beyond the first thousand), and "不需要服务" after three delivered check-ins in a row files
// REFUSED_SERVICES (outreach's own sends between the replies do not break the run).
import { afterEach, describe, expect, it } from 'vitest';
import { selectRegionPack } from '../../src/domain/regions/select-region-pack.ts';
import { beijingAt, insertRegistrants, loopChannel, makeCity, openWorld, packs, tickOf, type World } from './outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

describe('outreach facts on the work list', () => {
  it('unreachable for 6 months: one work-list item, undeliverable reasons kept, no deregistration', async () => {
    world = await openWorld();
    const w = world;
    await insertRegistrants(w, makeCity(3, beijingAt('2026-03-02', '08:00'), 1));
    let clock = beijingAt('2026-03-03', '10:00');
    const channel = loopChannel(() => clock);
    channel.fail = () => ({ ok: false, retryable: false, code: 'blocked_by_user' });
    const tick = tickOf(w, [channel], { facts: true });
    expect(await tick(clock)).toMatchObject({ sent: 0, failed: 3 });
    expect(await w.database.prisma.outreachTask.findMany({ where: { kind: 'first_contact' }, select: { status: true, lastError: true } }))
      .toEqual(Array.from({ length: 3 }, () => ({ status: 'undeliverable', lastError: 'loop:blocked_by_user' })));
    expect(await w.database.prisma.handoffCase.count()).toBe(0);

    clock = beijingAt('2026-09-02', '10:00');
    await tick(clock);
    await tick(beijingAt('2026-09-02', '15:00'));
    const cases = await w.database.prisma.handoffCase.findMany({ select: { kind: true, reason: true, details: true, status: true, regionCode: true } });
    expect(cases).toHaveLength(3);
    for (const c of cases) {
      expect(c).toMatchObject({ kind: 'deregistration_fact', reason: 'NO_CONTACT', status: 'open' });
      // The region's own ground (Zhanjiang 二(一)9; Wenzhou's pack cites its own), not a generic one.
      const ground = selectRegionPack(packs, c.regionCode, '2026-09-02').deregistration.grounds.find((g) => g.code === 'NO_CONTACT');
      expect(JSON.parse(c.details)).toMatchObject({ clause: ground?.clause, source: 'outreach', facts: { monthsWithoutContact: 6 }, registrationId: expect.stringMatching(/^r\d{5}$/) });
    }
    expect(await w.database.prisma.registration.count({ where: { status: 'registered' } })).toBe(3);
  });

  it('checks every candidate, page after page: 1,100 unreachable people, 1,100 facts, none twice', { timeout: 120_000 }, async () => {
    world = await openWorld();
    const w = world;
    await insertRegistrants(w, makeCity(1100, beijingAt('2026-03-02', '08:00'), 1));
    const channel = loopChannel(() => beijingAt('2026-03-03', '10:00'));
    channel.fail = () => ({ ok: false, retryable: false, code: 'blocked_by_user' });
    const tick = tickOf(w, [channel], { facts: true });
    await tick(beijingAt('2026-03-03', '10:00'));
    expect(await w.database.prisma.outreachTask.count({ where: { kind: 'first_contact', status: 'undeliverable' } })).toBe(1100);
    await tick(beijingAt('2026-09-02', '21:00'));
    const filed = await w.database.prisma.handoffCase.groupBy({ by: ['jobSeekerId'], where: { kind: 'deregistration_fact', reason: 'NO_CONTACT' }, _count: { id: true } });
    expect(filed).toHaveLength(1100);
    expect(filed.every((f) => f._count.id === 1)).toBe(true);
    await tick(beijingAt('2026-09-03', '21:00'));
    expect(await w.database.prisma.handoffCase.count()).toBe(1100);
  });

  it('three "不需要服务" replies to delivered check-ins in a row file REFUSED_SERVICES once; two do not', async () => {
    world = await openWorld();
    const w = world;
    // One Zhanjiang person (440802), monthly check-ins over a channel that takes every message.
    await insertRegistrants(w, makeCity(1, beijingAt('2026-03-02', '08:00'), 1));
    let clock = beijingAt('2026-03-03', '10:00');
    const channel = loopChannel(() => clock);
    const tick = tickOf(w, [channel], { facts: true });
    await tick(clock);
    for (let month = 1; month <= 3; month += 1) {
      const next = await w.database.prisma.outreachTask.findFirstOrThrow({ where: { kind: 'check_in', status: 'pending' }, orderBy: { dueAt: 'asc' } });
      // Ticks until it goes out (a quota notice due the same day takes the one message a day first).
      let row = next;
      for (let i = 0; i < 10 && row.status === 'pending'; i += 1) {
        clock = new Date((row.availableAt ?? row.dueAt).getTime() + 3_600_000);
        await tick(clock);
        row = await w.database.prisma.outreachTask.findUniqueOrThrow({ where: { id: next.id } });
      }
      expect(row.status).toBe('sent');
      // The person taps "不需要服务" (follow-up dialog): the ledger row record-follow-up writes.
      await w.repos.ledger.record({ jobSeekerId: 'p00000', registrationId: 'r00000', kind: 'follow_up_reply', channel: 'loop', outcome: 'refused_service', actor: 'job_seeker', at: new Date(clock.getTime() + 600_000) });
      clock = new Date(clock.getTime() + 3_600_000);
      await tick(clock);
      const cases = await w.database.prisma.handoffCase.findMany({ select: { reason: true, details: true } });
      if (month < 3) expect(cases).toEqual([]);
      else {
        expect(cases.map((c) => c.reason)).toEqual(['REFUSED_SERVICES']);
        expect(JSON.parse(cases[0]?.details ?? '{}')).toMatchObject({ facts: { consecutiveRefusals: 3 }, registrationId: 'r00000', clause: 'zhanjiang-2021#二(一)8', forbiddenAsSoleGround: false });
      }
    }
    expect(await w.database.prisma.contactRecord.count({ where: { outcome: 'delivered' } })).toBeGreaterThanOrEqual(4);
    await tick(new Date(clock.getTime() + 86_400_000));
    expect(await w.database.prisma.handoffCase.count()).toBe(1);
  });
});
