// Supervisors (and administrators) search the audit trail by person, caseworker, action and date, and export
// it as CSV or XLSX; every search and export is itself audited. Rows outside the caller's districts never show.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { auditCsv, auditXlsx } from './audit-export.ts';
import type { AuditEntry, AuditFilter, AuditSearch } from './audit-search.ts';
import { coversWhole, scopeOf } from './region-scope.ts';
import { caseworkerOf, requireCaseworker, requireRole, type SessionFinder } from './session-auth.ts';
import { endOfServiceDay } from '../config/service-time-zone.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { PersonId } from './person-id.ts';

export interface AuditRouterDeps {
  sessions: SessionFinder;
  search: AuditSearch;
  audit: AuditLog;
  /** The service's region: rows about no person, case or account are shown only to staff of all of it. */
  serviceRegion: string;
  now?: () => Date;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
const Query = z.object({
  person: PersonId.optional(),
  caseworker: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().regex(/^[a-z_.]{1,64}$/).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

const QUERY_MESSAGES: Record<string, string> = {
  person: '人员编号格式不正确。',
  caseworker: '工作人员用户名格式不正确。',
  action: '操作类型只能包含小写字母、点和下划线。',
  from: '开始日期格式应为 YYYY-MM-DD。',
  to: '结束日期格式应为 YYYY-MM-DD。',
  limit: '条数应为 1–1000。',
  format: '导出格式只能是 csv 或 xlsx。',
};

function entryJson(e: AuditEntry) {
  return { ...e, at: e.at.toISOString() };
}

export function createAuditRouter(deps: AuditRouterDeps): Router {
  const now = deps.now ?? (() => new Date());
  const router = express.Router();
  router.use('/audit', requireCaseworker(deps.sessions, now), requireRole('supervisor', 'administrator'));

  async function run(req: express.Request, res: express.Response, exportFile: boolean): Promise<void> {
    const me = caseworkerOf(res);
    const parsed = Query.safeParse(req.query);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      return void res.status(400).json({ error: 'bad_request', field, message: QUERY_MESSAGES[field] ?? '查询参数不正确。' });
    }
    const q = parsed.data;
    if (q.from && q.to && q.from > q.to) return void res.status(400).json({ error: 'bad_request', field: 'to', message: '结束日期不能早于开始日期。' });
    const format = exportFile ? (q.format === 'json' ? 'csv' : q.format) : 'json';
    const filter: AuditFilter = {
      ...(q.person ? { personId: q.person } : {}),
      ...(q.caseworker ? { caseworker: q.caseworker } : {}),
      ...(q.action ? { action: q.action } : {}),
      // Dates are Beijing calendar days, both ends included.
      ...(q.from ? { from: new Date(endOfServiceDay(q.from).getTime() - 24 * 3_600_000) } : {}),
      ...(q.to ? { to: endOfServiceDay(q.to) } : {}),
      limit: exportFile ? 10_000 : q.limit,
    };
    const scope = scopeOf(me);
    const entries = await deps.search.search(filter, scope, { includeUnattributed: coversWhole(scope, deps.serviceRegion) });
    if (!entries) return void res.status(404).json({ error: 'not_found', message: '找不到该人员，或其不属于您的辖区。' });
    const criteria = { person: q.person ?? null, caseworker: q.caseworker ?? null, action: q.action ?? null, from: q.from ?? null, to: q.to ?? null, count: entries.length };
    // A search about one person is a view of their data: it is filed under them, so their own trail shows it.
    const subject = q.person ? { subjectType: 'job_seeker', subjectId: q.person } : { subjectType: 'audit' };
    await deps.audit.record({ actor: `caseworker:${me.username}`, action: exportFile ? 'audit.exported' : 'audit.searched', ...subject, details: exportFile ? { ...criteria, format } : criteria });
    if (!exportFile) return void res.json({ events: entries.map(entryJson) });
    const stamp = now().toISOString().slice(0, 10);
    if (format === 'xlsx') {
      res.set({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="audit-${stamp}.xlsx"` });
      return void res.send(await auditXlsx(entries));
    }
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="audit-${stamp}.csv"` });
    res.send(auditCsv(entries));
  }

  router.get('/audit', (req, res) => run(req, res, false));
  router.get('/audit/export', (req, res) => run(req, res, true));
  return router;
}
