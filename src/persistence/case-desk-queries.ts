// Reading caseworker cases: lists and one case with its conversation, always within a region prefix.
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import type { AccessScope } from '../caseworker/region-scope.ts';
import { inScope } from './scope-filter.ts';
import { CASE_NOTICE_SENDER, type CaseDetail, CaseStatus, CaseSummary, ConsoleChange } from '../caseworker/case-desk.ts';

/** Stored statuses: `open` is new or claimed (by caseworkerId); `waiting` waits for the person. */
export const OPEN_STATUSES = ['open', 'waiting'];

type CaseRow = Awaited<ReturnType<Db['handoffCase']['findFirstOrThrow']>>;
type PersonRow = { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null } | null;

export function statusOf(row: { status: string; caseworkerId: string | null }): CaseStatus {
  if (row.status === 'waiting') return 'waiting';
  if (row.status === 'open') return row.caseworkerId ? 'claimed' : 'new';
  return 'closed';
}

export function whereStatus(status: CaseStatus) {
  switch (status) {
    case 'new':
      return { status: 'open', caseworkerId: null };
    case 'claimed':
      return { status: 'open', caseworkerId: { not: null } };
    case 'waiting':
      return { status: 'waiting' };
    case 'closed':
      return { status: { in: ['closed', 'cancelled'] } };
  }
}

export { inScope };

type Names = Map<string, { username: string; displayName: string }>;

async function namesOf(db: Db, ids: (string | null)[]): Promise<Names> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.caseworker.findMany({ where: { id: { in: wanted } }, select: { id: true, username: true, displayName: true } });
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.displayName }]));
}

function summaryOf(row: CaseRow, person: PersonRow, names: Names): CaseSummary {
  return {
    id: row.id,
    status: statusOf(row),
    kind: row.kind,
    reason: row.reason,
    regionCode: row.regionCode,
    conversationKey: row.conversationKey,
    openedAt: row.createdAt,
    closedAt: row.closedAt,
    claimedBy: row.caseworkerId ? { id: row.caseworkerId, ...(names.get(row.caseworkerId) ?? { username: row.caseworkerId, displayName: row.caseworkerId }) } : null,
    person: {
      jobSeekerId: person?.id ?? null,
      name: person?.name ?? null,
      idNumber: person?.idNumberMask ?? null,
      phone: person?.phoneMask ?? null,
      channel: row.conversationKey.split(':')[0] ?? '',
    },
  };
}

const personSelect = { select: { id: true, name: true, idNumberMask: true, phoneMask: true } } as const;

export async function listCases(db: Db, scope: AccessScope, status: CaseStatus): Promise<CaseSummary[]> {
  const rows = await db.handoffCase.findMany({
    where: { ...inScope(scope), ...whereStatus(status) },
    include: { jobSeeker: personSelect },
    orderBy: { createdAt: status === 'closed' ? 'desc' : 'asc' },
    take: 200,
  });
  const names = await namesOf(db, rows.map((r) => r.caseworkerId));
  return rows.map((r) => summaryOf(r, r.jobSeeker, names));
}

export async function findSummary(db: Db, scope: AccessScope, caseId: string): Promise<CaseSummary | null> {
  const row = await db.handoffCase.findFirst({ where: { id: caseId, ...inScope(scope) }, include: { jobSeeker: personSelect } });
  if (!row) return null;
  return summaryOf(row, row.jobSeeker, await namesOf(db, [row.caseworkerId]));
}

const detailsSchema = z.object({ reference: z.string().optional() });
const excerptSchema = z.array(z.unknown()).transform((lines) => lines.map(String));
const noteSchema = z.object({ text: z.string() });
const closeSchema = z.object({ reason: z.string() });
const NOTICE_GRACE_MS = 30_000;

