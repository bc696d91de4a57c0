// The migration to one message queue for the Tencent channels keeps what was waiting, on both providers: 微信客服
// replies still queued stay queued in their order (sealed as they were), and WeCom case cards and forwards the
// old one-row ledger had sent are known as sent, so none goes out again after the upgrade.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { defaultSources } from '../../../src/persistence/migrations/migrations-folder.ts';
import { createPgDatabase, tempDir } from './fixtures/temp-databases.ts';

const MIGRATION = '20261203080208_queued_message';
const dir = tempDir();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  dir.remove();
});

/** The committed migrations of `kind` up to (without) the queue's. */
function before(kind: 'sqlite' | 'postgres'): string {
  const copy = join(dir.path, `${kind}-before`);
  cpSync(defaultSources(kind).migrationsDir, copy, { recursive: true });
  rmSync(join(copy, MIGRATION), { recursive: true });
  return copy;
}

describe.each(['sqlite', 'postgres'] as const)('the queued-message migration on %s', (kind) => {
  it('carries waiting 微信客服 replies over in order and the sent WeCom cards as sent', async () => {
    let url = `file:${join(dir.path, 'upgrade.db')}`;
    if (kind === 'postgres') {
      const pg = await createPgDatabase();
      cleanups.push(() => pg.drop());
      url = pg.url;
    }
    await applyMigrations(url, { migrationsDir: before(kind) });
    const old = openDatabase(url);
    await old.ready;
    await old.prisma.$executeRawUnsafe(`INSERT INTO "WecomKfQueuedReply" ("customer", "status", "sealed", "attempts") VALUES ('kf|wm1', 'sent', NULL, 1), ('kf|wm1', 'pending', 'sealed-2', 0), ('kf|wm1', 'pending', 'sealed-3', 0)`);
    await old.prisma.$executeRawUnsafe(`INSERT INTO "ChannelInbox" ("key", "channel", "status", "leaseUntil") VALUES ('wecom-card:case-1:ZhangSan', 'wecom', 'done', CURRENT_TIMESTAMP), ('wecom-fwd:m-1:ZhangSan', 'wecom', 'done', CURRENT_TIMESTAMP), ('wecom:msg:1', 'wecom', 'done', CURRENT_TIMESTAMP)`);
    await old.close();

    expect((await applyMigrations(url)).applied).toEqual([MIGRATION]);
    const db = openDatabase(url);
    await db.ready;
    try {
      const rows = await db.prisma.queuedMessage.findMany({ orderBy: { seq: 'asc' }, select: { channel: true, recipient: true, dedupeKey: true, status: true, sealed: true, nextAttemptAt: true } });
      expect(rows).toEqual([
        { channel: 'wecom-kf', recipient: 'kf|wm1', dedupeKey: null, status: 'sent', sealed: null, nextAttemptAt: null },
        { channel: 'wecom-kf', recipient: 'kf|wm1', dedupeKey: null, status: 'pending', sealed: 'sealed-2', nextAttemptAt: null },
        { channel: 'wecom-kf', recipient: 'kf|wm1', dedupeKey: null, status: 'pending', sealed: 'sealed-3', nextAttemptAt: null },
        { channel: 'wecom', recipient: '', dedupeKey: 'wecom-card:case-1:ZhangSan', status: 'sent', sealed: null, nextAttemptAt: null },
        { channel: 'wecom', recipient: '', dedupeKey: 'wecom-fwd:m-1:ZhangSan', status: 'sent', sealed: null, nextAttemptAt: null },
      ]);
      expect((await db.prisma.channelInbox.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(['wecom:msg:1']);
    } finally {
      await db.close();
    }
  });
});
