// The query of a work-list or report request, checked with zod (Chinese messages by default): month, format,
// district (within the caseworker's scope, which it narrows) and language; and how a table goes back as JSON, CSV or XLSX.
import type { Response } from 'express';
import { z } from 'zod';
import type { Localizer } from '../conversation/localizer.ts';
import { toLocale, type Locale } from '../conversation/locales.ts';
import { isValidYearMonth } from '../domain/dates/plain-date.ts';
import { sendBadRequest } from './case-refusals.ts';
import { narrowScope, type AccessScope } from './region-scope.ts';
import type { ReportTable } from './report-table.ts';
import { tableToCsv, tableToXlsx } from './table-export.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Query strings arrive as strings (or arrays when repeated, which is refused); each is capped before parsing. */
const single = z.string().max(32);
const querySchema = z.object({
  format: single.optional(),
  month: single.optional(),
  district: single.optional(),
  lang: single.optional(),
  list: single.optional(),
});

export type ParsedReportQuery =
  | { ok: true; format: ExportFormat; month: string | null; scope: AccessScope; district: string | null; locale: Locale; list: string | null }
  | { ok: false; status: 400 | 403; message: string };

/** Checks the query; `scope` is the caseworker's, which a district must overlap (the answer's scope is narrowed to it). */
export function parseReportQuery(query: unknown, scope: AccessScope, localizer: Pick<Localizer, 't'>): ParsedReportQuery {
  const lang = z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).safeParse(query);
  const locale: Locale = lang.success ? toLocale(lang.data.lang ?? 'zh-CN') : 'zh-CN';
  const fail = (key: string, status: 400 | 403 = 400): ParsedReportQuery => ({ ok: false, status, message: localizer.t(locale, `consoleReports.errors.${key}`) });
  if (!lang.success) return fail('lang');
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return fail(field === 'month' || field === 'format' || field === 'district' ? field : 'format');
  }
  const q = parsed.data;
  const format = z.enum(EXPORT_FORMATS).safeParse(q.format ?? 'json');
  if (!format.success) return fail('format');
  if (q.month !== undefined && !(/^\d{4}-\d{2}$/.test(q.month) && isValidYearMonth(q.month))) return fail('month');
  if (q.district !== undefined && !/^\d{6}$/.test(q.district)) return fail('district');
  const narrowed = q.district === undefined ? scope : narrowScope(scope, q.district);
  if (narrowed === null) return fail('districtOutside', 403);
  return { ok: true, format: format.data, month: q.month ?? null, scope: narrowed, district: q.district ?? null, locale, list: q.list ?? null };
}

export function sendQueryError(res: Response, failed: { status: 400 | 403; message: string }): void {
  if (failed.status === 400) return sendBadRequest(res, failed.message);
  res.status(403).json({ error: 'forbidden', message: failed.message });
}

/** Sends the table as a CSV or XLSX download named `<stem>.<ext>` (RFC 5987 for the Chinese name). */
export async function sendTableFile(res: Response, table: ReportTable, format: 'csv' | 'xlsx', stem: string): Promise<void> {
  const file = `${stem}.${format}`;
  const ascii = file.replace(/[^\w.-]/g, '_');
  res.set('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`);
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').send(tableToCsv(table));
    return;
  }
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableToXlsx(table));
}
