// The SQL that would take a database built from the committed migrations to the current schema.prisma.
// Empty means the migrations reproduce the schema exactly (the check CI runs for both providers).
import { readFileSync } from 'node:fs';
import type { DatabaseKind } from '../database.ts';
import { openSchemaEngine } from './schema-engine.ts';
import {
  defaultSources,
  normalizeScript,
  readMigrationList,
  NO_FILTER,
  type MigrationSources,
} from './migrations-folder.ts';

export interface DiffOptions extends Partial<MigrationSources> {
  /**
   * PostgreSQL only: a server the temporary shadow database is created on (and dropped after).
   * Defaults to the local test server.
   */
  serverUrl?: string;
}

export const DEFAULT_POSTGRES_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Replays the migrations on a throwaway shadow database and diffs it against the schema; '' when equal. */
export async function diffSchemaFromMigrations(kind: DatabaseKind, options: DiffOptions = {}): Promise<string> {
  const sources = { ...defaultSources(kind), ...options };
  const schemaText = readFileSync(sources.schemaPath, 'utf8');
  const list = readMigrationList(sources.migrationsDir);
  const url = kind === 'sqlite' ? 'file::memory:' : (options.serverUrl ?? DEFAULT_POSTGRES_SERVER);
  const { engine, close } = await openSchemaEngine(url, schemaText);
  try {
    const to = { tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content: schemaText }] };
    const from =
      list.migrationDirectories.length === 0 ? { tag: 'empty' as const } : { tag: 'migrations' as const, ...list };
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTER });
    return normalizeScript(result.stdout ?? '');
  } finally {
    await close();
  }
}
