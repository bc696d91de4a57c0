// Delivery when things go wrong, in one process (test/cli/kill-worker-mid-tick.test.ts kills real processes): a
// worker dies mid-tick right after a message went out (its leased rows are taken over once the lease lapses; the one
// in flight is resent under the same key on a channel that de-duplicates, and never resent on one that cannot tell,
// where it ends unconfirmed); a slow worker whose rows were taken over sends and records nothing more; a worker
// renews its lease as it goes, so a live worker's rows are not taken; two workers at once send nothing twice.
import { afterEach, describe, expect, it } from 'vitest';
import { serviceDateOf } from '../../src/config/service-time-zone.ts';
import type { OutboundChannel, OutboundText } from '../../src/conversation/ports.ts';
import { beijingAt, insertRegistrants, makeCity, openWorld, tickOf, type World } from '../scheduler/outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

/**
 * A channel that remembers each idempotency key it was given. `deduplicates`: like web chat, a key seen before is not
 * shown again; otherwise (SMS, WeChat) every call reaches the person. `crashAfter` dies right after that many sends.
 */
function recordingChannel(options: { deduplicates: boolean; crashAfter?: number; onSend?: () => Promise<void> }) {
  const delivered = new Map<string, number>();
  let calls = 0;
  const channel: OutboundChannel & { delivered: Map<string, number>; calls(): number } = {
    channel: 'loop',
    deduplicates: options.deduplicates,
    delivered,
    calls: () => calls,
    async send(_address: string, message: OutboundText) {
      calls += 1;
      const key = message.idempotencyKey ?? '';
      if (!options.deduplicates || !delivered.has(key)) delivered.set(key, (delivered.get(key) ?? 0) + 1);
      if (calls === options.crashAfter) throw new Error('worker killed');
      await options.onSend?.();
      return { ok: true, providerMessageId: `m${calls}` };
    },
  };
  return channel;
}

async function cityOf(n: number): Promise<World> {
  const w = (world = await openWorld());
  await insertRegistrants(w, makeCity(n, beijingAt('2026-03-02', '08:00'), 1));
  // Planned before the sending hours: first contacts due Tuesday 2026-03-03 09:00.
  const planned = await tickOf(w, [])(beijingAt('2026-03-02', '21:00'));
  expect(planned).toMatchObject({ sent: 0, failed: 0 });
  return w;
}

const statuses = async (w: World) =>
  Object.fromEntries((await w.database.prisma.outreachTask.groupBy({ by: ['status'], where: { kind: 'first_contact' }, _count: true })).map((g) => [g.status, g._count]));

