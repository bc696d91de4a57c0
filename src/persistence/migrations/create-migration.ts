// For developers after editing schema.prisma: writes the next migration folder for one provider with the
// SQL that takes the committed migrations to the current schema (nothing is written when they agree).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatabaseKind } from '../database.ts';
import { diffSchemaFromMigrations, type DiffOptions } from './diff-schema-from-migrations.ts';
import { defaultSources, lockFileText, migrationTimestamp } from './migrations-folder.ts';

/** Folder names stay portable and readable: lower-case words joined by underscores. */
export const MigrationName = z
  .string()
  .regex(/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/, 'use lower-case letters, digits, "_" or "-" (e.g. add_outbox)')
  .max(100);

export interface CreatedMigration {
  name: string;
  path: string;
  sql: string;
}

/** Returns the folder written, or null when the migrations already reproduce the schema. */
export async function createMigration(
  kind: DatabaseKind,
  name: string,
  options: DiffOptions & { now?: Date } = {},
): Promise<CreatedMigration | null> {
  const parsed = MigrationName.safeParse(name);
  if (!parsed.success) throw new Error(`migration name "${name}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const slug = parsed.data;
  const migrationsDir = options.migrationsDir ?? defaultSources(kind).migrationsDir;
  const sql = await diffSchemaFromMigrations(kind, { ...options, migrationsDir });
  if (sql === '') return null;
  const folder = `${migrationTimestamp(options.now ?? new Date())}_${slug}`;
  const path = join(migrationsDir, folder);
  if (existsSync(path)) throw new Error(`migration folder ${folder} already exists`);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'migration.sql'), sql.endsWith('\n') ? sql : `${sql}\n`);
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) writeFileSync(lockPath, lockFileText(kind));
  return { name: folder, path, sql };
}
