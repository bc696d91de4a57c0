// The audit search as a file for supervisors: CSV (UTF-8 with BOM, so Excel reads the Chinese) and XLSX
// (exceljs), Chinese column headers. ID and phone numbers are masked again on the way out.
import type { AuditEntry } from './audit-search.ts';
import { serviceDateOf, serviceMinuteOf } from '../config/service-time-zone.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';

export const AUDIT_COLUMNS = ['时间（北京时间）', '操作人', '操作', '对象类型', '对象编号', '详情'] as const;

function beijingTime(at: Date): string {
  const minute = serviceMinuteOf(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = new Date(at.getTime() + 8 * 3_600_000).getUTCSeconds();
  return `${serviceDateOf(at)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(seconds)}`;
}

export function auditRowsOf(entries: readonly AuditEntry[]): string[][] {
  return entries.map((e) => [beijingTime(e.at), e.actor, e.action, e.subjectType, e.subjectId ?? '', maskPersonalNumbers(JSON.stringify(e.details))].map(maskPersonalNumbers));
}

/** A cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntry[]): Buffer {
  const lines = [[...AUDIT_COLUMNS], ...auditRowsOf(entries)].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function auditXlsx(entries: readonly AuditEntry[]): Promise<Buffer> {
  // exceljs is loaded on the first export, not at every start (a third of a second of CPU).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('审计日志');
  sheet.addRow([...AUDIT_COLUMNS]).font = { bold: true };
  for (const row of auditRowsOf(entries)) sheet.addRow(row);
  sheet.columns.forEach((column, i) => { column.width = [20, 24, 28, 16, 38, 60][i] ?? 20; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