export async function getCase(db: Db, scope: AccessScope, caseId: string): Promise<CaseDetail | null> {
  const row = await db.handoffCase.findFirst({ where: { id: caseId, ...inScope(scope) }, include: { jobSeeker: personSelect } });
  if (!row) return null;
  // A closed case shows the conversation up to its close, and the notice the bot sent the person right after.
  const closed = row.closedAt;
  const window = closed
    ? { OR: [{ at: { gte: row.createdAt, lte: closed } }, { at: { gt: closed, lte: new Date(closed.getTime() + NOTICE_GRACE_MS) }, direction: 'out', sender: CASE_NOTICE_SENDER }] }
    : { at: { gte: row.createdAt } };
  const [names, transcript, events] = await Promise.all([
    namesOf(db, [row.caseworkerId]),
    db.transcriptMessage.findMany({ where: { conversationKey: row.conversationKey, ...window }, orderBy: { at: 'asc' }, take: 500 }),
    db.auditEvent.findMany({ where: { subjectType: 'handoff_case', subjectId: row.id, action: { in: ['handoff.note', 'handoff.closed'] } }, orderBy: { at: 'asc' } }),
  ]);
  const notes = events.filter((e) => e.action === 'handoff.note');
  const closing = events.find((e) => e.action === 'handoff.closed');
  return {
    ...summaryOf(row, row.jobSeeker, names),
    excerpt: readJsonColumn(excerptSchema, row.excerpt, []),
    messages: transcript.map((m) => ({
      direction: m.direction === 'in' ? 'in' : 'out',
      sender: m.direction === 'in' ? 'person' : m.sender,
      text: m.text ?? '',
      at: m.at,
    })),
    notes: notes.map((n) => ({ author: n.actor, text: readJsonColumn(noteSchema, n.details, { text: '' }).text, at: n.at })),
    reference: readJsonColumn(detailsSchema, row.details, {}).reference ?? null,
    closeReason: closing ? readJsonColumn(closeSchema, closing.details, { reason: '' }).reason : null,
  };
}

/** Cases opened or closed, staff actions on cases, and messages in open cases' conversations since `since`. */
export async function changesSince(db: Db, scope: AccessScope, since: Date): Promise<ConsoleChange[]> {
  const cases = await db.handoffCase.findMany({
    where: { ...inScope(scope), OR: [{ status: { in: OPEN_STATUSES } }, { createdAt: { gte: since } }, { closedAt: { gte: since } }] },
    select: { id: true, conversationKey: true, createdAt: true, closedAt: true, status: true },
    take: 1000,
  });
  const changes: ConsoleChange[] = [];
  for (const c of cases) {
    if (c.createdAt >= since) changes.push({ id: `case:${c.id}:opened`, type: 'case', caseId: c.id, at: c.createdAt });
    if (c.closedAt && c.closedAt >= since) changes.push({ id: `case:${c.id}:closed`, type: 'case', caseId: c.id, at: c.closedAt });
  }
  const ids = cases.map((c) => c.id);
  const open = cases.filter((c) => OPEN_STATUSES.includes(c.status));
  const [actions, messages] = await Promise.all([
    db.auditEvent.findMany({ where: { subjectType: 'handoff_case', subjectId: { in: ids }, at: { gte: since }, action: { not: 'handoff.viewed' } }, select: { id: true, subjectId: true, at: true } }),
    db.transcriptMessage.findMany({ where: { conversationKey: { in: open.map((c) => c.conversationKey) }, at: { gte: since } }, select: { id: true, conversationKey: true, at: true } }),
  ]);
  for (const a of actions) if (a.subjectId) changes.push({ id: `audit:${a.id}`, type: 'case', caseId: a.subjectId, at: a.at });
  for (const m of messages) {
    for (const c of open) if (c.conversationKey === m.conversationKey) changes.push({ id: `msg:${m.id}:${c.id}`, type: 'message', caseId: c.id, at: m.at });
  }
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Open cases of the region per console status, for the inbox tabs. */
export async function countOpen(db: Db, scope: AccessScope): Promise<Record<'new' | 'claimed' | 'waiting', number>> {
  const rows = await db.handoffCase.findMany({ where: { ...inScope(scope), status: { in: OPEN_STATUSES } }, select: { status: true, caseworkerId: true } });
  const counts = { new: 0, claimed: 0, waiting: 0 };
  for (const row of rows) {
    const status = statusOf(row);
    if (status !== 'closed') counts[status] += 1;
  }
  return counts;
}
