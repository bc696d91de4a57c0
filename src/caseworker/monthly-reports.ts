// The month's reports for the console and for export: registrations and exits, first-contact timeliness,
// follow-up coverage, handoff volume and SLA, hardship categories, quota completion by kind, the contact
// ledger (失业人员定期联系情况记录表) and the EP8 columns (就业援助工作情况) this system can derive.
import { serviceDateOf } from '../config/service-time-zone.ts';
import { compareDates, endOfMonth } from '../domain/dates/plain-date.ts';
import { QUOTA_KINDS, quotaProgress, type QuotaContact, type QuotaKind } from '../domain/quota/quota-progress.ts';
import { firstContactTimeliness } from '../domain/reports/first-contact-timeliness.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import type { CaseDueBy } from './cases-router.ts';
import type { Cell, ReportTable } from './report-table.ts';
import { monthsEndingWith, reportPeriod, type ReportPeriod } from './report-period.ts';
import type { ReportWording } from './report-wording.ts';
import type { OpenRegistrationRow, WorkReportSource } from './work-report-source.ts';
import type { AccessScope } from './region-scope.ts';
import { CASEWORKER_CONTACT } from '../scheduler/logged-contacts.ts';

export const REPORT_NAMES = ['registrations', 'firstContact', 'followUp', 'handoffs', 'hardship', 'quota', 'ledger', 'ep8'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** What the page draws with ECharts: bars per category (one per series) or a pie of one series. */
export interface ReportChart { type: 'bar' | 'pie'; categories: string[]; series: { name: string; values: number[] }[] }
export interface Report { name: ReportName; month: string; table: ReportTable; chart: ReportChart | null; summary: Record<string, Cell> }

export interface MonthlyReportDeps { source: WorkReportSource; packs: readonly RegionPack[]; dueBy: CaseDueBy }

const TREND_MONTHS = 6;
const isQuotaKind = (k: string): k is QuotaKind => QUOTA_KINDS.some((q) => q === k);
const within = (at: Date, p: ReportPeriod) => at >= p.from && at < p.to;
const count = <T>(items: readonly T[], key: (t: T) => string) => {
  const m = new Map<string, T[]>();
  for (const item of items) m.set(key(item), [...(m.get(key(item)) ?? []), item]);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
};

export function createMonthlyReports(deps: MonthlyReportDeps) {
  const src = deps.source;

  /** The day figures are judged on: today, or the month's last day for a past month. */
  const asOfFor = (month: string, now: Date) => {
    const today = serviceDateOf(now);
    const last = endOfMonth(`${month}-01`);
    return compareDates(today, last) < 0 ? today : last;
  };

  const quotaContacts = (r: OpenRegistrationRow): QuotaContact[] =>
    r.contacts.flatMap((c) => c.serviceKinds.filter(isQuotaKind).map((kind) => ({ date: serviceDateOf(c.at), kind })));

  async function firstContactFigures(scope: AccessScope, period: ReportPeriod, asOf: string) {
    const rows = await src.firstContacts(scope, period.from, period.to);
    const items = rows.map((r) => ({ ...r, registeredOn: serviceDateOf(r.registeredAt), dueOn: serviceDateOf(new Date(r.dueAt.getTime() - 1)), contactedOn: r.contactedAt ? serviceDateOf(r.contactedAt) : null }));
    return { items, result: firstContactTimeliness(items, asOf) };
  }

  async function handoffFigures(scope: AccessScope, period: ReportPeriod, now: Date) {
    const cases = await src.casesOpened(scope, ['handoff'], period.from, period.to);
    return cases.map((c) => {
      const due = deps.dueBy(c.regionCode, c.openedAt).dueBy;
      const closed = c.status === 'closed' || c.status === 'cancelled';
      return { ...c, closed, inTime: closed && c.closedAt !== null && c.closedAt <= due, overdue: !closed && now > due };
    });
  }

  const builders: Record<ReportName, (scope: AccessScope, month: string, now: Date, w: ReportWording) => Promise<Omit<Report, 'name' | 'month'>>> = {
    async registrations(scope, month, _now, w) {
      const months = monthsEndingWith(month, TREND_MONTHS);
      const first = months[0] ?? month;
      const periods = months.map(reportPeriod);
      const rows = await src.registrationMovements(scope, reportPeriod(first).from, reportPeriod(month).to);
      const districts = [...new Set(rows.map((r) => r.regionCode))].sort();
      const tableRows = periods.flatMap((p) => districts.map((d) => ({
        month: p.month, regionCode: d,
        registered: rows.filter((r) => r.regionCode === d && within(r.registeredAt, p)).length,
        exited: rows.filter((r) => r.regionCode === d && r.exitedAt !== null && within(r.exitedAt, p)).length,
      })));
      const sum = (p: ReportPeriod, key: 'registered' | 'exited') => tableRows.filter((r) => r.month === p.month).reduce((s, r) => s + r[key], 0);
      return {
        table: { title: w.title('reports', 'registrations'), columns: w.columns(['month', 'regionCode', 'registered', 'exited']), rows: tableRows },
        chart: { type: 'bar', categories: months, series: [{ name: w.columns(['registered'])[0]?.label ?? '', values: periods.map((p) => sum(p, 'registered')) }, { name: w.columns(['exited'])[0]?.label ?? '', values: periods.map((p) => sum(p, 'exited')) }] },
        summary: { registered: sum(reportPeriod(month), 'registered'), exited: sum(reportPeriod(month), 'exited') },
      };
    },

    async firstContact(scope, month, now, w) {
      const { result } = await firstContactFigures(scope, reportPeriod(month), asOfFor(month, now));
      return {
        table: {
          title: w.title('reports', 'firstContact'),
          columns: w.columns(['name', 'idNumber', 'phone', 'regionCode', 'registeredOn', 'dueOn', 'contactedOn', 'lateReason']),
          rows: result.late.map((r) => ({ id: r.registrationId, personId: r.jobSeekerId, name: r.name, idNumber: r.idNumber, phone: r.phone, regionCode: r.regionCode, registeredOn: r.registeredOn, dueOn: r.dueOn, contactedOn: r.contactedOn ?? w.word('consoleReports.values', 'none'), lateReason: w.word('consoleReports.values', r.lateReason) })),
          notes: [w.note('firstContact')],
        },
        chart: { type: 'pie', categories: [w.columns(['onTime'])[0]?.label ?? '', w.word('consoleReports.values', 'contacted_late'), w.word('consoleReports.values', 'not_contacted')], series: [{ name: w.title('reports', 'firstContact'), values: [result.onTime, result.late.filter((l) => l.lateReason === 'contacted_late').length, result.late.filter((l) => l.lateReason === 'not_contacted').length] }] },
        summary: { judged: result.judged, onTime: result.onTime, share: w.percent(result.share), shareValue: result.share },
      };
    },

    async followUp(scope, month, _now, w) {
      const period = reportPeriod(month);
      const open = (await src.registrationsOpen(scope)).filter((r) => r.registeredAt < period.to);
      const rows = count(open, (r) => r.regionCode).map(([regionCode, people]) => {
        const covered = people.filter((p) => p.contacts.some((c) => within(c.at, period))).length;
        return { regionCode, people: people.length, covered, share: w.percent(people.length ? covered / people.length : null), shareValue: people.length ? covered / people.length : null };
      });
      const people = rows.reduce((s, r) => s + r.people, 0);
      const covered = rows.reduce((s, r) => s + r.covered, 0);
      return {
        table: { title: w.title('reports', 'followUp'), columns: w.columns(['regionCode', 'people', 'covered', 'share']), rows },
        chart: { type: 'bar', categories: rows.map((r) => r.regionCode), series: [{ name: w.columns(['people'])[0]?.label ?? '', values: rows.map((r) => r.people) }, { name: w.columns(['covered'])[0]?.label ?? '', values: rows.map((r) => r.covered) }] },
        summary: { people, covered, share: w.percent(people ? covered / people : null) },
      };
    },

    async handoffs(scope, month, now, w) {
      const cases = await handoffFigures(scope, reportPeriod(month), now);
      const rows = count(cases, (c) => c.regionCode).map(([regionCode, list]) => ({
        regionCode, opened: list.length, closed: list.filter((c) => c.closed).length, closedInTime: list.filter((c) => c.inTime).length,
        stillOpen: list.filter((c) => !c.closed).length, overdue: list.filter((c) => c.overdue).length,
      }));
      const keys = ['opened', 'closed', 'closedInTime', 'stillOpen', 'overdue'] as const;
      return {
        table: { title: w.title('reports', 'handoffs'), columns: w.columns(['regionCode', ...keys]), rows },
        chart: { type: 'bar', categories: rows.map((r) => r.regionCode), series: keys.map((k) => ({ name: w.columns([k])[0]?.label ?? k, values: rows.map((r) => r[k]) })) },
        summary: Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])),
      };
    },

    async hardship(scope, month, _now, w) {
      const cases = await src.casesOpened(scope, ['hardship_recognition'], reportPeriod(month).from, reportPeriod(month).to);
      const codes = [...new Set(cases.flatMap((c) => c.categories.filter((x) => x.status !== 'not_met').map((x) => x.code)))].sort();
      const rows = codes.map((code) => ({
        category: w.word('hardship.categories', code),
        met: cases.filter((c) => c.categories.some((x) => x.code === code && x.status === 'met')).length,
        toCheck: cases.filter((c) => c.categories.some((x) => x.code === code && x.status !== 'met' && x.status !== 'not_met')).length,
      }));
      return {
        table: { title: w.title('reports', 'hardship'), columns: w.columns(['category', 'met', 'toCheck']), rows },
        chart: { type: 'bar', categories: rows.map((r) => String(r.category)), series: [{ name: w.columns(['met'])[0]?.label ?? '', values: rows.map((r) => r.met) }, { name: w.columns(['toCheck'])[0]?.label ?? '', values: rows.map((r) => r.toCheck) }] },
        summary: { hardshipFiled: cases.length },
      };
    },

    async quota(scope, month, now, w) {
      const asOf = asOfFor(month, now);
      const open = (await src.registrationsOpen(scope)).filter((r) => compareDates(serviceDateOf(r.registeredAt), asOf) <= 0);
      const progress = open.map((r) => quotaProgress(selectRegionPack(deps.packs, r.regionCode, asOf), serviceDateOf(r.registeredAt), quotaContacts(r), asOf));
      const rows = QUOTA_KINDS.map((kind) => {
        const items = progress.flatMap((p) => (p.applicable ? p.items.filter((i) => i.kind === kind) : []));
        const completed = items.filter((i) => i.met).length;
        return { quotaKind: w.word('status.quotaKinds', kind), kind, required: items[0]?.required ?? 0, people: items.length, completed, completion: w.percent(items.length ? completed / items.length : null), completionValue: items.length ? completed / items.length : null };
      });
      return {
        table: { title: w.title('reports', 'quota'), columns: w.columns(['quotaKind', 'required', 'people', 'completed', 'completion']), rows },
        chart: { type: 'bar', categories: rows.map((r) => String(r.quotaKind)), series: [{ name: w.columns(['completion'])[0]?.label ?? '', values: rows.map((r) => Math.round((r.completionValue ?? 0) * 1000) / 10) }] },
        summary: { people: open.length, asOf },
      };
    },

    async ledger(scope, month, _now, w) {
      const period = reportPeriod(month);
      const rows = (await src.ledger(scope, period.from, period.to)).map((c) => ({
        id: c.contactId, personId: c.jobSeekerId, date: serviceDateOf(c.at), name: c.name, idNumber: c.idNumber, phone: c.phone,
        channel: w.word('consoleReports.values.channels', c.channel),
        content: [w.word('consoleReports.values.kinds', c.kind), ...c.serviceKinds.filter(isQuotaKind).map((k) => w.word('status.quotaKinds', k))].join(w.locale === 'zh-CN' ? '、' : ', '),
        // A chat reply's situation, a caseworker's outcome code (free text from before the codes: as written).
        result: c.kind === CASEWORKER_CONTACT ? w.word('decisions.contactOutcomes', c.outcome) : w.word('followUp.choices', c.outcome),
        caseworker: c.actor.startsWith('caseworker:') ? c.actor.slice('caseworker:'.length) : w.word('consoleReports.values.actors', c.actor),
      }));
      return {
        table: { title: w.title('reports', 'ledger'), columns: w.columns(['date', 'name', 'idNumber', 'phone', 'channel', 'content', 'result', 'caseworker']), rows },
        chart: null,
        summary: { contacts: rows.length },
      };
    },

    async ep8(scope, month, now, w) {
      const period = reportPeriod(month);
      const [moves, hardship, contacts, firsts, handoffs] = await Promise.all([
        src.registrationMovements(scope, period.from, period.to),
        src.casesOpened(scope, ['hardship_recognition'], period.from, period.to),
        src.ledger(scope, period.from, period.to),
        firstContactFigures(scope, period, asOfFor(month, now)),
        handoffFigures(scope, period, now),
      ]);
      const districts = [...new Set([...moves, ...hardship, ...contacts, ...firsts.items, ...handoffs].map((r) => r.regionCode))].sort();
      const row = (regionCode: string, pick: <T extends { regionCode: string }>(xs: readonly T[]) => T[]) => {
        const timeliness = firstContactTimeliness(pick(firsts.items), asOfFor(month, now));
        const mine = pick(handoffs);
        return {
          regionCode, newRegistrations: pick(moves).filter((m) => within(m.registeredAt, period)).length,
          exits: pick(moves).filter((m) => m.exitedAt !== null && within(m.exitedAt, period)).length,
          hardshipFiled: pick(hardship).length, contacts: pick(contacts).length, firstContactShare: w.percent(timeliness.share),
          handoffsOpened: mine.length, handoffsInTime: mine.filter((c) => c.inTime).length,
        };
      };
      const rows: Record<string, Cell>[] = districts.map((d) => row(d, (xs) => xs.filter((x) => x.regionCode === d)));
      rows.push(row(w.word('consoleReports.values', 'all'), (xs) => [...xs]));
      return {
        table: { title: w.title('reports', 'ep8'), columns: w.columns(['regionCode', 'newRegistrations', 'exits', 'hardshipFiled', 'contacts', 'firstContactShare', 'handoffsOpened', 'handoffsInTime']), rows, notes: [w.note('ep8')] },
        chart: null,
        summary: {},
      };
    },
  };

  return {
    async build(name: ReportName, scope: AccessScope, month: string, now: Date, w: ReportWording): Promise<Report> {
      const built = await builders[name](scope, month, now, w);
      const notes = [w.note('period', { month }), ...(built.table.notes ?? []), w.note('masked')];
      return { name, month, ...built, table: { ...built.table, notes } };
    },
  };
}

export type MonthlyReports = ReturnType<typeof createMonthlyReports>;
