import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSchemaFromMigrations } from '../../../src/persistence/migrations/diff-schema-from-migrations.ts';
import { createMigration } from '../../../src/persistence/migrations/create-migration.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { diffDatabaseFromSchema } from '../../../src/persistence/migrations/diff-database-from-schema.ts';
import { defaultSources } from '../../../src/persistence/migrations/migrations-folder.ts';
import { tempDir } from './fixtures/temp-databases.ts';

const dir = tempDir();
afterAll(() => dir.remove());

/** A copy of the SQLite sources where a developer added a model but no migration yet. */
function editedCopy(): { schemaPath: string; migrationsDir: string } {
  const sources = defaultSources('sqlite');
  const schemaPath = join(dir.path, 'schema.prisma');
  const migrationsDir = join(dir.path, 'migrations');
  writeFileSync(
    schemaPath,
    `${readFileSync(sources.schemaPath, 'utf8')}\nmodel Extra {\n  id    String @id\n  label String\n}\n`,
  );
  cpSync(sources.migrationsDir, migrationsDir, { recursive: true });
  return { schemaPath, migrationsDir };
}

describe('a schema edited without a migration', () => {
  const sources = editedCopy();

  it('shows up as a non-empty diff naming the new table', async () => {
    const sql = await diffSchemaFromMigrations('sqlite', sources);
    expect(sql).toContain('CREATE TABLE "Extra"');
  });

  it('create writes the missing migration, after which the diff is empty and it applies', async () => {
    const before = readdirSync(sources.migrationsDir).length;
    const created = await createMigration('sqlite', 'add_extra', { ...sources, now: new Date('2099-01-02T03:04:05Z') });
    expect(created?.name).toBe('20990102030405_add_extra');
    expect(readdirSync(sources.migrationsDir)).toHaveLength(before + 1);
    expect(await diffSchemaFromMigrations('sqlite', sources)).toBe('');
    expect(await createMigration('sqlite', 'again', sources)).toBeNull();

    const url = `file:${join(dir.path, 'edited.db')}`;
    const { applied } = await applyMigrations(url, sources);
    expect(applied.at(-1)).toBe('20990102030405_add_extra');
    expect(await diffDatabaseFromSchema(url, sources.schemaPath)).toBe('');
  });

  it('rejects unsafe migration names', async () => {
    await expect(createMigration('sqlite', '../escape', sources)).rejects.toThrow(/lower-case/);
  });
});
