// The policy calculator answers every worked example of SPEC §2.4, §3.5 and §4.5, read from the SPEC text
// itself, so a corrected SPEC row is checked without editing this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicyCommand } from '../../src/cli/policy/policy-command.ts';

const spec = readFileSync(join(process.cwd(), '..', 'shared', 'domain', 'SPEC.md'), 'utf8');
const sectionOf = (heading: string, next: string) => spec.slice(spec.indexOf(heading), spec.indexOf(next, spec.indexOf(heading)));

async function policy(args: string[]): Promise<Record<string, unknown>> {
  let out = '';
  const code = await runPolicyCommand(args, { out: (s) => void (out += s), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out);
}

const retirementRows = [...sectionOf('- 2.4 Worked examples', '- 2.5').matchAll(/^\| (MALE|FEMALE_55|FEMALE_50) \| (\d{4}-\d{2})[^|]*\| (\d+) \| (\d+)y(\d+)m \| (\d{4}-\d{2})/gm)].map((m) => ({
  category: m[1] ?? '', birth: m[2] ?? '', ageMonths: Number(m[4]) * 12 + Number(m[5]), retires: m[6] ?? '',
}));

const idRows = [...sectionOf('- 4.5 Test vectors', '- 4.6').matchAll(/^\| (\d+) \| `([0-9Xx]+)`(?: \(15\))? \| (.+) \|$/gm)].map((m) => ({ n: Number(m[1]), input: m[2] ?? '', expected: m[3] ?? '' }));

const deadlineRows = [...sectionOf('- 3.5 **Recommendations', '## 4.').matchAll(/(\d{4}-\d{2}-\d{2})[^+\n]*\+ (\d+)[^→\n]*→ \*\*(\d{4}-\d{2}-\d{2})\*\*/g)].map((m) => ({ start: m[1] ?? '', days: m[2] ?? '', date: m[3] ?? '' }));

describe('policy calculator against every SPEC example', () => {
  it('finds all the worked examples in SPEC (24 retirement rows, 14 ID vectors, 6 working-day examples)', () => {
    expect(retirementRows).toHaveLength(24);
    expect(idRows).toHaveLength(14);
    expect(deadlineRows).toHaveLength(6);
  });

  it.each(retirementRows)('retirement $category born $birth → $ageMonths months, retires $retires (SPEC §2.4)', async (row) => {
    expect(await policy(['retirement', '--birth', row.birth, '--category', row.category])).toMatchObject({ ageMonths: row.ageMonths, retirementMonth: row.retires });
  });

  it.each(idRows)('ID vector $n: $input (SPEC §4.5)', async (row) => {
    const result = await policy(['id', '--number', row.input, '--today', '2026-11-22']);
    const invalid = /invalid check character/.test(row.expected) ? 'checksum' : /invalid date/.test(row.expected) ? 'date' : /future/.test(row.expected) ? 'future' : null;
    if (invalid) return void expect(result).toEqual({ valid: false, reason: invalid });
    expect(result.valid).toBe(true);
    const born = /born (?:\*\*)?(\d{4}-\d{2}-\d{2})/.exec(row.expected)?.[1];
    if (born) expect(result.birthDate).toBe(born);
    const sex = /\*\*([MF])\*\*|; ([MF])$/.exec(row.expected);
    if (sex) expect(result.sex).toBe(sex[1] ?? sex[2]);
    const upgraded = /upgrades to `([0-9X]{18})`/.exec(row.expected)?.[1];
    if (upgraded) expect(result.normalized).toBe(upgraded);
    const region = /region (\d{6})/.exec(row.expected)?.[1];
    if (region) expect(result.region).toBe(region);
  });

  it.each(deadlineRows)('$start + $days working days → $date (SPEC §3.5)', async (row) => {
    expect(await policy(['deadline', '--start', row.start, '--working-days', row.days])).toEqual({ date: row.date, provisional: false });
  });
});
