// Nothing acknowledged is lost: `jiuyebang serve` in its own process is killed (SIGKILL) right after it
// acknowledges a web chat message, 20 times over; after each restart every acknowledged message is answered,
// once. Posts the first 200 beat are retried by the client with the same clientActivityID, as Web Chat does.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/persistence/database.ts';

const ROUNDS = 20;
const CONVERSATIONS = 3;
const dir = mkdtempSync(join(tmpdir(), 'jyb-kill-'));
const databaseUrl = `file:${join(dir, 'db.sqlite')}`;
const port = 33000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}/v3/directline`;
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl,
  PII_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'info',
  SCHEDULER_ENABLED: 'false',
  WEBCHAT_TURN_LEASE_SECONDS: '1',
};
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function serve(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/jiuyebang.mjs', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start: ${logs.join('')}`)), 120_000);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      logs.push(chunk.toString());
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`service exited (${code}) before listening: ${logs.join('')}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

interface Conversation {
  id: string;
  token: string;
}

interface Post {
  conversation: Conversation;
  clientActivityId: string;
  text: string;
  /** The activity id of the 200, once one came. */
  acknowledged?: string;
}

/** POST as Web Chat does; the activity id of the 200, or undefined when the service died first. */
async function send(post: Post): Promise<string | undefined> {
  try {
    const response = await fetch(`${base}/conversations/${encodeURIComponent(post.conversation.id)}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${post.conversation.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: post.text, from: { id: 'user' }, locale: 'zh-CN', channelData: { clientActivityID: post.clientActivityId } }),
    });
    if (response.status !== 200) return undefined;
    const body = (await response.json()) as { id: string };
    return body.id;
  } catch {
    return undefined;
  }
}

async function activitiesOf(conversation: Conversation): Promise<{ id: string; replyToId?: string; text?: string; from: { role?: string } }[]> {
  const response = await fetch(`${base}/conversations/${encodeURIComponent(conversation.id)}/activities`, { headers: { authorization: `Bearer ${conversation.token}` } });
  const body = (await response.json()) as { activities: { id: string; replyToId?: string; text?: string; from: { role?: string } }[] };
  return body.activities;
}

/** Sends every post not yet acknowledged (a retry keeps its clientActivityID); `onFirstAck` runs once, on the first 200. */
async function sendAll(posts: Post[], onFirstAck: () => void): Promise<void> {
  let fired = false;
  await Promise.all(
    posts
      .filter((p) => p.acknowledged === undefined)
      .map(async (post) => {
        const id = await send(post);
        if (id === undefined) return;
        post.acknowledged = id;
        if (!fired) {
          fired = true;
          onFirstAck();
        }
      }),
  );
}

describe('kill -9 right after a web chat message is acknowledged', () => {
  it(`answers every acknowledged message exactly once after restart, over ${ROUNDS} rounds`, { timeout: 900_000 }, async () => {
    const started = Date.now();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${join(dir, 'db.sqlite')}${suffix}`, { force: true });
    let child = await serve();
    const conversations: Conversation[] = [];
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const grant = (await (await fetch(`${base}/tokens/generate`, { method: 'POST' })).json()) as { conversationId: string; token: string };
      conversations.push({ id: grant.conversationId, token: grant.token });
    }
    const posts: Post[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round > 0) child = await serve();
      for (const conversation of conversations) posts.push({ conversation, clientActivityId: randomUUID(), text: '帮助' });
      const current = child;
      await sendAll(posts, () => current.kill('SIGKILL'));
      current.kill('SIGKILL');
      await exited(current);
    }

    child = await serve();
    while (posts.some((p) => p.acknowledged === undefined)) await sendAll(posts, () => {});
    const replyCount = async () => {
      const replies = new Map<string, string[]>();
      for (const conversation of conversations) {
        for (const a of await activitiesOf(conversation)) {
          if (a.from.role === 'bot' && a.replyToId) replies.set(a.replyToId, [...(replies.get(a.replyToId) ?? []), a.text ?? '']);
        }
      }
      return replies;
    };
    let replies = await replyCount();
    const deadline = Date.now() + 60_000;
    while (posts.some((p) => !replies.has(p.acknowledged ?? '')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      replies = await replyCount();
    }
    // Longer than a lease and a sweep: a turn run twice would show by now.
    await new Promise((r) => setTimeout(r, 2_500));
    replies = await replyCount();
    child.kill('SIGTERM');
    await exited(child);

    const unanswered = posts.filter((p) => !replies.has(p.acknowledged ?? ''));
    expect(unanswered).toEqual([]);
    const texts = posts.map((p) => replies.get(p.acknowledged ?? '') ?? []);
    for (const answer of texts) {
      expect(answer.length).toBeGreaterThan(0);
      expect(new Set(answer).size).toBe(answer.length);
    }
    // Every turn answered alike: as many replies as the first one had, never a second set.
    expect(new Set(texts.map((t) => t.length)).size).toBe(1);
    expect(new Set(posts.map((p) => p.acknowledged)).size).toBe(posts.length);

    const database = openDatabase(databaseUrl);
    const left = await database.prisma.webchatPendingTurn.findMany({ where: { OR: [{ status: { not: 'done' } }, { sealed: { not: null } }] } });
    const done = await database.prisma.webchatPendingTurn.count({ where: { status: 'done' } });
    await database.close();
    expect(left).toEqual([]);
    expect(done).toBe(posts.length);
    console.log(`kill-after-ack: ${ROUNDS} rounds, ${posts.length} messages acknowledged and answered once, ${Math.round((Date.now() - started) / 1000)} s`);
  });
});
