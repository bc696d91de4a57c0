// The SQL that would take a live database to the current schema.prisma: drift detection, and the proof in
// tests that applying the committed migrations yields exactly the schema. '' when they agree.
import { readFileSync } from 'node:fs';
import { databaseKindOf } from '../database.ts';
import { openSchemaEngine } from './schema-engine.ts';
import { defaultSources, normalizeScript, NO_FILTER } from './migrations-folder.ts';

/** Introspects the database at `databaseUrl` (Prisma's own `_prisma_migrations` is ignored) and diffs it. */
export async function diffDatabaseFromSchema(databaseUrl: string, schemaPath?: string): Promise<string> {
  const path = schemaPath ?? defaultSources(databaseKindOf(databaseUrl)).schemaPath;
  const schemaText = readFileSync(path, 'utf8');
  const files = [{ path: 'schema.prisma', content: schemaText }];
  const { engine, close } = await openSchemaEngine(databaseUrl, schemaText);
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return normalizeScript(result.stdout ?? '');
  } finally {
    await close();
  }
}
