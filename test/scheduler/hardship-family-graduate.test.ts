// R1.4.3 (W 二(二)): a graduate from a hardship family (困难家庭离校未就业高校毕业生, answered at registration) is
// planned the pack's hardship interval, with the graduates' first contact; another graduate stays monthly. Setting
// the flag later re-plans the open rows on the next tick.
import { afterEach, describe, expect, it } from 'vitest';
import { selectRegionPack } from '../../src/domain/regions/select-region-pack.ts';
import { beijingAt, insertRegistrants, makeCity, openWorld, packs, tickOf, type World } from './outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

describe('graduates from hardship families', () => {
  it('get check-ins every 14 days citing the hardship interval; a change of the flag re-plans', async () => {
    world = await openWorld();
    const db = world.database.prisma;
    // p00003 and p00013: Wenzhou (330302) graduates registered on 2 March 2026.
    await insertRegistrants(world, makeCity(14, beijingAt('2026-03-02', '08:00'), 1));
    await db.registration.update({ where: { id: 'r00003' }, data: { hardshipFamily: true } });
    const tick = tickOf(world, []);
    await tick(beijingAt('2026-03-02', '22:00'));
    const wenzhou = selectRegionPack(packs, '330302', '2026-03-02').followUp;
    const rows = (registrationId: string) => db.outreachTask.findMany({ where: { registrationId, status: 'pending' }, orderBy: { dueAt: 'asc' }, select: { kind: true, period: true, clause: true, deadlineAt: true } });

    const family = await rows('r00003');
    expect(family.filter((r) => r.kind === 'check_in').map((r) => [r.period, r.clause])).toEqual([
      ['d14', wenzhou.hardshipInterval.source], ['d28', wenzhou.hardshipInterval.source],
    ]);
    expect(family.find((r) => r.kind === 'first_contact')?.clause).toBe(wenzhou.graduateFirstContact.source);
    const other = await rows('r00013');
    expect(other.filter((r) => r.kind === 'check_in').map((r) => [r.period, r.clause])).toEqual([['m1', wenzhou.monthly.source]]);

    // A caseworker learns later that r00013's family is in hardship: the next tick plans the 14-day rows instead.
    await db.registration.update({ where: { id: 'r00013' }, data: { hardshipFamily: true } });
    await tick(beijingAt('2026-03-02', '23:00'));
    expect((await rows('r00013')).filter((r) => r.kind === 'check_in').map((r) => r.period)).toEqual(['d14', 'd28']);
    expect(await db.outreachTask.count({ where: { registrationId: 'r00013', kind: 'check_in', period: 'm1', status: 'cancelled' } })).toBe(1);
  });
});
