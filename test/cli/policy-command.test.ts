import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { policyCommands } from '../../src/cli/policy/policy-command.ts';
import { runPolicy } from '../support/run-policy.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

const run = runPolicy;

describe('policy command dispatcher', () => {
  it('the registry is a plain map with id, retirement and deadline', () => {
    expect(Object.keys(policyCommands)).toEqual(expect.arrayContaining(['id', 'retirement', 'deadline']));
  });

  it('a missing command is a usage error (exit 2, one line on stderr, nothing on stdout)', async () => {
    const r = await run([]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown command is a usage error naming it', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('frobnicate');
    expect(await run(['toString'])).toMatchObject({ code: 2, out: '' });
  });

  it('help lists the commands as one JSON object', async () => {
    const r = await run(['help']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).commands).toHaveLength(Object.keys(policyCommands).length);
  });
});

// The real binary: runs once src/cli/main.ts (owned by another module) routes `policy` to runPolicyCommand.
describe.skipIf(!existsSync(join(ROOT, 'src/cli/main.ts')))('npx jiuyebang policy … through bin/jiuyebang.mjs', () => {
  function bin(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/jiuyebang.mjs'), 'policy', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('policy id prints the parsed ID as one JSON object', () => {
    const r = bin(['id', '--number', '11010519491231002x', '--today', '2026-11-22']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', region: '110105' });
  });

  it('policy retirement prints the new statutory age', () => {
    const r = bin(['retirement', '--birth', '1971-04', '--category', 'FEMALE_55']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ageMonths: 55 * 12 + 4, retirementMonth: '2026-08' });
  });

  it('policy deadline prints the working-day deadline, even under a New York clock', () => {
    const r = bin(['deadline', '--start', '2025-12-31', '--working-days', '5']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ date: '2026-01-08', provisional: false });
  });

  it('bad arguments exit with 2 and a one-line error', () => {
    const r = bin(['deadline', '--start', '2025-12-31']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
