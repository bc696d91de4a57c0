// The WeChat account's pace: a gap between sends, in order, and a cap per Beijing day that resets at midnight;
// two instances logged in as one account keep one pace and one cap through the database's send budget.
import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../../src/channels/wechat-personal/send-pacer.ts';
import { serviceDateOf } from '../../../src/config/service-time-zone.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import { createSendBudgetRepository } from '../../../src/persistence/send-budget-repository.ts';
import { test as dbTest } from '../../support/fixtures.ts';

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

describe.each(['sqlite', 'postgres'] as const)('two instances sending as one WeChat account through the %s send budget', (provider) => {
  dbTest.override({ provider });

  dbTest('keep the gap between every send of either, and share one daily cap', async ({ databaseUrl, onTestFinished }) => {
    const handles = [openDatabase(databaseUrl), openDatabase(databaseUrl)];
    await Promise.all(handles.map((h) => h.ready));
    onTestFinished(async () => void (await Promise.all(handles.map((h) => h.close()))));
    const start = new Date('2026-03-02T02:00:00Z').getTime();
    const sentAt: number[] = [];
    // Each instance has its own clock reading the same moment; sleeping moves only that instance's clock.
    const [one, two] = handles.map((h) => {
      let now = start;
      const pacer = new SendPacer({
        minGapMs: 3000, dailyCap: 7, clock: () => new Date(now), dayOf: serviceDateOf, account: 'bureau-1',
        budget: createSendBudgetRepository(h.prisma),
        sleep: async (ms) => void (now += ms),
      });
      return { pacer, send: () => pacer.send(async () => void sentAt.push(now)) };
    });
    if (!one || !two) throw new Error('two instances expected');
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one : two).send()));
    expect(outcomes.filter((o) => o.sent)).toHaveLength(7);
    expect(outcomes.filter((o) => !o.sent)).toEqual([{ sent: false, reason: 'daily_cap' }, { sent: false, reason: 'daily_cap' }, { sent: false, reason: 'daily_cap' }]);
    const sorted = [...sentAt].sort((a, b) => a - b);
    expect(sorted).toHaveLength(7);
    for (let i = 1; i < sorted.length; i++) expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeGreaterThanOrEqual(3000);
    expect(sorted[6]).toBe(start + 6 * 3000);
  });
});
