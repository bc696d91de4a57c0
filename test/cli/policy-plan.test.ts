// `jiuyebang policy plan --region <pack> --registered YYYY-MM-DD --group unemployed|hardship|graduate [--refused-monthly]`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyCommands } from '../../src/cli/policy/policy-command.ts';
import { runPolicy } from '../support/run-policy.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const W = '温人社发〔2022〕37号';

const run = runPolicy;

describe('policy plan', () => {
  it('is registered beside hardship in the policy registry', () => {
    expect(Object.keys(policyCommands)).toEqual(expect.arrayContaining(['hardship', 'plan']));
  });

  it('Wenzhou, registered 2026-02-12: first contact 2026-02-26 (W 二(一)1), then 12 monthly dates (W 二(二))', async () => {
    const r = await run(['plan', '--region', 'wenzhou-2022', '--registered', '2026-02-12', '--group', 'unemployed']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.region).toBe('wenzhou-2022');
    expect(json.firstContact).toMatchObject({ date: '2026-02-26', provisional: false, source: `${W} 第二部分第（一）项第1点` });
    expect(json.followUps).toHaveLength(12);
    expect(json.followUps[0]).toMatchObject({ date: '2026-03-12', provisional: false, source: `${W} 第二部分第（二）项` });
    expect(json.followUps[11]).toMatchObject({ date: '2027-02-12', provisional: true });
  });

  it('--refused-monthly: Wenzhou every 6 months from registration; Zhanjiang monthly with a refused flag (SPEC §6 item 8)', async () => {
    const w = JSON.parse((await run(['plan', '--region', 'wenzhou-2022', '--registered', '2025-03-15', '--group', 'unemployed', '--refused-monthly'])).out);
    expect(w.followUps.slice(0, 2).map((d: { date: string }) => d.date)).toEqual(['2025-09-15', '2026-03-16']);
    expect(w.refusedFlag).toBe(false);
    expect(w.followUps[0].source).toBe(`${W} 第二部分第（二）项`);
    const z = JSON.parse((await run(['plan', '--region', 'zhanjiang-2021', '--registered', '2025-03-15', '--group', 'unemployed', '--refused-monthly'])).out);
    expect(z.followUps[0].date).toBe('2025-04-15');
    expect(z.refusedFlag).toBe(true);
    expect(z.followUps[0].source).toBe('本地设定，参照《关于建立湛江市失业人员就业服务制度的通知》 第四部分第（二）项，以经办机构确认为准');
  });

  it.each(['wenzhou-2022', 'zhanjiang-2021', 'anshan-2022', 'harbin-2010', 'zhejiang-2025', 'national'])('%s: no file name, spec number or reference id reaches the output', async (region) => {
    for (const group of ['unemployed', 'hardship', 'graduate']) {
      const r = await run(['plan', '--region', region, '--registered', '2025-03-15', '--group', group]);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/\.txt|SPEC|§|#|decision:|[0-9a-f]{16}/);
    }
    const z = JSON.parse((await run(['plan', '--region', region, '--registered', '2025-03-15', '--group', 'unemployed'])).out);
    expect(z.firstContact.source).toMatch(region === 'wenzhou-2022' ? /^温人社发〔2022〕37号 第二部分/ : /^本地设定，参照温人社发〔2022〕37号 第二部分第（一）项第1点/);
  });

  it('graduate: first contact within 1 month (W 二(一)2)', async () => {
    const json = JSON.parse((await run(['plan', '--region', 'wenzhou-2022', '--registered', '2026-01-31', '--group', 'graduate'])).out);
    expect(json.firstContact).toMatchObject({ date: '2026-02-28', source: `${W} 第二部分第（一）项第2点` });
  });

  it.each([
    [['--region', 'wenzhou-2022', '--registered', '2026-02-12'], /missing --group/],
    [['--region', 'wenzhou-2022', '--registered', '2026-02-12', '--group', 'student'], /--group must be one of unemployed, hardship, graduate/],
    [['--region', 'wenzhou-2022', '--registered', '12/02/2026', '--group', 'unemployed'], /--registered must be a real date/],
    [['--region', 'atlantis', '--registered', '2026-02-12', '--group', 'unemployed'], /unknown --region "atlantis"/],
    [['--registered', '2026-02-12', '--group', 'unemployed'], /missing --region/],
  ])('bad arguments → exit 2 with a clear message (%#)', async (args, message) => {
    const r = await run(['plan', ...args]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(message);
  });

  it.runIf(existsSync(join(ROOT, 'src', 'cli', 'main.ts')))('end to end through bin/jiuyebang.mjs', () => {
    const r = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'policy', 'plan', '--region', 'zhanjiang-2021', '--registered', '2026-09-30', '--group', 'hardship'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' },
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.firstContact.date).toBe('2026-10-13');
    expect(json.followUps[0].kind).toBe('hardship_interval');
    const bad = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'policy', 'plan', '--region', 'zhanjiang-2021'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('missing --registered');
  }, 30_000);
});
