// Brings a database up to the committed migrations of its provider, recording each in Prisma's
// `_prisma_migrations` table. Safe to call at every start: idempotent, and serialized across processes.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { databaseKindOf, sqlitePathOf } from '../database.ts';
import { openSchemaEngine } from './schema-engine.ts';
import { withMigrationLock } from './migration-lock.ts';
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
    const { engine, close } = await openSchemaEngine(databaseUrl, readFileSync(schemaPath, 'utf8'));
    try {
      const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return { applied: result.appliedMigrationNames };
    } finally {
      await close();
    }
  });
}
