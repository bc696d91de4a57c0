// The policy calculator answers every worked example kept as the project's own table fixtures
// (test/fixtures/policy/*.json): retirement ages, ID number vectors and working-day deadlines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runPolicyCommand } from '../../src/cli/policy/policy-command.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'policy');
const readFixture = <T extends z.ZodType>(name: string, schema: T): z.infer<T> => schema.parse(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')));

const retirementRows = readFixture('retirement-examples.json', z.object({
  rows: z.array(z.object({ category: z.enum(['MALE', 'FEMALE_55', 'FEMALE_50']), birth: z.string(), ageMonths: z.number().int(), retires: z.string(), public: z.boolean().optional() })),
})).rows;

const idFixture = readFixture('id-number-vectors.json', z.object({
  today: z.string(),
  rows: z.array(z.object({
    n: z.number().int(), input: z.string(), valid: z.boolean(), reason: z.enum(['checksum', 'date', 'future']).optional(),
    birthDate: z.string().optional(), sex: z.enum(['M', 'F']).optional(), region: z.string().optional(), normalized: z.string().optional(),
  })),
}));

const deadlineRows = readFixture('working-day-examples.json', z.object({
  rows: z.array(z.object({ start: z.string(), workingDays: z.number().int(), date: z.string(), why: z.string() })),
})).rows;

async function policy(args: string[]): Promise<Record<string, unknown>> {
  let out = '';
  const code = await runPolicyCommand(args, { out: (s) => void (out += s), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('policy calculator against the worked examples', () => {
  it('has every worked example (24 retirement rows, 14 ID vectors, 6 working-day examples)', () => {
    expect(retirementRows).toHaveLength(24);
    expect(idFixture.rows).toHaveLength(14);
    expect(deadlineRows).toHaveLength(6);
  });

  it.each(retirementRows)('retirement $category born $birth → $ageMonths months, retires $retires', async (row) => {
    expect(await policy(['retirement', '--birth', row.birth, '--category', row.category])).toMatchObject({ ageMonths: row.ageMonths, retirementMonth: row.retires });
  });

  it.each(idFixture.rows)('ID vector $n: $input', async (row) => {
    const result = await policy(['id', '--number', row.input, '--today', idFixture.today]);
    if (!row.valid) return void expect(result).toEqual({ valid: false, reason: row.reason });
    expect(result.valid).toBe(true);
    const expected = Object.fromEntries(Object.entries({ birthDate: row.birthDate, sex: row.sex, region: row.region, normalized: row.normalized }).filter(([, v]) => v !== undefined));
    expect(result).toMatchObject(expected);
  });

  it.each(deadlineRows)('$start + $workingDays working days → $date ($why)', async (row) => {
    expect(await policy(['deadline', '--start', row.start, '--working-days', String(row.workingDays)])).toEqual({ date: row.date, provisional: false });
  });
});
