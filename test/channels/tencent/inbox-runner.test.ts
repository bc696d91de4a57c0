// Callbacks accepted once and run at least once, on SQLite and PostgreSQL through two instances: a retry of a
// key is refused; a callback whose instance died after the ack (restart between callback and reply) is run by
// the next sweep once its lease lapses, exactly once; the sealed payload is gone after the run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInboxRunner, INBOX_KEYS_KEPT_MS } from '../../../src/channels/tencent/inbox-runner.ts';
import { createChannelInboxRepository } from '../../../src/persistence/channel-inbox-repository.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createPgDatabase } from '../../persistence/migrations/fixtures/temp-databases.ts';

const cipher = createPiiCipher(Buffer.alloc(32, 7));
const T0 = new Date('2026-05-01T00:00:00Z');
const quiet = { warn: () => {}, error: () => {} };
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function twoInstances(provider: 'sqlite' | 'postgres'): Promise<[Database, Database]> {
  let url: string;
  if (provider === 'sqlite') url = `file:${join(mkdtempSync(join(tmpdir(), 'jyb-inbox-')), 'db.sqlite')}`;
  else {
    const pg = await createPgDatabase();
    cleanups.push(() => pg.drop());
    url = pg.url;
  }
  await applyMigrations(url);
  const handles: [Database, Database] = [openDatabase(url), openDatabase(url)];
  await Promise.all(handles.map((h) => h.ready));
  cleanups.push(async () => void (await Promise.all(handles.map((h) => h.close()))));
  return handles;
}

describe.each(['sqlite', 'postgres'] as const)('channel inbox on %s', (provider) => {
  it('refuses retries, and runs a callback left by a crashed instance once after its lease', async () => {
    const [a, b] = await twoInstances(provider);
    let clock = T0;
    const now = () => clock;
    const ranOnA: string[] = [];
    // Instance A acknowledges the callback, then dies before its turn runs (its run never finishes).
    const crashed = createInboxRunner({ inbox: createChannelInboxRepository(a.prisma, cipher), channel: 'wecom', leaseMs: 30_000, logger: quiet, now, run: (p) => { ranOnA.push(p); return new Promise(() => {}); } });
    expect(await crashed.accept('wecom:msg:1', '<xml>你好 13812345678</xml>')).toBe(true);
    expect(await crashed.accept('wecom:msg:1', '<xml>你好 13812345678</xml>')).toBe(false);
    const row = await a.prisma.channelInbox.findUnique({ where: { key: 'wecom:msg:1' } });
    expect(row?.sealed).not.toContain('13812345678');

    const ranOnB: string[] = [];
    const restarted = createInboxRunner({ inbox: createChannelInboxRepository(b.prisma, cipher), channel: 'wecom', leaseMs: 30_000, logger: quiet, now, run: async (p) => void ranOnB.push(p) });
    expect(await restarted.accept('wecom:msg:1', '<xml>retry</xml>')).toBe(false);
    expect(await restarted.sweep()).toBe(0); // A's lease still holds
    clock = new Date(T0.getTime() + 31_000);
    expect(await restarted.sweep()).toBe(1);
    await restarted.idle();
    expect(ranOnB).toEqual(['<xml>你好 13812345678</xml>']);
    clock = new Date(T0.getTime() + 120_000);
    expect(await restarted.sweep()).toBe(0);
    expect(await b.prisma.channelInbox.findUnique({ where: { key: 'wecom:msg:1' } })).toMatchObject({ status: 'done', sealed: null });
    expect(ranOnA).toHaveLength(1);
  });

  it('keeps the key of an item that ran for a week against retries, then forgets it; pending items are kept', async () => {
    const [a] = await twoInstances(provider);
    let clock = T0;
    const inbox = createChannelInboxRepository(a.prisma, cipher);
    const ran: string[] = [];
    const runner = createInboxRunner({ inbox, channel: 'wechat-oa', leaseMs: 30_000, logger: quiet, now: () => clock, run: async (p) => void ran.push(p) });
    expect(await runner.accept('oa:msg:old', '<xml>1</xml>')).toBe(true);
    await runner.idle();
    // Another channel's key and an item still pending (its instance died) are not this sweep's to forget.
    await createInboxRunner({ inbox, channel: 'wecom', leaseMs: 30_000, logger: quiet, now: () => clock, run: async () => {} }).accept('wecom:msg:old', '<xml>w</xml>');
    expect(await inbox.accept({ key: 'oa:msg:stuck', channel: 'wechat-oa', payload: '<xml>2</xml>', owner: 'dead', leaseUntil: new Date(T0.getTime() + 8 * 24 * 3600_000) })).toBe(true);

    clock = new Date(T0.getTime() + 6 * 24 * 3600_000);
    await runner.sweep();
    expect(await runner.accept('oa:msg:old', '<xml>1</xml>')).toBe(false); // six days on: still a retry

    clock = new Date(T0.getTime() + INBOX_KEYS_KEPT_MS + 3600_000);
    await runner.sweep();
    const keys = (await a.prisma.channelInbox.findMany({ orderBy: { key: 'asc' } })).map((r) => [r.key, r.status]);
    expect(keys).toEqual([['oa:msg:stuck', 'pending'], ['wecom:msg:old', 'done']]);
    expect(ran).toEqual(['<xml>1</xml>']);
  });
});
