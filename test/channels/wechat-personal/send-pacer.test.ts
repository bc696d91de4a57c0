// The WeChat account's pace: a gap between sends, in order, and a cap per Beijing day that resets at midnight.
import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../../src/channels/wechat-personal/send-pacer.ts';
import { serviceDateOf } from '../../../src/config/service-time-zone.ts';

function pacerAt(startIso: string, dailyCap: number) {
  let now = new Date(startIso).getTime();
  const waits: number[] = [];
  const pacer = new SendPacer({
    minGapMs: 3000,
    dailyCap,
    clock: () => new Date(now),
    dayOf: serviceDateOf,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  return { pacer, waits, advance: (ms: number) => (now += ms) };
}

describe('SendPacer', () => {
  it('keeps the gap between sends and sends in the order asked', async () => {
    const { pacer, waits } = pacerAt('2026-03-02T02:00:00Z', 10);
    const order: number[] = [];
    const outcomes = await Promise.all([1, 2, 3].map((n) => pacer.send(async () => void order.push(n))));
    expect(outcomes.every((o) => o.sent)).toBe(true);
    expect(order).toEqual([1, 2, 3]);
    expect(waits).toEqual([3000, 3000]);
  });

  it('refuses sends past the daily cap without running them, and starts again after Beijing midnight', async () => {
    // 15:59:50 UTC is 23:59:50 in Beijing.
    const { pacer, advance } = pacerAt('2026-03-02T15:59:50Z', 2);
    let ran = 0;
    const send = () => pacer.send(async () => void (ran += 1));
    expect((await send()).sent).toBe(true);
    expect((await send()).sent).toBe(true);
    expect(await send()).toEqual({ sent: false, reason: 'daily_cap' });
    expect(ran).toBe(2);
    advance(10_000);
    expect((await send()).sent).toBe(true);
    expect(pacer.sentOnDay()).toEqual({ day: '2026-03-03', sent: 1 });
  });

  it('a failed send does not stop the ones after it', async () => {
    const { pacer } = pacerAt('2026-03-02T02:00:00Z', 10);
    const failed = pacer.send(async () => {
      throw new Error('puppet offline');
    });
    await expect(failed).rejects.toThrow('puppet offline');
    expect((await pacer.send(async () => 'ok')).sent).toBe(true);
  });
});
