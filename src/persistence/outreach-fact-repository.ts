// Who outreach failed to reach or who refused service, and the deregistration-fact cases filed for them. At most one
// open case per person and ground: its id comes from the person, the ground and how many came before, so a second
// tick or instance filing the same fact collides and files nothing. The details carry what the review desk assesses
// (the registration and the facts: months without contact, refusals in a row) beside the clause.
import { z } from 'zod';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import { uuidFrom } from './derived-id.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { Prisma } from './generated/sqlite/client.ts';
import { NOT_REACHED_OUTCOMES, REFUSED_SERVICE } from '../domain/contact/contact-outcomes.ts';
import { OUTREACH_GROUNDS, type OutreachGround } from '../domain/outreach/outreach-facts.ts';
import type { OutreachFactDesk, OutreachHistoryRow } from '../scheduler/outreach-ports.ts';

const FACT_KIND = 'deregistration_fact';
const GROUNDS: readonly string[] = OUTREACH_GROUNDS;
const isGround = (reason: string): reason is OutreachGround => GROUNDS.includes(reason);
/** Outreach's own sends (kind outreach_*) reach the person but are not their answer. */
const OUTREACH_KIND_PREFIX = 'outreach_';

// SQLite may return a DateTime of a raw query as its stored text or epoch milliseconds rather than a Date.
const instant = z.union([
  z.date(),
  z.number().transform((ms) => new Date(ms)),
  z.string().transform((text) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(' ', 'T')}Z`)),
]).pipe(z.date().refine((d) => !Number.isNaN(d.getTime()), { message: 'not a time' }));
const candidateRow = z.object({ id: z.string(), jobSeekerId: z.string(), regionCode: z.string(), registeredAt: instant });

const latest = (a: Date | null | undefined, b: Date | null | undefined): Date | null => (a && b ? (a > b ? a : b) : (a ?? b ?? null));

export function createOutreachFactRepository(db: Db): OutreachFactDesk {
  return {
    async histories({ afterId, limit }) {
      const evidence = Prisma.join([REFUSED_SERVICE, ...NOT_REACHED_OUTCOMES]);
      const raw = await db.$queryRaw<unknown[]>`
        SELECT r."id", r."jobSeekerId", r."regionCode", r."registeredAt"
        FROM "Registration" r
        WHERE r."kind" = 'unemployment' AND r."status" IN ('pending_review', 'registered') AND r."id" > ${afterId ?? ''}
          AND (EXISTS (SELECT 1 FROM "OutreachTask" t WHERE t."jobSeekerId" = r."jobSeekerId" AND t."status" = 'undeliverable')
            OR EXISTS (SELECT 1 FROM "ContactRecord" c WHERE c."jobSeekerId" = r."jobSeekerId" AND c."outcome" IN (${evidence})))
        ORDER BY r."id" LIMIT ${limit}`;
      const rows = raw.map((r) => candidateRow.parse(r));
      const people = [...new Set(rows.map((r) => r.jobSeekerId))];
      if (people.length === 0) return [];
      const notReached = [...NOT_REACHED_OUTCOMES];
      const [reached, missed, undeliverable, answers, cases] = await Promise.all([
        db.contactRecord.groupBy({ by: ['jobSeekerId'], where: { jobSeekerId: { in: people }, outcome: { notIn: notReached } }, _max: { at: true } }),
        db.contactRecord.groupBy({ by: ['jobSeekerId'], where: { jobSeekerId: { in: people }, outcome: { in: notReached } }, _max: { at: true } }),
        db.outreachTask.groupBy({ by: ['jobSeekerId'], where: { jobSeekerId: { in: people }, status: 'undeliverable' }, _max: { doneAt: true } }),
        db.contactRecord.findMany({
          where: { jobSeekerId: { in: people }, outcome: { notIn: notReached }, NOT: { kind: { startsWith: OUTREACH_KIND_PREFIX } } },
          orderBy: [{ at: 'desc' }, { id: 'asc' }], select: { jobSeekerId: true, outcome: true, at: true },
        }),
        db.handoffCase.findMany({ where: { jobSeekerId: { in: people }, kind: FACT_KIND, reason: { in: [...GROUNDS] } }, select: { jobSeekerId: true, reason: true, status: true, closedAt: true } }),
      ]);
      const maxOf = <T extends { jobSeekerId: string }>(groups: readonly T[], at: (g: T) => Date | null) => new Map(groups.map((g) => [g.jobSeekerId, at(g)]));
      const lastReached = maxOf(reached, (g) => g._max.at);
      const lastMissed = maxOf(missed, (g) => g._max.at);
      const lastUndeliverable = maxOf(undeliverable, (g) => g._max.doneAt);
      return rows.map((r): OutreachHistoryRow => {
        const own = cases.filter((c) => c.jobSeekerId === r.jobSeekerId);
        const decidedAt: OutreachHistoryRow['decidedAt'] = {};
        for (const c of own) {
          if (!isGround(c.reason) || c.status !== 'closed' || !c.closedAt) continue;
          decidedAt[c.reason] = latest(decidedAt[c.reason], c.closedAt) ?? c.closedAt;
        }
        return {
          registrationId: r.id, jobSeekerId: r.jobSeekerId, regionCode: r.regionCode, registeredAt: r.registeredAt,
          lastReachedAt: lastReached.get(r.jobSeekerId) ?? null,
          lastFailedAt: latest(lastMissed.get(r.jobSeekerId), lastUndeliverable.get(r.jobSeekerId)),
          answersNewestFirst: answers.filter((a) => a.jobSeekerId === r.jobSeekerId).map((a) => ({ outcome: a.outcome, at: a.at })),
          decidedAt,
          openGrounds: own.filter((c) => c.status !== 'closed').map((c) => c.reason).filter(isGround),
        };
      });
    },

    async fileFact(fact, at) {
      const where = { jobSeekerId: fact.jobSeekerId, kind: FACT_KIND, reason: fact.code };
      if (await db.handoffCase.findFirst({ where: { ...where, status: { not: 'closed' } }, select: { id: true } })) return false;
      const id = uuidFrom(`${FACT_KIND}:${fact.code}:${fact.jobSeekerId}:${await db.handoffCase.count({ where })}`);
      const details = { ...fact.details, facts: fact.facts, registrationId: fact.registrationId, clause: fact.clause };
      try {
        await db.$transaction(async (tx) => {
          await tx.handoffCase.create({
            data: { id, jobSeekerId: fact.jobSeekerId, conversationKey: `outreach:${fact.jobSeekerId}`, regionCode: fact.regionCode, kind: FACT_KIND, reason: fact.code, details: JSON.stringify(details), createdAt: at },
          });
          await tx.auditEvent.create({
            data: { ...auditRow({ actor: 'scheduler', action: 'outreach.fact_filed', subjectType: 'handoff_case', subjectId: id, details: { jobSeekerId: fact.jobSeekerId, ground: fact.code, facts: fact.facts, clause: fact.clause } }), at },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
      return true;
    },
  };
}
