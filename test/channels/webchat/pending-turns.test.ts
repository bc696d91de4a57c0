// Acknowledged web chat messages are recorded as pending turns (text sealed) and run exactly once: a client
// retry never runs a turn twice but runs one that never ran; a crashed runner's turn is taken over by another
// instance once its lease lapses (fake clock); two instances racing for the same turns run each once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { createPendingTurnRepository } from '../../../src/persistence/pending-turn-repository.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import { WebchatStore } from '../../../src/persistence/webchat-store.ts';
import { DirectlineToken } from '../../../src/channels/webchat/directline-token.ts';
import { createWebchatRouter } from '../../../src/channels/webchat/webchat-router.ts';
import { createTestDatabase, startServer, testCipher, TOKEN_SECRET } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';

const T0 = new Date('2026-03-02T02:00:00Z');
const ID_TEXT = '我的身份证号码是330302199005151235';
let database: TestDatabase;
const servers: RunningServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  database.remove();
});

/** A counting echo bot: which texts it was handed, per activity id. */
function countingBot() {
  const seen: { id: string; text: string }[] = [];
  const logic = async (ctx: TurnContext) => {
    if (ctx.activity.type !== 'message') return;
    seen.push({ id: ctx.activity.id ?? '', text: ctx.activity.text ?? '' });
    await ctx.sendActivity(`你说：${ctx.activity.text ?? ''}`);
  };
  return { seen, logic };
}

async function server(logic: (ctx: TurnContext) => Promise<void>, clock: () => Date, instanceId: string): Promise<RunningServer> {
  const s = await startServer(database.url, logic, { clock, instanceId, turnLeaseSeconds: 30 });
  servers.push(s);
  return s;
}

async function newConversation(s: RunningServer): Promise<{ id: string; token: string }> {
  const grant = (await (await fetch(`${s.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { conversationId: string; token: string };
  return { id: grant.conversationId, token: grant.token };
}

async function post(s: RunningServer, c: { id: string; token: string }, text: string, clientActivityID: string): Promise<{ status: number; id: string }> {
  const response = await fetch(`${s.baseUrl}/v3/directline/conversations/${encodeURIComponent(c.id)}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, from: { id: 'u' }, channelData: { clientActivityID } }),
  });
  const body = (await response.json()) as { id: string };
  return { status: response.status, id: body.id };
}

async function repliesTo(s: RunningServer, conversationId: string, activityId: string) {
  const page = await s.store.listActivities(conversationId, 0);
  return page.activities.filter((a) => a.replyToId === activityId);
}

/** A message acknowledged by an instance that then died before running it (its lease runs to T0 + 30 s). */
async function acknowledgedByCrashedInstance(text: string, clientActivityId: string) {
  const db = openDatabase(database.url);
  const store = new WebchatStore(db.prisma);
  const conversationId = `crashed-${clientActivityId}`;
  await store.createConversation(conversationId, 'web-user');
  const ack = await createPendingTurnRepository(db.prisma, testCipher).acknowledge({
    conversationId,
    clientActivityId,
    owner: 'instance-that-died',
    leaseUntil: new Date(T0.getTime() + 30_000),
    activity: {
      type: 'message', text, from: { id: 'web-user', name: '', role: 'user' }, recipient: { id: 'jiuyebang', name: '就业帮', role: 'bot' },
      conversation: { id: conversationId, name: '', isGroup: false, conversationType: 'personal' }, channelId: 'webchat', serviceUrl: 'urn:jiuyebang:webchat',
      timestamp: T0.toISOString(), channelData: { clientActivityID: clientActivityId },
    },
  });
  const row = await db.prisma.webchatPendingTurn.findFirstOrThrow({ where: { conversationId } });
  await db.close();
  return { conversationId, activityId: ack.activity.id, streamText: ack.activity.text, sealed: row.sealed };
}

