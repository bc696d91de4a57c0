// Delivery when things go wrong: a worker dies mid-tick right after a message went out (its leased rows are taken
// over once the lease lapses, the one in flight is resent under the same idempotency key, so the person gets it
// once), and two workers ticking at the same instant split the work without sending anything twice.
import { afterEach, describe, expect, it } from 'vitest';
import { serviceDateOf } from '../../src/config/service-time-zone.ts';
import type { OutboundChannel, OutboundText } from '../../src/conversation/ports.ts';
import { beijingAt, insertRegistrants, makeCity, openWorld, tickOf, type World } from '../scheduler/outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

/** Like web chat: a message whose idempotency key was seen is not shown again. `crashAfter` dies right after that many sends. */
function idempotentChannel(crashAfter = Infinity) {
  const delivered = new Map<string, string>();
  let calls = 0;
  const channel: OutboundChannel & { delivered: Map<string, string>; calls(): number } = {
    channel: 'loop',
    delivered,
    calls: () => calls,
    async send(address: string, message: OutboundText) {
      calls += 1;
      if (!delivered.has(message.idempotencyKey ?? '')) delivered.set(message.idempotencyKey ?? '', address);
      if (calls === crashAfter) throw new Error('worker killed');
      return { ok: true, providerMessageId: `m${calls}` };
    },
  };
  return channel;
}

async function cityOf(n: number) {
  world = await openWorld();
  const city = makeCity(n, beijingAt('2026-03-02', '08:00'), 1);
  await insertRegistrants(world, city);
  // Planned before the sending hours: first contacts due Tuesday 2026-03-03 09:00.
  const planned = await tickOf(world, [])(beijingAt('2026-03-02', '21:00'));
  expect(planned).toMatchObject({ sent: 0, failed: 0 });
  return city;
}

describe('delivery after a crash and with two workers', () => {
  it('a worker killed mid-tick: its rows are taken over after the lease, nothing is lost and nothing shown twice', async () => {
    const city = await cityOf(200);
    const w = world;
    if (!w) throw new Error('no world');
    const crashing = idempotentChannel(50);
    await expect(tickOf(w, [crashing], { owner: 'worker-a' })(beijingAt('2026-03-03', '10:00'))).rejects.toThrow('worker killed');
    const leased = await w.database.prisma.outreachTask.count({ where: { status: 'sending', leaseOwner: 'worker-a' } });
    const sentByA = await w.database.prisma.outreachTask.count({ where: { status: 'sent' } });
    expect([sentByA, leased]).toEqual([49, 151]);

    // Restarted a minute later: the dead worker's rows are still leased, so nothing goes out yet.
    const channel = idempotentChannel();
    for (const [key, address] of crashing.delivered) channel.delivered.set(key, address);
    const restarted = tickOf(w, [channel], { owner: 'worker-b' });
    const early = await restarted(beijingAt('2026-03-03', '10:01'));
    expect(early.sent).toBe(0);
    // Six minutes later the lease has lapsed: the rows are taken over, the one in flight resent under its key.
    const late = await restarted(beijingAt('2026-03-03', '10:06'));
    expect(late.sent).toBe(leased);

    const firstContacts = [...channel.delivered.keys()];
    expect(firstContacts).toHaveLength(200);
    expect(new Set(channel.delivered.values()).size).toBe(200);
    expect(channel.calls() + crashing.calls()).toBe(201);
    expect(await w.database.prisma.contactRecord.count({ where: { kind: 'outreach_first_contact' } })).toBe(200);
    expect(await w.database.prisma.outreachTask.count({ where: { kind: 'first_contact', status: 'sent' } })).toBe(city.length);
  });

  it('two workers at the same instant: every message once, none twice', async () => {
    await cityOf(300);
    const w = world;
    if (!w) throw new Error('no world');
    const channel = idempotentChannel();
    const at = beijingAt('2026-03-03', '10:00');
    const [a, b] = await Promise.all([tickOf(w, [channel], { owner: 'a' })(at), tickOf(w, [channel], { owner: 'b' })(at)]);
    expect(a.sent + b.sent).toBe(300);
    expect(channel.calls()).toBe(300);
    expect(channel.delivered.size).toBe(300);
    const days = await w.database.prisma.outreachDailySend.findMany();
    expect(days.every((d) => d.day === serviceDateOf(at))).toBe(true);
    expect(days).toHaveLength(300);
    // A second pass the same day sends nothing more (one message a day; first contacts done).
    expect(await tickOf(w, [channel])(beijingAt('2026-03-03', '15:00'))).toMatchObject({ sent: 0 });
  });
});
