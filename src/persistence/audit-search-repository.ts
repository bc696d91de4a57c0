// Searching the audit trail within an AccessScope. Audit rows carry no region, so each page of candidate rows
// is checked against the region of its subject (person, case, registration, contact, account), in batches.
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import type { AuditEntry, AuditFilter, AuditSearch } from '../caseworker/audit-search.ts';
import { isInScope, type AccessScope } from '../caseworker/region-scope.ts';
import { maskJsonStrings } from '../logging/mask-json.ts';

const PAGE = 500;
/** A search reads at most this many rows before it answers with what it found. */
const MAX_SCANNED = 20_000;
const detailsSchema = z.record(z.string(), z.unknown());
const districtsSchema = z.array(z.string());

type Row = { id: string; at: Date; actor: string; action: string; subjectType: string; subjectId: string | null; details: string };

async function regionsOf(db: Db, rows: Row[]): Promise<Map<string, string[]>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId ?? ''))];
  const [people, cases, registrations, contacts, accounts] = await Promise.all([
    db.jobSeeker.findMany({ where: { id: { in: ids('job_seeker') } }, select: { id: true, regionCode: true } }),
    db.handoffCase.findMany({ where: { id: { in: ids('handoff_case') } }, select: { id: true, regionCode: true } }),
    db.registration.findMany({ where: { id: { in: ids('registration') } }, select: { id: true, regionCode: true } }),
    db.contactRecord.findMany({ where: { id: { in: ids('contact_record') } }, select: { id: true, jobSeeker: { select: { regionCode: true } } } }),
    db.caseworker.findMany({ where: { id: { in: ids('caseworker') } }, select: { id: true, regionCode: true, districts: true } }),
  ]);
  const regions = new Map<string, string[]>();
  for (const p of people) regions.set(`job_seeker:${p.id}`, [p.regionCode]);
  for (const c of cases) regions.set(`handoff_case:${c.id}`, [c.regionCode]);
  for (const r of registrations) regions.set(`registration:${r.id}`, [r.regionCode]);
  for (const c of contacts) regions.set(`contact_record:${c.id}`, [c.jobSeeker.regionCode]);
  for (const a of accounts) {
    const districts = readJsonColumn(districtsSchema, a.districts, []);
    regions.set(`caseworker:${a.id}`, districts.length > 0 ? districts : [a.regionCode]);
  }
  return regions;
}

const ATTRIBUTED = new Set(['job_seeker', 'handoff_case', 'registration', 'contact_record', 'caseworker']);

function entryOf(row: Row): AuditEntry {
  const details = detailsSchema.safeParse(maskJsonStrings(readJsonColumn(detailsSchema, row.details, {})));
  return { id: row.id, at: row.at, actor: row.actor, action: row.action, subjectType: row.subjectType, subjectId: row.subjectId, details: details.success ? details.data : {} };
}

export function createAuditSearchRepository(db: Db): AuditSearch {
  /** The rows about one person: them, their cases, registrations and contacts. */
  async function personSubjects(personId: string) {
    const [cases, registrations, contacts] = await Promise.all([
      db.handoffCase.findMany({ where: { jobSeekerId: personId }, select: { id: true } }),
      db.registration.findMany({ where: { jobSeekerId: personId }, select: { id: true } }),
      db.contactRecord.findMany({ where: { jobSeekerId: personId }, select: { id: true } }),
    ]);
    return [
      { subjectType: 'job_seeker', subjectId: personId },
      { subjectType: 'handoff_case', subjectId: { in: cases.map((c) => c.id) } },
      { subjectType: 'registration', subjectId: { in: registrations.map((r) => r.id) } },
      { subjectType: 'contact_record', subjectId: { in: contacts.map((c) => c.id) } },
    ];
  }

  return {
    async search(filter: AuditFilter, scope: AccessScope, options) {
      let subjects: Awaited<ReturnType<typeof personSubjects>> | null = null;
      if (filter.personId) {
        const person = await db.jobSeeker.findUnique({ where: { id: filter.personId }, select: { regionCode: true } });
        if (!person || !isInScope(scope, person.regionCode)) return null;
        subjects = await personSubjects(filter.personId);
      }
      const where = {
        ...(subjects ? { OR: subjects } : {}),
        ...(filter.caseworker ? { actor: `caseworker:${filter.caseworker}` } : {}),
        ...(filter.action ? (filter.action.endsWith('.') ? { action: { startsWith: filter.action } } : { action: filter.action }) : {}),
        ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      };
      const found: AuditEntry[] = [];
      for (let skip = 0; skip < MAX_SCANNED && found.length < filter.limit; skip += PAGE) {
        const rows = await db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'asc' }], skip, take: PAGE });
        const regions = await regionsOf(db, rows);
        for (const row of rows) {
          const codes = row.subjectId ? regions.get(`${row.subjectType}:${row.subjectId}`) : undefined;
          const visible = codes ? codes.every((code) => isInScope(scope, code)) : !ATTRIBUTED.has(row.subjectType) || !row.subjectId ? options.includeUnattributed : false;
          if (visible) found.push(entryOf(row));
          if (found.length >= filter.limit) break;
        }
        if (rows.length < PAGE) break;
      }
      return found;
    },
  };
}
