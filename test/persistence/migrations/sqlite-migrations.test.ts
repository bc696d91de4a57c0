import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { migrationStatus } from '../../../src/persistence/migrations/migration-status.ts';
import { diffDatabaseFromSchema } from '../../../src/persistence/migrations/diff-database-from-schema.ts';
import { diffSchemaFromMigrations } from '../../../src/persistence/migrations/diff-schema-from-migrations.ts';
import { defaultSources } from '../../../src/persistence/migrations/migrations-folder.ts';
import { tempDir } from './fixtures/temp-databases.ts';

const committed = readdirSync(defaultSources('sqlite').migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('SQLite migrations', () => {
  let dir = tempDir();
  afterEach(() => {
    dir.remove();
    dir = tempDir();
  });

  it('has committed migrations in Prisma layout', () => {
    expect(committed.length).toBeGreaterThan(0);
    for (const name of committed) expect(name).toMatch(/^\d{14}_[a-z0-9_-]+$/);
    expect(existsSync(join(defaultSources('sqlite').migrationsDir, 'migration_lock.toml'))).toBe(true);
  });

  it('applied to a fresh file, yields exactly schema.prisma', async () => {
    const url = `file:${join(dir.path, 'nested/folder/jyb.db')}`;
    const started = performance.now();
    const { applied } = await applyMigrations(url);
    const ms = performance.now() - started;
    console.info(`applyMigrations on a fresh SQLite file: ${ms.toFixed(0)} ms`);
    expect(applied).toEqual(committed);
    expect(await diffDatabaseFromSchema(url)).toBe('');
  });

  it('the committed migrations replayed on a shadow database reproduce the schema', async () => {
    expect(await diffSchemaFromMigrations('sqlite')).toBe('');
  });

  it('is idempotent: a second run applies nothing', async () => {
    const url = `file:${join(dir.path, 'jyb.db')}`;
    await applyMigrations(url);
    expect(await applyMigrations(url)).toEqual({ applied: [] });
  });

  it('with nothing to apply, starts beside another process that has the file open (a running service)', async () => {
    const url = `file:${join(dir.path, 'jyb.db')}`;
    await applyMigrations(url);
    // A connection that has read the database, as a running service's has (the schema engine used to wait 30 s for
    // it and fail with an unreadable connector error, so `seed demo` or `catalog import` failed beside the service).
    const service = new Sqlite(join(dir.path, 'jyb.db'));
    try {
      service.pragma('journal_mode = WAL'); // as the service sets it (database.ts)
      service.exec('BEGIN');
      service.prepare('SELECT count(*) FROM "JobSeeker"').get();
      expect(await applyMigrations(url)).toEqual({ applied: [] });
    } finally {
      service.close();
    }
  });

  it('reports status before and after', async () => {
    const url = `file:${join(dir.path, 'jyb.db')}`;
    expect(await migrationStatus(url)).toEqual({ applied: [], pending: committed, failed: [] });
    expect(existsSync(join(dir.path, 'jyb.db'))).toBe(false);
    await applyMigrations(url);
    expect(await migrationStatus(url)).toEqual({ applied: committed, pending: [], failed: [] });
  });
});
