// Table tests for reading dates as people type them in a chat (today = Tuesday 2025-03-11).
import { describe, expect, it } from 'vitest';
import { parseSpokenDate } from '../../../src/domain/dates/parse-spoken-date.ts';

const TODAY = '2025-03-11';

describe('parseSpokenDate', () => {
  it.each([
    ['2025-03-01', '2025-03-01', 'day'],
    ['2025/3/1', '2025-03-01', 'day'],
    ['2025.3.1', '2025-03-01', 'day'],
    ['２０２５／３／１', '2025-03-01', 'day'],
    ['2025-03', '2025-03-01', 'month'],
    ['2025年3月1日', '2025-03-01', 'day'],
    ['2025年3月1号', '2025-03-01', 'day'],
    ['2025 年 3 月 1 日', '2025-03-01', 'day'],
    ['2024年12月', '2024-12-01', 'month'],
    ['2025年2月份', '2025-02-01', 'month'],
    ['3月1日', '2025-03-01', 'day'],
    ['3月', '2025-03-01', 'month'],
    ['12月5日', '2024-12-05', 'day'],
    ['二零二五年三月', '2025-03-01', 'month'],
    ['二〇二五年三月五日', '2025-03-05', 'day'],
    ['二〇二四年十二月三十一日', '2024-12-31', 'day'],
    ['二〇二四年十月二十日', '2024-10-20', 'day'],
    ['二月十号', '2025-02-10', 'day'],
    ['2025年3月1日开始', '2025-03-01', 'day'],
    ['上个月', '2025-02-01', 'month'],
    ['上月', '2025-02-01', 'month'],
    ['last month', '2025-02-01', 'month'],
    ['这个月', '2025-03-01', 'month'],
    ['今天', '2025-03-11', 'day'],
    ['昨天', '2025-03-10', 'day'],
    ['前天', '2025-03-09', 'day'],
    ['Yesterday', '2025-03-10', 'day'],
  ])('"%s" → %s (%s)', (text, date, precision) => {
    expect(parseSpokenDate(text, TODAY)).toEqual({ ok: true, date, precision });
  });

  it('"上个月" in January is December of the year before', () => {
    expect(parseSpokenDate('上个月', '2025-01-20')).toEqual({ ok: true, date: '2024-12-01', precision: 'month' });
  });

  it.each([
    ['2025-02-30', 'invalid_date'],
    ['2025年13月', 'invalid_date'],
    ['二〇二三年二月二十九日', 'invalid_date'],
    ['0025/3/1', 'invalid_date'],
    ['很久以前', 'format'],
    ['abc', 'format'],
    ['', 'format'],
    ['3/1', 'format'],
    ['二五年三月', 'format'],
    ['三十十月', 'format'],
  ])('"%s" is rejected (%s)', (text, reason) => {
    expect(parseSpokenDate(text, TODAY)).toEqual({ ok: false, reason });
  });

  it('does not judge the past: a future date is read as written', () => {
    expect(parseSpokenDate('2026-01-01', TODAY)).toEqual({ ok: true, date: '2026-01-01', precision: 'day' });
  });
});
