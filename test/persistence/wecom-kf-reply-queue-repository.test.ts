// The 微信客服 reply queue on both providers, through two connections (two instances): racing flushes claim each
// reply once, oldest first, never more than the window's slots; the text is sealed at rest and gone once sent.
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createWecomKfWindowRepository } from '../../src/persistence/wecom-kf-repository.ts';
import { createWecomKfReplyQueueRepository } from '../../src/persistence/wecom-kf-reply-queue-repository.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const cipher = createPiiCipher(Buffer.alloc(32, 7));
const T0 = new Date('2026-05-01T00:00:00Z');
const CUSTOMER = 'wkKF|wmQueue';
const cleanups: (() => Promise<void>)[] = [];
it.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function twoInstances(url: string): Promise<[Database, Database]> {
  const handles: [Database, Database] = [openDatabase(url), openDatabase(url)];
  await Promise.all(handles.map((h) => h.ready));
  cleanups.push(async () => {
    await Promise.all(handles.map((h) => h.close()));
  });
  return handles;
}

describe.each(['sqlite', 'postgres'] as const)('微信客服 reply queue on %s', (provider) => {
  it.override({ provider });

  it('two instances flushing at once take each reply once, oldest first, and only as many as the window has slots', async ({ databaseUrl }) => {
    const [one, two] = await twoInstances(databaseUrl);
    const queueOne = createWecomKfReplyQueueRepository(one.prisma, cipher);
    const queueTwo = createWecomKfReplyQueueRepository(two.prisma, cipher);
    const texts = Array.from({ length: 8 }, (_, i) => `第${i + 1}条：电话13812345678`);
    const seqs = await queueOne.enqueue(CUSTOMER, texts, T0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const stored = await one.prisma.wecomKfQueuedReply.findMany({ select: { sealed: true } });
    expect(stored.every((r) => r.sealed !== null && !r.sealed.includes('13812345678') && !r.sealed.includes('第'))).toBe(true);

    // No window yet: nothing can be claimed, and nothing changes.
    expect(await queueTwo.claimNext(CUSTOMER, { openedAt: T0, budget: 5 }, T0)).toBeNull();
    await createWecomKfWindowRepository(one.prisma).open(CUSTOMER, T0);
    const window = { openedAt: T0, budget: 5 };

    const drain = async (queue: typeof queueOne) => {
      const got: { seq: number; text: string }[] = [];
      for (let next = await queue.claimNext(CUSTOMER, window, T0); next; next = await queue.claimNext(CUSTOMER, window, T0)) got.push(next);
      return got;
    };
    const [a, b] = await Promise.all([drain(queueOne), drain(queueTwo)]);
    const claimed = [...a, ...b].sort((x, y) => x.seq - y.seq);
    expect(claimed.map((c) => c.seq)).toEqual(seqs.slice(0, 5));
    expect(claimed.map((c) => c.text)).toEqual(texts.slice(0, 5));
    expect((await one.prisma.wecomKfCustomer.findUniqueOrThrow({ where: { id: CUSTOMER } })).sentInWindow).toBe(5);
    expect(await queueOne.pendingCount(CUSTOMER)).toBe(3);

    // Sent: the text goes. Released (the platform may take it later): back in line, first. Failed: text gone.
    await queueOne.markSent(seqs[0] ?? 0, 'kf1', T0);
    await queueOne.release(seqs[1] ?? 0);
    await queueOne.markFailed(seqs[2] ?? 0, T0);
    const rows = await two.prisma.wecomKfQueuedReply.findMany({ orderBy: { seq: 'asc' }, select: { status: true, sealed: true, providerId: true } });
    expect(rows.slice(0, 3)).toEqual([
      { status: 'sent', sealed: null, providerId: 'kf1' },
      { status: 'pending', sealed: expect.any(String), providerId: null },
      { status: 'failed', sealed: null, providerId: null },
    ]);
    // A new window (the customer wrote again): the released reply goes first.
    const later = new Date(T0.getTime() + 60_000);
    await createWecomKfWindowRepository(two.prisma).open(CUSTOMER, later);
    expect(await queueTwo.claimNext(CUSTOMER, { openedAt: T0, budget: 5 }, T0)).toBeNull();
    expect((await queueTwo.claimNext(CUSTOMER, { openedAt: later, budget: 5 }, later))?.text).toBe(texts[1]);

    // Claimed and never settled (the instance died mid-send): after the lease it is uncertain, never sent again.
    expect(await queueOne.abandonStale(CUSTOMER, T0, later)).toBe(0);
    expect(await queueOne.abandonStale(CUSTOMER, new Date(later.getTime() + 1), later)).toBe(3);
    expect(await one.prisma.wecomKfQueuedReply.count({ where: { status: 'uncertain', sealed: null } })).toBe(3);
    expect(await one.prisma.wecomKfQueuedReply.count({ where: { status: 'sending' } })).toBe(0);
  });
});
