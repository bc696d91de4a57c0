// The State Council notice parser: the 2025 and 2026 notices as published give exactly chinese-days' days,
// and each kind of mistake in a notice is refused with its line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChineseDaysHolidayData } from '../../../src/config/load-calendar-overrides.ts';
import { parseHolidayNotice } from '../../../src/domain/calendar/parse-holiday-notice.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'holiday-notices');
const notice = (year: number) => readFileSync(join(FIXTURES, `${year}.txt`), 'utf8');
const library = loadChineseDaysHolidayData();

/** A short notice around one festival line (line 4). */
const withLine = (festival: string, title = '国务院办公厅关于2026年部分节假日安排的通知') =>
  [title, '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', '经国务院批准，现将2026年元旦放假调休日期的具体安排通知如下。', festival, '国务院办公厅', '2025年11月4日'].join('\n');

describe('parsing the published notices', () => {
  it.each([2025, 2026])('the %i notice yields exactly the holidays and make-up days chinese-days has', (year) => {
    const parsed = parseHolidayNotice(notice(year));
    expect(parsed.errors).toEqual([]);
    expect(parsed.year).toBe(year);
    expect(parsed.holidays).toEqual(library.holidays.filter((d) => d.startsWith(`${year}-`)));
    expect(parsed.workdays).toEqual(library.workdays.filter((d) => d.startsWith(`${year}-`)));
  });

  it('reads the title, document number and date of issue', () => {
    expect(parseHolidayNotice(notice(2026))).toMatchObject({
      title: '国务院办公厅关于2026年部分节假日安排的通知', documentNumber: '国办发明电〔2025〕7号', issuedOn: '2025-11-04',
    });
    expect(parseHolidayNotice(notice(2025))).toMatchObject({ documentNumber: '国办发明电〔2024〕12号', issuedOn: '2024-11-12' });
  });

  it.each([
    ['a single day, 放假1天，不调休', '一、元旦：1月1日（周四）放假1天，不调休。', ['2026-01-01'], []],
    ['a single day, 放假，共1天', '一、元旦：1月1日（周四）放假，共1天。', ['2026-01-01'], []],
    ['a span across months, several make-up days', '二、春节：2月15日（农历腊月二十八、周日）至3月1日（周日）放假调休，共15天。2月14日（周六）、3月7日（周六）上班。', Array.from({ length: 15 }, (_, i) => i < 14 ? `2026-02-${String(15 + i).padStart(2, '0')}` : '2026-03-01'), ['2026-02-14', '2026-03-07']],
    ['与周末连休 adds the adjoining weekend', '六、中秋节：9月25日（周五）放假，与周末连休。', ['2026-09-25', '2026-09-26', '2026-09-27'], []],
    ['星期 instead of 周, full-width digits and brackets', '三、清明节：４月４日(星期六)至６日(星期一)放假，共３天。', ['2026-04-04', '2026-04-05', '2026-04-06'], []],
  ])('%s', (_variant, line, holidays, workdays) => {
    expect(parseHolidayNotice(withLine(line))).toMatchObject({ errors: [], holidays, workdays });
  });
});

describe('refusing a malformed or inconsistent notice', () => {
  it.each([
    ['weekday mismatch', '一、元旦：1月1日（周三）至3日（周六）放假调休，共3天。', { line: 4, code: 'weekday_mismatch', params: { date: '2026-01-01', written: '周三', actual: '周四' } }],
    ['weekday mismatch on a make-up day', '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周六）上班。', { line: 4, code: 'weekday_mismatch', params: { date: '2026-01-04', written: '周六', actual: '周日' } }],
    ['count mismatch', '二、春节：2月15日（周日）至23日（周一）放假调休，共8天。', { line: 4, code: 'count_mismatch', params: { stated: 8, actual: 9 } }],
    ['unparsable line', '一、元旦：1月1日（周四）起放假三天。', { line: 4, code: 'unparsable_line' }],
    ['a make-up day on a weekday', '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月5日（周一）上班。', { line: 4, code: 'workday_not_weekend', params: { date: '2026-01-05' } }],
    ['an impossible date', '二、春节：2月30日至3月1日放假，共2天。', { line: 4, code: 'invalid_date' }],
    ['a span that ends before it starts', '二、春节：2月23日至15日放假调休，共9天。', { line: 4, code: 'span_reversed' }],
    ['a date of another year', '一、元旦：2025年12月31日至2026年1月2日放假调休，共3天。', { line: 4, code: 'outside_year' }],
    ['a day both off and a make-up day', '一、元旦：1月1日（周四）至4日（周日）放假调休，共4天。1月4日（周日）上班。', { line: 4, code: 'holiday_and_workday', params: { date: '2026-01-04' } }],
  ])('%s', (_error, line, expected) => {
    const parsed = parseHolidayNotice(withLine(line));
    const { params, ...where } = { params: {}, ...expected };
    expect(parsed.errors).toEqual([{ ...where, params: expect.objectContaining(params) }]);
  });

  it('a notice without the year in its title is refused at line 1', () => {
    const parsed = parseHolidayNotice(withLine('一、元旦：1月1日（周四）放假，共1天。', '国务院办公厅关于部分节假日安排的通知'));
    expect(parsed.year).toBeNull();
    expect(parsed.errors).toEqual([{ line: 1, code: 'year_missing', params: {} }]);
  });

  it('a notice without festival lines or without its date of issue is refused', () => {
    const codes = parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n国务院办公厅').errors.map((e) => e.code);
    expect(codes).toEqual(['issue_date_missing', 'no_festivals']);
  });

  it('a date line outside a numbered festival line is not silently skipped', () => {
    const parsed = parseHolidayNotice(withLine('一、元旦：1月1日（周四）放假，共1天。').replace('国务院办公厅\n', '1月4日（周日）上班。\n国务院办公厅\n'));
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 5, code: 'unparsable_line' })]);
  });

  it('line numbers count blank lines as written', () => {
    const text = notice(2026).replace('（周四）至7日（周三）', '（周四）至7日（周四）');
    expect(parseHolidayNotice(text).errors).toEqual([expect.objectContaining({ line: 12, code: 'weekday_mismatch' })]);
  });
});
