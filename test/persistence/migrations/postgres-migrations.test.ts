import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { migrationStatus } from '../../../src/persistence/migrations/migration-status.ts';
import { diffDatabaseFromSchema } from '../../../src/persistence/migrations/diff-database-from-schema.ts';
import { diffSchemaFromMigrations } from '../../../src/persistence/migrations/diff-schema-from-migrations.ts';
import { defaultSources } from '../../../src/persistence/migrations/migrations-folder.ts';
import { createPgDatabase, pgDatabasesLike, PG_SERVER } from './fixtures/temp-databases.ts';

const committed = readdirSync(defaultSources('postgres').migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('PostgreSQL migrations', () => {
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  beforeAll(async () => {
    database = await createPgDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('status lists everything pending on a fresh database', async () => {
    expect(await migrationStatus(database.url)).toEqual({ applied: [], pending: committed, failed: [] });
  });

  it('applied to a fresh database, yields exactly the PostgreSQL schema', async () => {
    expect((await applyMigrations(database.url)).applied).toEqual(committed);
    expect(await diffDatabaseFromSchema(database.url)).toBe('');
    expect(await migrationStatus(database.url)).toEqual({ applied: committed, pending: [], failed: [] });
  });

  it('is idempotent', async () => {
    expect(await applyMigrations(database.url)).toEqual({ applied: [] });
  });

  it('two concurrent applies on another fresh database both succeed (advisory lock)', async () => {
    const other = await createPgDatabase();
    try {
      const results = await Promise.all([applyMigrations(other.url), applyMigrations(other.url)]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, committed.length]);
    } finally {
      await other.drop();
    }
  });

  it('the committed migrations reproduce the schema, and the shadow database is dropped', async () => {
    expect(await diffSchemaFromMigrations('postgres', { serverUrl: PG_SERVER })).toBe('');
    expect(await pgDatabasesLike('jyb_shadow_%')).toEqual([]);
  });
});
