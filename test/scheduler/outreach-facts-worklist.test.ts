// Facts, never decisions: a person no channel can reach for 6 months goes on the caseworkers' work list once as a
// NO_CONTACT deregistration fact with its clause; the registration is left as it was.
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
      expect(JSON.parse(c.details)).toMatchObject({ clause: ground?.clause, source: 'outreach' });
    }
    expect(await w.database.prisma.registration.count({ where: { status: 'registered' } })).toBe(3);
  });
});
