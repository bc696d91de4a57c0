// Throwaway migrated databases for tests: SQLite copies of one migrated template per test process (the schema
// engine is slow to start), or a fresh PostgreSQL database on the local server, migrated, dropped after.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../src/persistence/migrations/apply-migrations.ts';
import { createPgDatabase } from '../persistence/migrations/fixtures/temp-databases.ts';

export type DatabaseProvider = 'sqlite' | 'postgres';

let template: Promise<string> | null = null;

/** Migrates one SQLite file per test process. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jyb-engine-tpl-')), 'template.db');
    await applyMigrations(`file:${path}`);
    return path;
  })();
  return template;
}

/** A new migrated database; `remove` deletes it (the caller closes its connections first). */
export async function migratedDatabase(provider: DatabaseProvider = 'sqlite', prefix = 'jyb-db-'): Promise<{ url: string; remove(): Promise<void> }> {
  if (provider === 'postgres') {
    const pg = await createPgDatabase();
    await applyMigrations(pg.url);
    return { url: pg.url, remove: () => pg.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(await migratedTemplate(), join(dir, 'test.db'));
  return { url: `file:${join(dir, 'test.db')}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}
