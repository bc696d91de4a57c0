// Table tests for relative and partial dates in both languages, relative to an injected today
// (Wednesday 2026-12-02; and 2025-03-11 where the year turns). The same table scores chrono-node in the report.
import { describe, expect, it } from 'vitest';
import { parseSpokenDate } from '../../../src/domain/dates/parse-spoken-date.ts';

const TODAY = '2026-12-02';

/** [said, date, precision]: what a job seeker types when asked since when they have had no job. */
export const RELATIVE_TABLE: readonly (readonly [string, string, 'day' | 'month' | 'approx'])[] = [
  ['去年十月', '2025-10-01', 'month'],
  ['去年10月', '2025-10-01', 'month'],
  ['今年三月', '2026-03-01', 'month'],
  ['前年12月', '2024-12-01', 'month'],
  ['去年十月中旬', '2025-10-15', 'approx'],
  ['上个月中旬', '2026-11-15', 'approx'],
  ['上个月初', '2026-11-01', 'approx'],
  ['上个月底', '2026-11-30', 'approx'],
  ['上上个月', '2026-10-01', 'month'],
  ['十月底', '2026-10-31', 'approx'],
  ['10月下旬', '2026-10-25', 'approx'],
  ['三周前', '2026-11-11', 'approx'],
  ['3个星期前', '2026-11-11', 'approx'],
  ['两个月前', '2026-10-02', 'approx'],
  ['半个月前', '2026-11-17', 'approx'],
  ['10天前', '2026-11-22', 'approx'],
  ['上周', '2026-11-25', 'approx'],
  ['大概去年十月份', '2025-10-01', 'month'],
  ['2025.10', '2025-10-01', 'month'],
  ['2025年10月', '2025-10-01', 'month'],
  ['October 2025', '2025-10-01', 'month'],
  ['Oct 2025', '2025-10-01', 'month'],
  ['October', '2026-10-01', 'month'],
  ['last October', '2026-10-01', 'month'],
  ['October 15, 2025', '2025-10-15', 'day'],
  ['15 October 2025', '2025-10-15', 'day'],
  ['mid October', '2026-10-15', 'approx'],
  ['last month', '2026-11-01', 'month'],
  ['mid last month', '2026-11-15', 'approx'],
  ['end of last month', '2026-11-30', 'approx'],
  ['3 weeks ago', '2026-11-11', 'approx'],
  ['two months ago', '2026-10-02', 'approx'],
  ['a week ago', '2026-11-25', 'approx'],
  ['10 days ago', '2026-11-22', 'approx'],
  ['last week', '2026-11-25', 'approx'],
  ['since March 2026', '2026-03-01', 'month'],
];

describe('relative and partial dates (today 2026-12-02)', () => {
  it.each(RELATIVE_TABLE)('"%s" → %s (%s)', (said, date, precision) => {
    expect(parseSpokenDate(said, TODAY)).toEqual({ ok: true, date, precision });
  });

  it('a month still to come this year is last year\'s ("十二月" in March 2025 is December 2024)', () => {
    expect(parseSpokenDate('十二月中旬', '2025-03-11')).toEqual({ ok: true, date: '2024-12-15', precision: 'approx' });
    expect(parseSpokenDate('December', '2025-03-11')).toEqual({ ok: true, date: '2024-12-01', precision: 'month' });
    expect(parseSpokenDate('上个月中旬', '2025-01-20')).toEqual({ ok: true, date: '2024-12-15', precision: 'approx' });
  });

  it.each([
    ['去年十三月', 'invalid_date'],
    ['February 30, 2025', 'invalid_date'],
    ['很久以前', 'format'],
    ['some time ago', 'format'],
    ['Octopus', 'format'],
  ])('"%s" is refused (%s)', (said, reason) => {
    expect(parseSpokenDate(said, TODAY)).toEqual({ ok: false, reason });
  });
});
