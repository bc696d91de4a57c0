// On a terminal `catalog import` and `seed demo` draw a cli-progress bar (not the plain line a pipe or a log file
// gets): each command runs under a pseudo-terminal made by util-linux `script`, as an office clerk would run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'jyb-tty-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'db.sqlite')}`, PII_KEY_FILE: join(dir, 'pii.key'), LOG_LEVEL: 'error' };
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with stdout and stderr on one pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string): { status: number | null; screen: string } {
  const command = `'${process.execPath}' bin/jiuyebang.mjs ${args}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, screen: r.stdout };
}

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('catalog import draws the bar to 100% and prints no plain progress line', { timeout: 150_000 }, () => {
    const r = onTerminal('catalog import demo/catalogue.json');
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(/导入内容目录 \[█+\] 100% (\d+)\/\1/);
    expect(r.screen).not.toContain('catalog import: ');
  });

  it('seed demo draws the bar to 100% and prints no plain progress line', { timeout: 150_000 }, () => {
    const r = onTerminal('seed demo --people 30');
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(/生成演示登记人员 \[█+\] 100% 30\/30/);
    expect(r.screen).not.toContain('seed demo: ');
  });

  it('seed demo with its result redirected to a file still draws the bar on the terminal (progress goes to stderr)', { timeout: 150_000 }, () => {
    const result = join(dir, 'created.json');
    const r = onTerminal(`seed demo --people 5 > '${result}'`);
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(/生成演示登记人员 \[█+\] 100% 5\/5/);
    expect(r.screen).not.toContain('seed demo: ');
    expect(JSON.parse(readFileSync(result, 'utf8'))).toMatchObject({ created: 5 });
  });
});
