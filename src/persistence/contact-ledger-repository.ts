// The follow-up ledger (失业人员定期联系情况记录, R1.4.7): each contact, its outcome and the services it
// delivered (serviceKinds, counted against the yearly quota R1.5). Append-only; every row is audited.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import { auditRow } from './audit-repository.ts';
import type { ContactLedger } from '../conversation/ports.ts';
import type { LoggedContactSource } from '../scheduler/logged-contacts.ts';

const serviceKindsSchema = z.array(z.string());
/** People per lookup: below SQLite's 999 bound values. */
const PEOPLE_CHUNK = 500;

export function createContactLedgerRepository(db: Db): ContactLedger & LoggedContactSource {
  return {
    async record(entry) {
      const id = randomUUID();
      await db.$transaction(async (tx) => {
        await tx.contactRecord.create({
          data: {
            id, jobSeekerId: entry.jobSeekerId, registrationId: entry.registrationId, kind: entry.kind, channel: entry.channel,
            outcome: entry.outcome, serviceKinds: JSON.stringify(entry.serviceKinds ?? []), notes: entry.notes ?? null, actor: entry.actor, at: entry.at,
          },
        });
        await tx.auditEvent.create({
          data: auditRow({
            actor: entry.actor, action: 'contact.recorded', subjectType: 'contact_record', subjectId: id,
            details: { jobSeekerId: entry.jobSeekerId, kind: entry.kind, outcome: entry.outcome, channel: entry.channel },
          }),
        });
      });
      return { id };
    },
    async listForJobSeeker(jobSeekerId) {
      const rows = await db.contactRecord.findMany({ where: { jobSeekerId }, orderBy: { at: 'asc' } });
      return rows.map((r) => ({ id: r.id, kind: r.kind, outcome: r.outcome, serviceKinds: parseKinds(r.serviceKinds), at: r.at }));
    },
    async loggedContacts(jobSeekerIds) {
      const out: { jobSeekerId: string; kind: string; outcome: string; serviceKinds: string[]; at: Date }[] = [];
      for (let i = 0; i < jobSeekerIds.length; i += PEOPLE_CHUNK) {
        // Outreach's own rows (kind outreach_*, id outreach:<task>) are its sent tasks: counted by the plan itself.
        const rows = await db.contactRecord.findMany({
          where: { jobSeekerId: { in: jobSeekerIds.slice(i, i + PEOPLE_CHUNK) }, NOT: { kind: { startsWith: 'outreach_' } } },
          select: { jobSeekerId: true, kind: true, outcome: true, serviceKinds: true, at: true },
        });
        out.push(...rows.map((r) => ({ jobSeekerId: r.jobSeekerId, kind: r.kind, outcome: r.outcome, serviceKinds: parseKinds(r.serviceKinds), at: r.at })));
      }
      return out;
    },
  };
}

function parseKinds(json: string): string[] {
  return readJsonColumn(serviceKindsSchema, json, []);
}
