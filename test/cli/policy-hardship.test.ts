// `jiuyebang policy hardship --region <pack> --as-of YYYY-MM-DD --profile <file.json>`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPolicy } from '../support/run-policy.ts';
import { idFor } from '../domain/regions/test-packs.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = mkdtempSync(join(tmpdir(), 'hardship-cli-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function profileFile(name: string, body: unknown): string {
  const file = join(DIR, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

const run = runPolicy;

const disabledWoman = profileFile('p1.json', { idNumber: idFor('1980-03-01', 'F'), registeredSince: '2025-01-01', disabilityCertified: true });

describe('policy hardship', () => {
  it('Wenzhou: certified disabled → DISABLED met with its clause, public notice waived (W 一(二))', async () => {
    const r = await run(['hardship', '--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', disabledWoman]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['region', 'categories', 'publicNoticeExempt']);
    expect(json.region).toBe('wenzhou-2022');
    expect(json.categories).toContainEqual({ code: 'DISABLED', status: 'met', source: '温人社发〔2022〕37号 第一部分第（二）项' });
    expect(json.categories).toContainEqual({ code: 'LONG_TERM_UNEMPLOYED', status: 'met', source: '温人社发〔2022〕37号 第一部分第（二）项' });
    expect(r.out).not.toMatch(/\.txt|SPEC|§|#|decision:/);
    expect(json.categories.map((c: { code: string }) => c.code)).not.toContain('MARTYR_FAMILY');
    expect(json.publicNoticeExempt).toBe(true);
  }, 10_000);

  it('Harbin: same profile → public notice, and Harbin\'s own categories (SPEC §6 item 5)', async () => {
    const r = await run(['hardship', '--region', 'harbin-2010', '--as-of', '2025-08-01', '--profile', disabledWoman]);
    const json = JSON.parse(r.out);
    expect(json.publicNoticeExempt).toBe(false);
    expect(json.categories.map((c: { code: string }) => c.code)).toEqual([
      'AGE_4050', 'ZERO_EMPLOYMENT_FAMILY', 'DISABLED', 'MINIMUM_LIVING_ALLOWANCE', 'LONG_TERM_UNEMPLOYED',
      'LAND_REQUISITIONED', 'SINGLE_PARENT', 'MODEL_WORKER', 'MARTYR_FAMILY', 'MILITARY_SPOUSE',
    ]);
    expect(json.categories[0]).toEqual({ code: 'AGE_4050', status: 'met', source: '哈人社发〔2010〕230号 第三条第（一）项' });
  });

  it.each([
    [['--region', 'wenzhou-2022', '--as-of', '2025-08-01'], /missing --profile/],
    [['--region', 'nowhere', '--as-of', '2025-08-01', '--profile', 'x'], /--profile x/],
    [['--region', 'wenzhou-2022', '--as-of', '2025-02-30', '--profile', 'x'], /--as-of must be a real date/],
    [['--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', join(DIR, 'missing.json')], /missing\.json/],
    [['--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', profileFile('bad.json', '{ not json')], /bad\.json/],
    [['--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', profileFile('type.json', { disabilityCertified: 'yes' })], /disabilityCertified: expected boolean/],
    [['--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', profileFile('date.json', { registeredSince: '2025-13-01' })], /registeredSince: expected a date/],
    [['--region', 'nowhere', '--as-of', '2025-08-01', '--profile', disabledWoman], /unknown --region "nowhere"/],
    [['--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', disabledWoman, '--extra'], /extra/],
  ])('bad arguments → exit 2 with a clear message (%#)', async (args, message) => {
    const r = await run(['hardship', ...args]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(message);
  });

  it.runIf(existsSync(join(ROOT, 'src', 'cli', 'main.ts')))('end to end through bin/jiuyebang.mjs', () => {
    const r = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'policy', 'hardship', '--region', 'zhejiang-2025', '--as-of', '2025-08-01', '--profile', disabledWoman], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' },
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.region).toBe('zhejiang-2025');
    expect(json.categories).toContainEqual({ code: 'DISABLED', status: 'unknown', source: '浙人社发〔2025〕59号 第一部分第（五）项' });
    const bad = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'policy', 'hardship', '--region', 'wenzhou-2022', '--as-of', '2025-08-01', '--profile', profileFile('t2.json', { registeredSince: 20250101 })], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('registeredSince');
  }, 30_000);
});
