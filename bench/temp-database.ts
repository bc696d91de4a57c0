// A migrated temporary SQLite database with the repositories over it, for benchmarks.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../src/persistence/migrations/apply-migrations.ts';
import { openDatabase } from '../src/persistence/database.ts';
import { createPiiCipher } from '../src/persistence/pii-cipher.ts';
import { createRepositories } from '../src/persistence/repositories.ts';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jyb-bench-'));
}

export async function migratedRepositories(region = '440800') {
  const file = join(tempDir(), 'bench.db');
  const url = `file:${file}`;
  await applyMigrations(url);
  const database = openDatabase(url);
  await database.ready;
  const repos = createRepositories(database.prisma, createPiiCipher(randomBytes(32)), region);
  return { database, repos, file };
}

export function perSecond(count: number, started: bigint): number {
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}
