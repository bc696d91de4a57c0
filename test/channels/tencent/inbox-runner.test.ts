// Callbacks accepted once and run at least once, on SQLite and PostgreSQL through two instances: a retry of a
// key is refused; a callback whose instance died after the ack (restart between callback and reply) is run by
// the next sweep once its lease lapses, exactly once; the sealed payload is gone after the run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInboxRunner } from '../../../src/channels/tencent/inbox-runner.ts';
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
});
