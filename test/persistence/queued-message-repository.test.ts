// The queue of messages the Tencent channels could not send yet, on both providers through two connections (two
// instances): racing senders take each message once and in order (never one while the one before is being
// sent); a dedupe key queues a message once; a message refused for now waits for its retry time and the rest of
// the line with it; the text is sealed at rest and gone once settled; one left mid-send by a crash is uncertain.
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../src/persistence/queued-message-repository.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const cipher = createPiiCipher(Buffer.alloc(32, 7));
const T0 = new Date('2026-05-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
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

describe.each(['sqlite', 'postgres'] as const)('queued messages on %s', (provider) => {
  it.override({ provider });

  it('two instances sending at once send each message once, in order; a dedupe key queues it once', async ({ databaseUrl }) => {
    const [one, two] = await twoInstances(databaseUrl);
    const queueOne = createQueuedMessageRepository(one.prisma, cipher);
    const queueTwo = createQueuedMessageRepository(two.prisma, cipher);
    const texts = Array.from({ length: 8 }, (_, i) => `第${i + 1}条：电话13812345678`);
    const queued = await queueOne.enqueue('wecom-kf', CUSTOMER, texts.map((text, i) => ({ text, dedupeKey: `turn-1#0.${i}` })), T0);
    expect(queued.map((q) => q.fresh)).toEqual(texts.map(() => true));
    const stored = await one.prisma.queuedMessage.findMany({ select: { sealed: true } });
    expect(stored.every((r) => r.sealed !== null && !r.sealed.includes('13812345678') && !r.sealed.includes('第'))).toBe(true);
    // The same turn again (run a second time after a crash), from the other instance: nothing new.
    const again = await queueTwo.enqueue('wecom-kf', CUSTOMER, texts.map((text, i) => ({ text, dedupeKey: `turn-1#0.${i}` })), T0);
    expect(again).toEqual(queued.map((q) => ({ seq: q.seq, fresh: false })));
    // Another channel's line is its own.
    await queueTwo.enqueue('wechat-oa', CUSTOMER, [{ text: '别的渠道', dedupeKey: 'turn-1#0.0' }], T0);

    const order: string[] = [];
    const drain = async (queue: typeof queueOne) => {
      for (let next = await queue.claimNext('wecom-kf', CUSTOMER, T0); next; next = await queue.claimNext('wecom-kf', CUSTOMER, T0)) {
        order.push(next.text);
        await queue.markSent(next.seq, `id-${next.seq}`, T0);
      }
    };
    // Each drains until the line is empty or held by the other; whatever one stops on, the other carries on.
    await Promise.all([drain(queueOne), drain(queueTwo)]);
    while ((await queueOne.pendingCount('wecom-kf', CUSTOMER)) > 0) await drain(queueOne);
    expect(order).toEqual(texts);
    expect(await one.prisma.queuedMessage.findMany({ where: { channel: 'wecom-kf' }, orderBy: { seq: 'asc' }, select: { status: true, sealed: true } }))
      .toEqual(texts.map(() => ({ status: 'sent', sealed: null })));
    expect(await queueOne.pendingCount('wechat-oa', CUSTOMER)).toBe(1);
  });

  it('holds the line behind a message being sent, waiting for a retry, or waiting for the window; a crash leaves it uncertain', async ({ databaseUrl }) => {
    const [one, two] = await twoInstances(databaseUrl);
    const queueOne = createQueuedMessageRepository(one.prisma, cipher);
    const queueTwo = createQueuedMessageRepository(two.prisma, cipher);
    const [a, b, c] = await queueOne.enqueue('wechat-oa', 'o-1', [{ text: '一' }, { text: '二' }, { text: '三' }], T0);
    expect(await queueOne.dueRecipients('wechat-oa', T0, T0, 10)).toEqual(['o-1']);

    // Being sent by one instance: the other gets nothing (not the second message).
    const first = await queueOne.claimNext('wechat-oa', 'o-1', T0);
    expect(first?.text).toBe('一');
    expect(await queueTwo.claimNext('wechat-oa', 'o-1', T0)).toBeNull();

    // Refused for now (45009): it and the rest wait for its retry time, then it goes first.
    await queueOne.defer(a?.seq ?? 0, at(30));
    expect(await queueTwo.claimNext('wechat-oa', 'o-1', at(10))).toBeNull();
    expect(await queueTwo.dueRecipients('wechat-oa', at(10), T0, 10)).toEqual([]);
    expect(await queueTwo.dueRecipients('wechat-oa', at(30), T0, 10)).toEqual(['o-1']);
    const retried = await queueTwo.claimNext('wechat-oa', 'o-1', at(30));
    expect(retried).toMatchObject({ text: '一', attempts: 1 });
    await queueTwo.markSent(retried?.seq ?? 0, 'm1', at(30));

    // The window is closed: released, the line waits for the person's next message (no retry sweep finds it).
    const second = await queueOne.claimNext('wechat-oa', 'o-1', at(31));
    expect(second?.seq).toBe(b?.seq);
    await queueOne.release(second?.seq ?? 0);
    expect(await queueOne.dueRecipients('wechat-oa', at(9999), T0, 10)).toEqual([]);
    // Their next message: a flush claims it, first in line.
    const third = await queueTwo.claimNext('wechat-oa', 'o-1', at(40));
    expect(third?.text).toBe('二');

    // That sender dies mid-send: after the lease it is uncertain (the text gone, never sent again) and the line moves on.
    expect(await queueOne.dueRecipients('wechat-oa', at(40), at(40), 10)).toEqual([]);
    expect(await queueOne.dueRecipients('wechat-oa', at(700), at(100), 10)).toEqual(['o-1']);
    expect(await queueOne.abandonStale('wechat-oa', 'o-1', at(100), at(700))).toBe(1);
    expect((await queueOne.claimNext('wechat-oa', 'o-1', at(700)))?.seq).toBe(c?.seq);
    await queueOne.markFailed(c?.seq ?? 0, at(700));
    expect(await one.prisma.queuedMessage.findMany({ orderBy: { seq: 'asc' }, select: { status: true, sealed: true, attempts: true } })).toEqual([
      { status: 'sent', sealed: null, attempts: 1 },
      { status: 'uncertain', sealed: null, attempts: 0 },
      { status: 'failed', sealed: null, attempts: 1 },
    ]);
  });
});
