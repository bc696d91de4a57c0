// GET /api/caseworker/worklists/today: the caseworker's lists for today (first contacts, reviews, overdue
// cases, hardship pre-screens, people behind on the quota), scoped to their region or one district in it;
// ?list=<name>&format=csv|xlsx exports one list. Every call is audited (the lists show personal data).
import express from 'express';
import type { Router } from 'express';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { sendBadRequest } from './case-refusals.ts';
import { parseReportQuery, sendQueryError, sendTableFile } from './report-request.ts';
import { reportWording } from './report-wording.ts';
import { scopeOf } from './region-scope.ts';
import { caseworkerOf, requireCaseworker, type SessionFinder } from './session-auth.ts';
import { WORKLIST_NAMES, type TodayWorklists, type WorklistName } from './today-worklists.ts';
import { worklistTable } from './worklist-tables.ts';

export interface WorklistsRouterDeps {
  sessions: SessionFinder;
  worklists: TodayWorklists;
  audit: AuditLog;
  localizer: Pick<Localizer, 't' | 'has'>;
  /** The day the figures are for. */
  now: () => Date;
  /** The clock sessions are checked against (the console's). */
  sessionNow: () => Date;
}

const isWorklistName = (name: string): name is WorklistName => WORKLIST_NAMES.some((n) => n === name);

export function createWorklistsRouter(deps: WorklistsRouterDeps): Router {
  const router = express.Router();
  router.use('/worklists', requireCaseworker(deps.sessions, deps.sessionNow));

  router.get('/worklists/today', async (req, res) => {
    const worker = caseworkerOf(res);
    const query = parseReportQuery(req.query, scopeOf(worker), deps.localizer);
    if (!query.ok) return sendQueryError(res, query);
    const w = reportWording(deps.localizer, query.locale);
    if (query.list !== null && !isWorklistName(query.list)) {
      return sendBadRequest(res, deps.localizer.t(query.locale, 'consoleReports.errors.list', { names: WORKLIST_NAMES.join(', ') }));
    }
    if (query.format !== 'json' && query.list === null) return sendBadRequest(res, deps.localizer.t(query.locale, 'consoleReports.errors.listForExport'));
    const now = deps.now();
    const today = serviceDateOf(now);
    const lists = await deps.worklists.build(query.scope, now);
    const notes = [w.note('today', { date: today }), w.note('masked')];
    const names = query.list !== null && isWorklistName(query.list) ? [query.list] : [...WORKLIST_NAMES];
    const counts = Object.fromEntries(names.map((n) => [n, lists[n].length]));
    await deps.audit.record({
      actor: `caseworker:${worker.username}`, action: query.format === 'json' ? 'worklists.viewed' : 'worklists.exported', subjectType: 'worklist',
      details: { date: today, district: query.district, lists: names, format: query.format, counts },
    });
    const first = names[0];
    if (query.format !== 'json' && first) return sendTableFile(res, worklistTable(first, lists, w, notes), query.format, `${w.title('lists', first)}-${today}`);
    res.json({ date: today, district: query.district, lists: Object.fromEntries(names.map((n) => [n, worklistTable(n, lists, w, notes)])), counts });
  });

  return router;
}