describe('delivery after a crash and with two workers', () => {
  it('a worker dies right after a web chat send: the rows are taken over after the lease, the one in flight resent under its key', async () => {
    const w = await cityOf(200);
    const crashing = recordingChannel({ deduplicates: true, crashAfter: 30 });
    await expect(tickOf(w, [crashing], { owner: 'worker-a' })(beijingAt('2026-03-03', '10:00'))).rejects.toThrow('worker killed');
    // Its first slice: 29 sent, one in flight, the rest claimed and untouched.
    const leased = await w.database.prisma.outreachTask.findMany({ where: { status: 'sending', leaseOwner: 'worker-a' }, select: { inFlightChannel: true } });
    expect(await w.database.prisma.outreachTask.count({ where: { status: 'sent' } })).toBe(29);
    expect(leased.filter((t) => t.inFlightChannel === 'loop')).toHaveLength(1);
    expect(leased.length).toBeGreaterThan(1);

    // Restarted a minute later: what the dead worker never claimed goes out; its leased rows wait for the lease.
    const channel = recordingChannel({ deduplicates: true });
    for (const [key, count] of crashing.delivered) channel.delivered.set(key, count);
    const restarted = tickOf(w, [channel], { owner: 'worker-b' });
    expect((await restarted(beijingAt('2026-03-03', '10:01'))).sent).toBe(200 - 29 - leased.length);
    // Six minutes later the lease has lapsed: the rows are taken over, the one in flight resent under its key.
    expect(await restarted(beijingAt('2026-03-03', '10:06'))).toMatchObject({ sent: leased.length, unconfirmed: 0 });

    expect(channel.delivered.size).toBe(200);
    expect([...channel.delivered.values()].every((n) => n === 1)).toBe(true);
    expect(channel.calls() + crashing.calls()).toBe(201);
    expect(await w.database.prisma.contactRecord.count({ where: { kind: 'outreach_first_contact' } })).toBe(200);
    expect(await statuses(w)).toEqual({ sent: 200 });
  });

  it('a worker dies right after an SMS-like send: the one in flight is never sent again, it ends unconfirmed and uncounted', async () => {
    const w = await cityOf(200);
    const crashing = recordingChannel({ deduplicates: false, crashAfter: 30 });
    await expect(tickOf(w, [crashing], { owner: 'worker-a' })(beijingAt('2026-03-03', '10:00'))).rejects.toThrow('worker killed');
    const inFlight = await w.database.prisma.outreachTask.findFirstOrThrow({ where: { status: 'sending', inFlightChannel: 'loop' } });

    const channel = recordingChannel({ deduplicates: false });
    const late = await tickOf(w, [channel], { owner: 'worker-b' })(beijingAt('2026-03-03', '10:06'));
    expect(late).toMatchObject({ sent: 200 - 30, unconfirmed: 1 });
    const everything = new Map(crashing.delivered);
    for (const [key, count] of channel.delivered) everything.set(key, (everything.get(key) ?? 0) + count);
    expect(everything.size).toBe(200);
    expect([...everything.values()].every((n) => n === 1)).toBe(true);
    expect(channel.calls() + crashing.calls()).toBe(200);
    expect(await statuses(w)).toEqual({ sent: 199, unconfirmed: 1 });
    const settled = await w.database.prisma.outreachTask.findUniqueOrThrow({ where: { id: inFlight.id } });
    expect(settled).toMatchObject({ status: 'unconfirmed', inFlightChannel: 'loop', lastError: 'loop:send_unconfirmed', leaseOwner: null });
    expect(await w.database.prisma.contactRecord.count({ where: { id: `outreach:${inFlight.id}` } })).toBe(0);
    expect(await w.database.prisma.contactRecord.count({ where: { kind: 'outreach_first_contact' } })).toBe(199);
    expect(await w.database.prisma.auditEvent.count({ where: { action: 'outreach.unconfirmed', subjectId: inFlight.id } })).toBe(1);
    // The person's day stays taken: they may have had the message today.
    expect(await w.database.prisma.outreachDailySend.count({ where: { taskId: inFlight.id } })).toBe(1);
  });

  it('a slow worker whose rows were taken over sends nothing more and records nothing', async () => {
    const w = await cityOf(60);
    const channel = recordingChannel({ deduplicates: false });
    let takenOver!: () => void;
    const resumed = new Promise<void>((resolve) => (takenOver = resolve));
    let paused = false;
    const slow = tickOf(w, [channel], {
      owner: 'slow',
      onClaimed: async () => {
        if (paused) return;
        paused = true;
        await resumed;
      },
    })(beijingAt('2026-03-03', '10:00'));
    while (!paused) await new Promise((r) => setTimeout(r, 10));
    // Stalled past its lease (a long GC pause, a hung connection): another worker takes everything over.
    const other = await tickOf(w, [channel], { owner: 'other' })(beijingAt('2026-03-03', '10:06'));
    takenOver();
    expect(await slow).toMatchObject({ sent: 0, failed: 0, unconfirmed: 0 });
    expect(other.sent).toBe(60);
    expect(channel.calls()).toBe(60);
    expect(channel.delivered.size).toBe(60);
    expect(await statuses(w)).toEqual({ sent: 60 });
    expect(await w.database.prisma.auditEvent.count({ where: { action: 'outreach.sent' } })).toBe(60);
  });

  it('a worker renews its lease as its slice proceeds, so a second worker does not take over live rows', async () => {
    const w = await cityOf(40);
    // Each send takes 10 s of the lease clock; the lease is 60 s, the slice (40 rows) takes 400 s.
    let clock = beijingAt('2026-03-03', '10:00');
    let second: Promise<{ sent: number }> | undefined;
    const channel = recordingChannel({
      deduplicates: false,
      async onSend() {
        clock = new Date(clock.getTime() + 10_000);
        // 200 s in, well past the first lease: a second worker ticks (its own sends, if any, do not wait here).
        if (channel.calls() !== 20) return;
        second = tickOf(w, [channel], { owner: 'second', leaseClock: () => clock, leaseSeconds: 60 })(clock);
        await second;
      },
    });
    const first = await tickOf(w, [channel], { owner: 'first', leaseClock: () => clock, leaseSeconds: 60 })(beijingAt('2026-03-03', '10:00'));
    expect(first.sent).toBe(40);
    expect((await second)?.sent).toBe(0);
    expect(channel.calls()).toBe(40);
    expect(await statuses(w)).toEqual({ sent: 40 });
  });

  it('two workers at the same instant: every message once, none twice', async () => {
    const w = await cityOf(300);
    const channel = recordingChannel({ deduplicates: false });
    const at = beijingAt('2026-03-03', '10:00');
    const [a, b] = await Promise.all([tickOf(w, [channel], { owner: 'a' })(at), tickOf(w, [channel], { owner: 'b' })(at)]);
    expect(a.sent + b.sent).toBe(300);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(channel.calls()).toBe(300);
    expect(channel.delivered.size).toBe(300);
    const days = await w.database.prisma.outreachDailySend.findMany();
    expect(days.every((d) => d.day === serviceDateOf(at))).toBe(true);
    expect(days).toHaveLength(300);
    // A second pass the same day sends nothing more (one message a day; first contacts done).
    expect(await tickOf(w, [channel])(beijingAt('2026-03-03', '15:00'))).toMatchObject({ sent: 0 });
  });
});
