import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { migrationStatus } from '../../../src/persistence/migrations/migration-status.ts';
import { tempDir } from './fixtures/temp-databases.ts';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./fixtures/apply-in-child.mts', import.meta.url));
const dir = tempDir();
afterAll(() => dir.remove());

function countObjects(path: string): { jobSeekerTables: number; history: number } {
  const db = new Sqlite(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'JobSeeker'").get() as { n: number };
    const history = db.prepare('SELECT count(*) AS n FROM _prisma_migrations').get() as { n: number };
    return { jobSeekerTables: tables.n, history: history.n };
  } finally {
    db.close();
  }
}

describe('two services starting at once', () => {
  it('two processes applying to one fresh SQLite file both succeed, offline', async () => {
    const path = join(dir.path, 'two-processes/jyb.db');
    const start = () =>
      run(process.execPath, ['--import', 'tsx', child, `file:${path}`], { cwd: process.cwd(), timeout: 60_000 });
    const [a, b] = await Promise.all([start(), start()]);
    const results = [JSON.parse(a.stdout) as { applied: string[] }, JSON.parse(b.stdout) as { applied: string[] }];
    const { applied } = await migrationStatus(`file:${path}`);
    // exactly one of them did the work; the other found the database up to date
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, applied.length]);
    expect(countObjects(path)).toEqual({ jobSeekerTables: 1, history: applied.length });
  });

  it('two concurrent calls in one process both succeed', async () => {
    const url = `file:${join(dir.path, 'one-process.db')}`;
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, (await migrationStatus(url)).applied.length]);
    expect((await migrationStatus(url)).pending).toEqual([]);
  });
});
