// Generates the Prisma clients offline: the SQLite client from prisma/schema.prisma and the PostgreSQL
// client from a copy with the provider swapped. Prisma's CLI wants a schema-engine binary path even for
// `generate`, which never runs it, so any existing executable is given (no download, works on intranets).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sqliteSchema = join(root, 'prisma/schema.prisma');
const pgSchema = join(root, 'prisma/postgres/schema.prisma');

const text = readFileSync(sqliteSchema, 'utf8');
const pgText = text
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('../src/persistence/generated/sqlite', '../../src/persistence/generated/postgres')
  .replace(/^\/\/ The data model[^\n]*\n(\/\/[^\n]*\n)*/, '// GENERATED from ../schema.prisma by scripts/generate.mjs: edit that file, not this one.\n');
mkdirSync(dirname(pgSchema), { recursive: true });
if (!existsSync(pgSchema) || readFileSync(pgSchema, 'utf8') !== pgText) writeFileSync(pgSchema, pgText);

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
const cli = join(root, 'node_modules/prisma/build/index.js');
for (const schema of [sqliteSchema, pgSchema]) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}
console.log('prisma clients generated (sqlite, postgres)');
