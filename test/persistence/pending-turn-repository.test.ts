// The pending-turn repository on both providers, through two connections (two instances): racing claims
// split the turns without overlap, only the holder of a turn can complete it, and the sealed text goes.
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createPendingTurnRepository } from '../../src/persistence/pending-turn-repository.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { WebchatStore } from '../../src/persistence/webchat-store.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const cipher = createPiiCipher(Buffer.alloc(32, 9));
const T0 = new Date('2026-05-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const cleanups: (() => Promise<void>)[] = [];
it.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two connections to one database, as two instances would have. */
async function twoInstances(url: string): Promise<[Database, Database]> {
  const handles: [Database, Database] = [openDatabase(url), openDatabase(url)];
  await Promise.all(handles.map((h) => h.ready));
  cleanups.push(async () => {
    await Promise.all(handles.map((h) => h.close()));
  });
  return handles;
}

describe.each(['sqlite', 'postgres'] as const)('pending web chat turns on %s', (provider) => {
  it.override({ provider });

  it('two instances racing to claim lapsed turns each get distinct turns, all of them, once', async ({ databaseUrl }) => {
    expect(databaseUrl).toMatch(provider === 'postgres' ? /^postgres(ql)?:/ : /^file:/);
    const [one, two] = await twoInstances(databaseUrl);
    const repoOne = createPendingTurnRepository(one.prisma, cipher);
    const repoTwo = createPendingTurnRepository(two.prisma, cipher);
    await new WebchatStore(one.prisma).createConversation('c', 'web-u');
    const acked: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const ack = await repoOne.acknowledge({ conversationId: 'c', activity: { type: 'message', text: `电话13812345678 第${i}条` }, clientActivityId: `k${i}`, owner: 'dead', leaseUntil: at(30) });
      acked.push(ack.activity.id);
    }
    const sealed = await one.prisma.webchatPendingTurn.findMany({ select: { sealed: true } });
    expect(sealed.every((r) => r.sealed !== null && !r.sealed.includes('13812345678'))).toBe(true);

    expect(await repoTwo.claimExpired('B', at(29), at(60), 50)).toEqual([]);
    const [a, b] = await Promise.all([repoOne.claimExpired('A', at(31), at(61), 50), repoTwo.claimExpired('B', at(31), at(61), 50)]);
    const claimed = [...a, ...b].map((t) => t.activityId);
    expect(claimed.sort()).toEqual([...acked].sort());
    expect(new Set(claimed).size).toBe(20);
    expect([...a, ...b].every((t) => typeof t.activity.text === 'string' && t.activity.text.startsWith('电话13812345678'))).toBe(true);

    const first = a[0] ?? b[0];
    if (!first) throw new Error('nothing claimed');
    const holder = a.includes(first) ? { repo: repoOne, owner: 'A' } : { repo: repoTwo, owner: 'B' };
    const other = holder.owner === 'A' ? { repo: repoTwo, owner: 'B' } : { repo: repoOne, owner: 'A' };
    expect(await other.repo.complete(first.activityId, other.owner, [{ type: 'message', text: '不该出现' }], at(32))).toBeNull();
    expect(await holder.repo.complete(first.activityId, holder.owner, [{ type: 'message', text: '您好' }], at(32))).toHaveLength(1);
    expect(await holder.repo.complete(first.activityId, holder.owner, [{ type: 'message', text: '又一次' }], at(33))).toBeNull();
    const stream = await new WebchatStore(two.prisma).listActivities('c', 0);
    expect(stream.activities.map((x) => x.text).filter((t) => t === '您好' || t === '不该出现' || t === '又一次')).toEqual(['您好']);
    const row = await two.prisma.webchatPendingTurn.findFirstOrThrow({ where: { status: 'done' } });
    expect(row.sealed).toBeNull();
    // The same clientActivityId again is the same activity: nothing new is stored.
    const again = await repoTwo.acknowledge({ conversationId: 'c', activity: { type: 'message', text: 'x' }, clientActivityId: 'k0', owner: 'B', leaseUntil: at(90) });
    expect(again).toMatchObject({ duplicate: true, activity: { id: acked[0] } });
    expect(await two.prisma.webchatPendingTurn.count()).toBe(20);
  });

  it('stores each reply of a turn once, by its place, whichever instance or path stores it again', async ({ databaseUrl }) => {
    const [one, two] = await twoInstances(databaseUrl);
    const repoOne = createPendingTurnRepository(one.prisma, cipher);
    const repoTwo = createPendingTurnRepository(two.prisma, cipher);
    await new WebchatStore(one.prisma).createConversation('r', 'web-r');
    const ack = await repoOne.acknowledge({ conversationId: 'r', activity: { type: 'message', text: '帮助' }, clientActivityId: 'h1', owner: 'A', leaseUntil: at(30) });
    const turn = ack.activity.id;
    const ids = await repoOne.complete(turn, 'A', [{ type: 'message', text: '帮助一' }, { type: 'message', text: '帮助二' }], at(1));
    expect(ids).toHaveLength(2);
    // A second run's replies at the same places, from another instance, and a later apology after them.
    expect(await repoTwo.appendReplies(turn, [{ type: 'message', text: '帮助一' }, { type: 'message', text: '帮助二' }], 0)).toEqual(ids);
    const apology = await repoTwo.appendReplies(turn, [{ type: 'message', text: '抱歉' }], 2);
    expect(await repoOne.appendReplies(turn, [{ type: 'message', text: '抱歉' }], 2)).toEqual(apology);
    const texts = (await new WebchatStore(two.prisma).listActivities('r', 0)).activities.map((x) => x.text);
    expect(texts).toEqual(['帮助', '帮助一', '帮助二', '抱歉']);
  });
});
