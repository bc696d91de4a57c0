// CSV and XLSX files of a table: Chinese headers, a BOM for Excel, quoting, and no cell that a spreadsheet would run.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToXlsx } from '../../src/caseworker/table-export.ts';
import type { ReportTable } from '../../src/caseworker/report-table.ts';

const table: ReportTable = {
  title: '失业人员定期联系情况记录表',
  columns: [{ key: 'name', label: '姓名' }, { key: 'content', label: '联系内容' }, { key: 'n', label: '次数' }],
  rows: [{ name: '=HYPERLINK("http://x")', content: '政策对接, "岗位"', n: -3 }, { name: '张三', content: null, n: 2 }],
  notes: ['统计月份：2026-11'],
};

describe('table export', () => {
  it('writes CSV with a BOM, the note, the header and neutralised formulas', () => {
    expect(tableToCsv(table)).toBe('\uFEFF统计月份：2026-11\r\n姓名,联系内容,次数\r\n"\'=HYPERLINK(""http://x"")","政策对接, ""岗位""",-3\r\n张三,,2\r\n');
  });
  it('writes XLSX that exceljs reads back', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableToXlsx(table)) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('失业人员定期联系情况记录表');
    expect(sheet?.getRow(2).values).toEqual([undefined, '姓名', '联系内容', '次数']);
    expect(sheet?.getRow(3).values).toEqual([undefined, '\'=HYPERLINK("http://x")', '政策对接, "岗位"', -3]);
  });
});
