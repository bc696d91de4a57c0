// Shared pieces of the review repositories: the masked person of a row, caseworker names by id or actor,
// (the scope filter every query carries is ../scope-filter.ts).
import type { Db } from '../database.ts';
import type { MaskedPerson } from '../../caseworker/decision-desk.ts';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const maskedPersonSelect = { select: { id: true, name: true, idNumberMask: true, phoneMask: true } } as const;

export function maskedPersonOf(row: { id: string; name: string | null; idNumberMask: string | null; phoneMask: string | null } | null): MaskedPerson | null {
  return row ? { jobSeekerId: row.id, name: row.name, idNumber: row.idNumberMask, phone: row.phoneMask } : null;
}

/** Display names of caseworkers by id (unknown ids keep the id). */
export async function namesById(db: Db | Tx, ids: readonly string[]): Promise<(id: string) => string> {
  const wanted = [...new Set(ids)];
  const rows = wanted.length === 0 ? [] : await db.caseworker.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  const names = new Map(rows.map((r) => [r.id, r.displayName]));
  return (id) => names.get(id) ?? id;
}

/** The display name behind an audit actor `caseworker:<username>`; other actors stay as they are. */
export async function nameOfActor(db: Db | Tx, actor: string): Promise<string> {
  const username = /^caseworker:(.+)$/.exec(actor)?.[1];
  if (!username) return actor;
  const row = await db.caseworker.findUnique({ where: { username }, select: { displayName: true } });
  return row?.displayName ?? username;
}

export const OPEN_CASE_STATUSES = ['open', 'waiting'];
export const caseStatusOf = (status: string): 'open' | 'closed' => (OPEN_CASE_STATUSES.includes(status) ? 'open' : 'closed');
export const whereCaseStatus = (status: 'open' | 'closed') => ({ status: status === 'open' ? { in: OPEN_CASE_STATUSES } : { in: ['closed', 'cancelled'] } });
