// GET /api/caseworker/reports/:name?month=YYYY-MM&format=json|xlsx|csv[&district=&lang=]: one monthly report
// of the caseworker's region (or a district in it), as JSON for the console's charts or as a file. Audited.
import express from 'express';
import type { Router } from 'express';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { sendBadRequest } from './case-refusals.ts';
import { REPORT_NAMES, type MonthlyReports, type ReportName } from './monthly-reports.ts';
import { parseReportQuery, sendQueryError, sendTableFile } from './report-request.ts';
import { reportWording } from './report-wording.ts';
import { scopeOf } from './region-scope.ts';
import { caseworkerOf, requireCaseworker, type SessionFinder } from './session-auth.ts';

export interface ReportsRouterDeps {
  sessions: SessionFinder;
  reports: MonthlyReports;
  audit: AuditLog;
  localizer: Pick<Localizer, 't' | 'has'>;
  /** The day the figures are for. */
  now: () => Date;
  /** The clock sessions are checked against (the console's). */
  sessionNow: () => Date;
}

const isReportName = (name: string): name is ReportName => REPORT_NAMES.some((n) => n === name);

export function createReportsRouter(deps: ReportsRouterDeps): Router {
  const router = express.Router();
  router.use('/reports', requireCaseworker(deps.sessions, deps.sessionNow));

  router.get('/reports', (_req, res) => {
    res.json({ reports: REPORT_NAMES });
  });

  router.get('/reports/:name', async (req, res) => {
    const worker = caseworkerOf(res);
    const query = parseReportQuery(req.query, scopeOf(worker), deps.localizer);
    if (!query.ok) return sendQueryError(res, query);
    const name = String(req.params.name).slice(0, 32);
    if (!isReportName(name)) return sendBadRequest(res, deps.localizer.t(query.locale, 'consoleReports.errors.report', { names: REPORT_NAMES.join(', ') }));
    const now = deps.now();
    const month = query.month ?? serviceDateOf(now).slice(0, 7);
    const w = reportWording(deps.localizer, query.locale);
    const report = await deps.reports.build(name, query.scope, month, now, w);
    await deps.audit.record({
      actor: `caseworker:${worker.username}`, action: query.format === 'json' ? 'report.viewed' : 'report.exported', subjectType: 'report', subjectId: name,
      details: { month, district: query.district, format: query.format, rows: report.table.rows.length },
    });
    if (query.format !== 'json') return sendTableFile(res, report.table, query.format, `${report.table.title}-${month}`);
    // The headline figures with their labels, for the page's summary line (raw *Value shares are for charts).
    const summaryItems = Object.entries(report.summary)
      .filter(([key]) => deps.localizer.has(query.locale, `consoleReports.columns.${key}`))
      .map(([key, value]) => ({ key, label: deps.localizer.t(query.locale, `consoleReports.columns.${key}`), value }));
    res.json({ ...report, title: report.table.title, district: query.district, summaryItems });
  });

  return router;
}
