import { describe, expect, it } from 'vitest';
import { runPolicy } from '../support/run-policy.ts';

const run = runPolicy;

describe('policy retirement', () => {
  it.each([
    ['MALE', '1965-01', 60 * 12 + 1, '2025-02'],
    ['FEMALE_55', '1971-04', 55 * 12 + 4, '2026-08'],
    ['FEMALE_50', '1984-11', 55 * 12, '2039-11'],
  ])('%s born %s: new statutory age %i months, retires in %s (SPEC §2.4)', async (category, birth, ageMonths, retirementMonth) => {
    const r = await run(['retirement', '--birth', birth, '--category', category]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ageMonths, retirementMonth });
    expect(JSON.parse(r.out).source).toBe('《国务院关于渐进式延迟法定退休年龄的办法》 第二条');
  });

  it.each([
    ['missing --birth', ['retirement', '--category', 'MALE']],
    ['missing --category', ['retirement', '--birth', '1965-01']],
    ['an unknown category', ['retirement', '--birth', '1965-01', '--category', 'FEMALE']],
    ['a full date instead of a month', ['retirement', '--birth', '1965-01-15', '--category', 'MALE']],
    ['month 13', ['retirement', '--birth', '1965-13', '--category', 'MALE']],
  ])('%s is a usage error: exit 2, one line on stderr', async (_rule, argv) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