describe('pending web chat turns', () => {
  it('the same clientActivityID posted twice runs one turn and answers both posts with the same id', async () => {
    const bot = countingBot();
    const s = await server(bot.logic, () => new Date(), 'a');
    const c = await newConversation(s);
    const [one, two] = await Promise.all([post(s, c, '你好', 'retry-1'), post(s, c, '你好', 'retry-1')]);
    await s.channel.idle();
    const three = await post(s, c, '你好', 'retry-1');
    await s.channel.idle();
    expect([one.status, two.status, three.status]).toEqual([200, 200, 200]);
    expect(new Set([one.id, two.id, three.id]).size).toBe(1);
    expect(bot.seen.filter((t) => t.id === one.id)).toHaveLength(1);
    expect((await repliesTo(s, c.id, one.id)).map((a) => a.text)).toEqual(['你说：你好']);
  });

  it('keeps the text sealed while the turn waits, and a retry runs the crashed turn once its lease lapses', async () => {
    const pending = await acknowledgedByCrashedInstance(ID_TEXT, 'crashed-1');
    expect(pending.streamText).toBe('我的身份证号码是3303************35');
    expect(pending.sealed).not.toContain('330302199005151235');
    expect(testCipher.decrypt(pending.sealed ?? '')).toContain('330302199005151235');

    let now = new Date(T0.getTime() + 10_000);
    const bot = countingBot();
    const s = await server(bot.logic, () => now, 'b');
    const c = { id: pending.conversationId, token: new DirectlineToken(TOKEN_SECRET).sign(pending.conversationId, 'web-user') };

    // Still held by the instance that died: a retry is acknowledged with the same id but nothing runs yet.
    expect(await s.channel.turns.sweep()).toBe(0);
    expect(await post(s, c, ID_TEXT, 'crashed-1')).toEqual({ status: 200, id: pending.activityId });
    await s.channel.idle();
    expect(bot.seen).toEqual([]);

    now = new Date(T0.getTime() + 31_000);
    expect(await post(s, c, ID_TEXT, 'crashed-1')).toEqual({ status: 200, id: pending.activityId });
    await s.channel.idle();
    expect(await s.channel.turns.sweep()).toBe(0);
    await s.channel.idle();
    expect(bot.seen).toEqual([{ id: pending.activityId, text: ID_TEXT }]);
    expect((await repliesTo(s, pending.conversationId, pending.activityId)).map((a) => a.text)).toEqual(['你说：我的身份证号码是3303************35']);
    const row = await s.db.prisma.webchatPendingTurn.findFirstOrThrow({ where: { conversationId: pending.conversationId } });
    expect(row).toMatchObject({ status: 'done', sealed: null, completedAt: now });
  });

  it('a second instance runs a crashed runner\'s turn once the lease expires (start-up or sweep)', async () => {
    const pending = await acknowledgedByCrashedInstance('失业登记', 'crashed-2');
    let now = new Date(T0.getTime() + 29_000);
    const bot = countingBot();
    const s = await server(bot.logic, () => now, 'c');
    expect(await s.channel.turns.sweep()).toBe(0);
    now = new Date(T0.getTime() + 30_001);
    expect(await s.channel.turns.sweep()).toBe(1);
    await s.channel.idle();
    expect(await s.channel.turns.sweep()).toBe(0);
    await s.channel.idle();
    expect(bot.seen).toEqual([{ id: pending.activityId, text: '失业登记' }]);
    expect(await repliesTo(s, pending.conversationId, pending.activityId)).toHaveLength(1);
  });

  it('two instances sweeping the same crashed turns at once run each turn once', async () => {
    const crashed = [];
    for (let i = 0; i < 12; i += 1) crashed.push(await acknowledgedByCrashedInstance(`第${i}条`, `race-${i}`));
    const now = () => new Date(T0.getTime() + 60_000);
    const botA = countingBot();
    const botB = countingBot();
    const a = await server(botA.logic, now, 'race-a');
    // The second instance shares the first one's connection: better-sqlite3 waits for a lock synchronously, so two
    // connections in one process would stall each other (two processes do not; see test/cli/kill-after-ack).
    const b = createWebchatRouter({
      store: a.store, logic: botB.logic, tokenSecret: TOKEN_SECRET, clock: now, instanceId: 'race-b',
      pendingTurns: createPendingTurnRepository(a.db.prisma, testCipher),
    });
    const [claimedA, claimedB] = await Promise.all([a.channel.turns.sweep(), b.turns.sweep()]);
    await Promise.all([a.channel.idle(), b.idle()]);
    expect(claimedA + claimedB).toBe(12);
    const ran = [...botA.seen, ...botB.seen].map((t) => t.id).sort();
    expect(ran).toEqual(crashed.map((p) => p.activityId).sort());
    for (const p of crashed) expect(await repliesTo(a, p.conversationId, p.activityId)).toHaveLength(1);
  });

  it('a runner whose lease was taken over cannot complete the turn: its replies are dropped', async () => {
    const pending = await acknowledgedByCrashedInstance('你好', 'taken-1');
    const db1 = openDatabase(database.url);
    const db2 = openDatabase(database.url);
    const repoA = createPendingTurnRepository(db1.prisma, testCipher);
    const repoB = createPendingTurnRepository(db2.prisma, testCipher);
    const later = (s: number) => new Date(T0.getTime() + s * 1000);
    const [first, second] = await Promise.all([repoA.claim(pending.activityId, 'A', later(40), later(70)), repoB.claim(pending.activityId, 'B', later(40), later(70))]);
    expect([first, second].filter((x) => x !== null)).toHaveLength(1);
    const winner = first ? 'A' : 'B';
    const stale = winner === 'A' ? repoA : repoB;
    const fresh = winner === 'A' ? repoB : repoA;
    expect(await fresh.claim(pending.activityId, winner === 'A' ? 'B' : 'A', later(71), later(100))).not.toBeNull();
    expect(await stale.renew(pending.activityId, winner, later(130))).toBe(false);
    expect(await stale.complete(pending.activityId, winner, [{ type: 'message', text: 'stale' }], later(72))).toBeNull();
    expect(await fresh.complete(pending.activityId, winner === 'A' ? 'B' : 'A', [{ type: 'message', text: 'fresh', replyToId: pending.activityId }], later(72))).toHaveLength(1);
    const texts = (await new WebchatStore(db2.prisma).listActivities(pending.conversationId, 0)).activities.map((a) => a.text);
    await Promise.all([db1.close(), db2.close()]);
    expect(texts).toEqual(['你好', 'fresh']);
  });
});
