// Writes a ReportTable as CSV (UTF-8 with BOM so Excel reads Chinese; cells that a spreadsheet would run as a
// formula are prefixed with ') or as XLSX (exceljs): notes on top, a bold header row, then the rows.
import type { Cell, ReportTable } from './report-table.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

function text(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell);
}

/** A spreadsheet runs "=…", "+…", "-…", "@…" as formulas (CSV injection); numbers stay numbers. */
function safeText(cell: Cell): string {
  const value = text(cell);
  return typeof cell === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function tableToCsv(table: ReportTable): string {
  const lines = [
    ...(table.notes ?? []).map((n) => csvField(safeText(n))),
    table.columns.map((c) => csvField(c.label)).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvField(safeText(row[c.key] ?? null))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  // exceljs is loaded on the first export, not at every start (a third of a second of CPU).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '就业帮';
  // Sheet names are limited to 31 characters and may not hold []:*?/\ .
  const sheet = book.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  for (const note of table.notes ?? []) sheet.addRow([safeText(note)]);
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => {
      const cell = row[c.key] ?? null;
      return typeof cell === 'number' ? cell : safeText(cell);
    }));
  }
  table.columns.forEach((c, i) => { sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, c.label.length * 2 + 4)); });
  return Buffer.from(await book.xlsx.writeBuffer());
}
