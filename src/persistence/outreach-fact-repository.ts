// Who outreach failed to reach or who refused service, and the deregistration-fact cases filed for them (at most
// one open case per person and ground: a second tick or instance finds it and files nothing).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { OutreachFactDesk } from '../scheduler/outreach-ports.ts';

const FACT_GROUNDS = ['NO_CONTACT', 'REFUSED_SERVICES'];
// An aggregate (MAX) of a DateTime column comes back from SQLite as its stored ISO text, not as a Date.
const instant = z.union([
  z.date(),
  z.number().transform((ms) => new Date(ms)),
  z.string().transform((text) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(' ', 'T')}Z`)),
]).pipe(z.date().refine((d) => !Number.isNaN(d.getTime()), { message: 'not a time' }));
const historyRow = z.object({ jobSeekerId: z.string(), regionCode: z.string(), registeredAt: instant, lastReachedAt: instant.nullable(), lastFailedAt: instant.nullable() });

export function createOutreachFactRepository(db: Db): OutreachFactDesk {
  return {
    async histories(limit) {
      const raw = await db.$queryRaw<unknown[]>`
        SELECT r."jobSeekerId", r."regionCode", r."registeredAt",
          (SELECT MAX(c."at") FROM "ContactRecord" c WHERE c."jobSeekerId" = r."jobSeekerId" AND c."outcome" <> 'refused_service') AS "lastReachedAt",
          (SELECT MAX(t."doneAt") FROM "OutreachTask" t WHERE t."jobSeekerId" = r."jobSeekerId" AND t."status" = 'undeliverable') AS "lastFailedAt"
        FROM "Registration" r
        WHERE r."kind" = 'unemployment' AND r."status" IN ('pending_review', 'registered')
          AND (EXISTS (SELECT 1 FROM "OutreachTask" t WHERE t."jobSeekerId" = r."jobSeekerId" AND t."status" = 'undeliverable')
            OR EXISTS (SELECT 1 FROM "ContactRecord" c WHERE c."jobSeekerId" = r."jobSeekerId" AND c."outcome" = 'refused_service'))
          AND NOT EXISTS (SELECT 1 FROM "HandoffCase" h WHERE h."jobSeekerId" = r."jobSeekerId" AND h."kind" = 'deregistration_fact' AND h."status" <> 'closed' AND h."reason" IN ('NO_CONTACT', 'REFUSED_SERVICES'))
        LIMIT ${limit}`;
      const rows = raw.map((r) => historyRow.parse(r));
      const outcomes = await db.contactRecord.findMany({ where: { jobSeekerId: { in: rows.map((r) => r.jobSeekerId) } }, orderBy: { at: 'desc' }, select: { jobSeekerId: true, outcome: true } });
      return rows.map((r) => ({ ...r, outcomesNewestFirst: outcomes.filter((o) => o.jobSeekerId === r.jobSeekerId).map((o) => o.outcome) }));
    },
    async fileFact(fact, at) {
      await db.$transaction(async (tx) => {
        const open = await tx.handoffCase.findFirst({ where: { jobSeekerId: fact.jobSeekerId, kind: 'deregistration_fact', reason: { in: FACT_GROUNDS }, status: { not: 'closed' } } });
        if (open) return;
        const id = randomUUID();
        await tx.handoffCase.create({
          data: { id, jobSeekerId: fact.jobSeekerId, conversationKey: `outreach:${fact.jobSeekerId}`, regionCode: fact.regionCode, kind: 'deregistration_fact', reason: fact.code, details: JSON.stringify({ ...fact.details, clause: fact.clause }), createdAt: at },
        });
        await tx.auditEvent.create({ data: { ...auditRow({ actor: 'scheduler', action: 'outreach.fact_filed', subjectType: 'handoff_case', subjectId: id, details: { jobSeekerId: fact.jobSeekerId, ground: fact.code } }), at } });
      });
    },
  };
}
