// Which committed migrations a database has applied, lacks, or failed half-way (read from Prisma's
// `_prisma_migrations` table; a failed one must be fixed by hand before anything else is applied).
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { databaseKindOf, sqlitePathOf } from '../database.ts';
import { migrationAdapterFactory } from './migration-adapter-factory.ts';
import { defaultSources, migrationNamesOf, readMigrationList } from './migrations-folder.ts';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
}

const TABLE_EXISTS = {
  sqlite: "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
  postgres:
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'",
} as const;

const HISTORY = `SELECT migration_name,
  CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END AS finished,
  CASE WHEN rolled_back_at IS NULL THEN 0 ELSE 1 END AS rolled_back
  FROM _prisma_migrations ORDER BY started_at`;

const HistoryRow = z.tuple([z.string(), z.coerce.number(), z.coerce.number()]);
const CountRow = z.tuple([z.coerce.number()]);

/** Compares the database's migration history with the committed folder of its provider. */
export async function migrationStatus(databaseUrl: string, migrationsDir?: string): Promise<MigrationStatus> {
  const kind = databaseKindOf(databaseUrl);
  const committed = migrationNamesOf(readMigrationList(migrationsDir ?? defaultSources(kind).migrationsDir));
  if (kind === 'sqlite' && !existsSync(sqlitePathOf(databaseUrl))) {
    return { applied: [], pending: committed, failed: [] };
  }
  const factory = migrationAdapterFactory(databaseUrl);
  try {
    const adapter = await factory.connect();
    const exists = await adapter.queryRaw({ sql: TABLE_EXISTS[kind], args: [], argTypes: [] });
    const [count] = CountRow.parse(exists.rows[0] ?? [0]);
    const rows = count === 0 ? [] : (await adapter.queryRaw({ sql: HISTORY, args: [], argTypes: [] })).rows;
    const history = rows.map((row) => HistoryRow.parse(row));
    const live = history.filter(([, , rolledBack]) => rolledBack === 0);
    const applied = live.filter(([, finished]) => finished === 1).map(([name]) => name);
    const failed = live.filter(([, finished]) => finished === 0).map(([name]) => name);
    const pending = committed.filter((name) => !applied.includes(name) && !failed.includes(name));
    return { applied, pending, failed };
  } finally {
    await factory.disposeAll();
  }
}
