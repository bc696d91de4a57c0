// Brings a database up to the committed migrations of its provider, recording each in Prisma's
// `_prisma_migrations` table. Safe to call at every start: idempotent, and serialized across processes.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { databaseKindOf, sqlitePathOf } from '../database.ts';
import { openSchemaEngine } from './schema-engine.ts';
import { withMigrationLock } from './migration-lock.ts';
import { migrationStatus } from './migration-status.ts';
import { defaultSources, readMigrationList, NO_FILTER, type MigrationSources } from './migrations-folder.ts';

export interface AppliedMigrations {
  /** Names of the migration folders applied by this call (empty when the database was up to date). */
  applied: string[];
}

/** Applies every committed migration the database lacks, in folder-name order. */
export async function applyMigrations(
  databaseUrl: string,
  sources: Partial<MigrationSources> = {},
): Promise<AppliedMigrations> {
  const kind = databaseKindOf(databaseUrl);
  const { schemaPath, migrationsDir } = { ...defaultSources(kind), ...sources };
  if (kind === 'sqlite') mkdirSync(dirname(sqlitePathOf(databaseUrl)), { recursive: true });
  const migrationsList = readMigrationList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`no migrations found in ${migrationsDir}`);
  }
  return withMigrationLock(databaseUrl, async () => {
    // Up to date: the schema engine is not opened. On SQLite it waits for every other connection to the file, so a
    // second instance, `seed demo` or `catalog import` beside a running service would time out on a no-op.
    const status = await migrationStatus(databaseUrl, migrationsDir);
    if (status.pending.length === 0 && status.failed.length === 0) return { applied: [] };
    const { engine, close } = await openSchemaEngine(databaseUrl, readFileSync(schemaPath, 'utf8'));
    try {
      const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return { applied: result.appliedMigrationNames };
    } catch (error) {
      if (kind === 'sqlite' && /SocketTimeout|database is locked|SQLITE_BUSY/i.test(String(error))) {
        throw new Error(`数据库正被另一个进程使用（运行中的服务？），无法升级 ${status.pending.length} 项数据库变更：请先停止服务再启动。 The database is in use by another process (a running service?), so ${status.pending.length} pending migration(s) cannot be applied: stop it first.`, { cause: error });
      }
      throw error;
    } finally {
      await close();
    }
  });
}
