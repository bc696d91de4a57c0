import { describe, expect, it } from 'vitest';
import { CalendarOverridesSchema } from '../../../src/domain/calendar/calendar-overrides.ts';

function issuesOf(input: unknown): string[] {
  const r = CalendarOverridesSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const GOOD_YEAR = { source: 'TEST notice', holidays: ['2027-01-01'], workdays: ['2027-01-30'] };

describe('calendar override table schema', () => {
  it('accepts an empty table and a well-formed year', () => {
    expect(issuesOf({ years: {} })).toEqual([]);
    expect(issuesOf({ $comment: 'how to edit', years: { 2027: GOOD_YEAR } })).toEqual([]);
    expect(issuesOf({ years: { 2027: { ...GOOD_YEAR, sourceDate: '2026-11-04' } } })).toEqual([]);
  });

  it.each([
    ['a year without a cited source', { years: { 2027: { ...GOOD_YEAR, source: ' ' } } }, 'years.2027.source'],
    ['an impossible date', { years: { 2027: { ...GOOD_YEAR, holidays: ['2027-02-30'] } } }, 'years.2027.holidays.0'],
    ['a date filed under the wrong year', { years: { 2027: { ...GOOD_YEAR, holidays: ['2026-10-01'] } } }, 'years.2027.holidays.0'],
    ['a make-up working day on a weekday (Tue 2027-02-02)', { years: { 2027: { ...GOOD_YEAR, workdays: ['2027-02-02'] } } }, 'years.2027.workdays.0'],
    ['a date both holiday and working day', { years: { 2027: { ...GOOD_YEAR, holidays: ['2027-01-30'] } } }, 'years.2027.workdays.0'],
    ['a year key that is not four digits', { years: { '27': GOOD_YEAR } }, 'years.27'],
    ['an impossible date of issue', { years: { 2027: { ...GOOD_YEAR, sourceDate: '2026-11-31' } } }, 'years.2027.sourceDate'],
    ['an unknown field (typo)', { years: { 2027: { ...GOOD_YEAR, holiday: [] } } }, 'years.2027'],
  ])('rejects %s, naming the field', (_rule, input, path) => {
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.startsWith(path))).toBe(true);
  });
});
