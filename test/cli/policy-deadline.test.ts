import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPolicy } from '../support/run-policy.ts';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runPolicy;

describe('policy deadline', () => {
  it.each([
    ['2026-02-12', '5', '2026-02-26'],
    ['2026-04-30', '5', '2026-05-11'],
    ['2026-09-28', '7', '2026-10-13'],
  ])('%s + %s working days → %s (SPEC §3.5)', async (start, n, date) => {
    const r = await run(['deadline', '--start', start, '--working-days', n]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ date, provisional: false });
  });

  it('a deadline running into a year without holiday data is provisional', async () => {
    const r = await run(['deadline', '--start', '2027-06-01', '--working-days', '5']);
    expect(JSON.parse(r.out)).toMatchObject({ provisional: !loadWorkCalendar().isCovered(2027) });
    const farFuture = await run(['deadline', '--start', '2035-06-01', '--working-days', '1']);
    expect(JSON.parse(farFuture.out)).toEqual({ date: '2035-06-04', provisional: true });
  });

  it('--overrides points at another override table', async () => {
    const path = join(dir, 'overrides.json');
    writeFileSync(path, JSON.stringify({ years: { 2035: { source: 'TEST notice', holidays: ['2035-06-04'], workdays: [] } } }));
    const r = await run(['deadline', '--start', '2035-06-01', '--working-days', '1', '--overrides', path]);
    expect(JSON.parse(r.out)).toEqual({ date: '2035-06-05', provisional: false });
  });

  it('a bad override table is reported on stderr naming the file', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ years: { 2035: { holidays: [], workdays: [] } } }));
    const r = await run(['deadline', '--start', '2035-06-01', '--working-days', '1', '--overrides', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(path);
    expect(r.err).toContain('years.2035.source');
  });

  it.each([
    ['missing --start', ['deadline', '--working-days', '5']],
    ['missing --working-days', ['deadline', '--start', '2026-02-12']],
    ['an impossible start date', ['deadline', '--start', '2026-02-30', '--working-days', '5']],
    ['a negative count', ['deadline', '--start', '2026-02-12', '--working-days', '-5']],
    ['a fractional count', ['deadline', '--start', '2026-02-12', '--working-days', '2.5']],
    ['a count that is not a number', ['deadline', '--start', '2026-02-12', '--working-days', 'five']],
  ])('%s is a usage error: exit 2, one line on stderr', async (_rule, argv) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
