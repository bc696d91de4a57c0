import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDbCommand } from '../../../src/cli/db-command.ts';
import { tempDir } from './fixtures/temp-databases.ts';

const dir = tempDir();
const committed = readdirSync(join('prisma', 'migrations'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
afterAll(() => dir.remove());

async function db(argv: string[], databaseUrl = `file:${join(dir.path, 'cli.db')}`) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDbCommand(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, { databaseUrl });
  return { code, out: out.join('\n'), err };
}

describe('jiuyebang db', () => {
  it('status, migrate, migrate again, status', async () => {
    const before = await db(['status']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ applied: [], failed: [] });

    const first = await db(['migrate']);
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(first.out).toBe(`applied ${committed.length}: ${committed.join(', ')}`);
    expect(committed[0]).toMatch(/^\d{14}_init$/);
    expect(await db(['migrate'])).toMatchObject({ code: 0, out: 'database is up to date' });

    const after = JSON.parse((await db(['status'])).out);
    expect(after.pending).toEqual([]);
    expect(after.applied).toEqual(committed);
  });

  it('diff exits 0 with nothing printed when migrations match the schema', async () => {
    expect(await db(['diff', '--provider', 'sqlite'])).toEqual({ code: 0, out: '', err: [] });
  });

  it.each([
    [['bogus'], /command/],
    [['diff', '--provider', 'mysql'], /provider/],
    [['create'], /needs a migration name/],
    [['create', 'Bad Name', '--provider=sqlite'], /lower-case/],
    [['status'], /DATABASE_URL must start with/, 'mysql://x'],
  ])('%j fails with one line on stderr and exit 2', async (argv, message, url?: string) => {
    const result = await db(argv, url);
    expect(result.code).toBe(2);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
  });
});
