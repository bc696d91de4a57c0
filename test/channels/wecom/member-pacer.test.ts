// WeCom silently drops a member's 31st message in a minute and 1001st in an hour: the pacer holds them back,
// in this process and, through the database's send budget, across two instances sharing one database.
import { createMemberPacer } from '../../../src/channels/wecom/member-pacer.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import { createSendBudgetRepository } from '../../../src/persistence/send-budget-repository.ts';
import { describe, expect, test as it } from '../../support/fixtures.ts';

/** The largest number of `times` (ms) inside any window of `windowMs` (half-open: a send leaving makes room). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    most = Math.max(most, sorted.filter((t) => t >= start && t < start + windowMs).length);
  }
  return most;
}

describe('WeCom per-member pacing', () => {
  it('lets 30 a minute through at once, delays the 31st to the next minute, and paces members separately', async () => {
    let now = 1_000_000;
    const pacer = createMemberPacer(() => now);
    const waits: number[] = [];
    for (let i = 0; i < 31; i++) waits.push(await pacer.reserve('zhang'));
    expect(waits.slice(0, 30).every((w) => w === 0)).toBe(true);
    expect(waits[30]).toBe(60_000);
    expect(await pacer.reserve('li')).toBe(0);
    now += 60_001;
    expect(await pacer.reserve('zhang')).toBe(0);
  });

  it('keeps to 1000 an hour', async () => {
    let now = 0;
    const pacer = createMemberPacer(() => now);
    let last = 0;
    for (let i = 0; i < 1001; i++) {
      last = await pacer.reserve('zhang');
      now += 2000; // one every 2 s stays under 30/min
    }
    expect(last).toBeGreaterThan(0);
    expect(now - 2000 + last).toBeGreaterThanOrEqual(3_600_000);
  });
});

describe.each(['sqlite', 'postgres'] as const)('two instances pacing one member through the %s send budget', (provider) => {
  it.override({ provider });

  it('together never give one member more than 30 slots in any minute, and each sees the other\'s sends', async ({ databaseUrl, onTestFinished }) => {
    const handles = [openDatabase(databaseUrl), openDatabase(databaseUrl)];
    await Promise.all(handles.map((h) => h.ready));
    onTestFinished(async () => void (await Promise.all(handles.map((h) => h.close()))));
    const now = 5_000_000;
    const [one, two] = handles.map((h) => createMemberPacer(() => now, { budget: createSendBudgetRepository(h.prisma) }));
    if (!one || !two) throw new Error('two pacers expected');
    // 40 sends to one member, raced by the two instances at the same instant.
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two).reserve('zhang')));
    const slots = waits.map((w) => now + w);
    expect(waits.filter((w) => w === 0)).toHaveLength(30);
    expect(waits.filter((w) => w === 60_000)).toHaveLength(10);
    expect(busiestWindow(slots, 60_000)).toBe(30);
    // Another member has a budget of their own.
    expect(await two.reserve('li')).toBe(0);
  });
});
