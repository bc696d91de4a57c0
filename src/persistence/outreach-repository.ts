// Outreach tasks as planned: each obligation a row with an idempotency key (person + kind + period), so planning
// twice, on two instances at once, or after a change inserts each row once and moves or cancels only open rows.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { Prisma } from './generated/sqlite/client.ts';
import type { OutreachPlanStore, PlanCandidate, PlannedRow, RegistrationPlan } from '../scheduler/outreach-ports.ts';

/** Rows per multi-row INSERT: 13 parameters each stays far below SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 1000;
const OPEN = ['pending', 'cancelled'];
/** Plans per lookup: two bound values each, below SQLite's 999. */
const LOOKUP_CHUNK = 400;

interface OpenTask { id: string; registrationId: string | null; idempotencyKey: string; status: string; dueAt: Date; deadlineAt: Date | null; clause: string | null; provisional: boolean }

const candidateRow = z.object({
  id: z.string(), jobSeekerId: z.string(), regionCode: z.string(), registeredAt: z.date(), status: z.string(), reason: z.string(),
  followUpPreference: z.string(), hardshipConfirmedAt: z.date().nullable(), rUpdated: z.date(), consentWithdrawnAt: z.date().nullable(),
  pUpdated: z.date(), facts: z.string().nullable(), plannedThrough: z.string().nullable(),
});

function insertValues(plan: RegistrationPlan, row: PlannedRow, at: Date): Prisma.Sql {
  return Prisma.sql`(${randomUUID()}, ${plan.jobSeekerId}, ${plan.registrationId}, ${row.kind}, ${row.dueAt}, ${row.provisional}, ${row.key}, 'pending', 0, ${at}, ${row.period}, ${row.clause}, ${row.deadlineAt})`;
}

/** A single task written directly (a caseworker's or a test's), outside the planner. */
export interface PlannedTask {
  jobSeekerId: string;
  registrationId: string | null;
  kind: string;
  dueAt: Date;
  provisional: boolean;
  idempotencyKey: string;
}

export function createOutreachRepository(db: Db): OutreachPlanStore & {
  plan(tasks: readonly PlannedTask[]): Promise<number>;
  listForJobSeeker(jobSeekerId: string): Promise<{ id: string; kind: string; period: string | null; dueAt: Date; deadlineAt: Date | null; status: string; clause: string | null; provisional: boolean; channel: string | null; lastError: string | null }[]>;
} {
  return {
    async candidates({ refillBefore, afterId, limit }): Promise<PlanCandidate[]> {
      const raw = await db.$queryRaw<unknown[]>`
        SELECT r."id", r."jobSeekerId", r."regionCode", r."registeredAt", r."status", r."reason", r."followUpPreference", r."hardshipConfirmedAt",
               r."updatedAt" AS "rUpdated", p."consentWithdrawnAt", p."updatedAt" AS "pUpdated", s."facts", s."plannedThrough"
        FROM "Registration" r
        JOIN "JobSeeker" p ON p."id" = r."jobSeekerId"
        LEFT JOIN "OutreachPlanState" s ON s."registrationId" = r."id"
        WHERE r."kind" = 'unemployment' AND r."id" > ${afterId ?? ''}
          AND (s."registrationId" IS NULL OR s."plannedThrough" < ${refillBefore} OR r."updatedAt" > s."seenUpdatedAt" OR p."updatedAt" > s."seenUpdatedAt")
        ORDER BY r."id" LIMIT ${limit}`;
      return raw.map((value) => {
        const r = candidateRow.parse(value);
        return {
          registrationId: r.id, jobSeekerId: r.jobSeekerId, regionCode: r.regionCode, registeredAt: r.registeredAt, status: r.status, reason: r.reason,
          followUpPreference: r.followUpPreference, hardshipConfirmed: r.hardshipConfirmedAt !== null, consentWithdrawn: r.consentWithdrawnAt !== null,
          previousFacts: r.facts, previousThrough: r.plannedThrough, updatedAt: r.rUpdated > r.pUpdated ? r.rUpdated : r.pUpdated,
        };
      });
    },

    async applyPlans(plans, at) {
      if (plans.length === 0) return { created: 0, updated: 0, cancelled: 0 };
      return db.$transaction(async (tx) => {
        const existing: OpenTask[] = [];
        // In slices: Prisma refuses a query with more bound values than SQLite allows (999 here).
        for (let i = 0; i < plans.length; i += LOOKUP_CHUNK) {
          const part = plans.slice(i, i + LOOKUP_CHUNK);
          existing.push(...(await tx.outreachTask.findMany({
            // By person (indexed with status), then by registration: a person's other registrations are not touched.
            where: { jobSeekerId: { in: [...new Set(part.map((p) => p.jobSeekerId))] }, registrationId: { in: part.map((p) => p.registrationId) }, status: { in: OPEN } },
            select: { id: true, registrationId: true, idempotencyKey: true, status: true, dueAt: true, deadlineAt: true, clause: true, provisional: true },
          })));
        }
        const byKey = new Map(existing.map((t) => [t.idempotencyKey, t]));
        const inserts: Prisma.Sql[] = [];
        const cancel: string[] = [];
        let updated = 0;
        for (const plan of plans) {
          const wanted = new Set(plan.rows.map((r) => r.key));
          for (const row of plan.rows) {
            const open = byKey.get(row.key);
            if (!open) {
              inserts.push(insertValues(plan, row, at));
              continue;
            }
            const same = open.status === 'pending' && open.dueAt.getTime() === row.dueAt.getTime() && open.deadlineAt?.getTime() === row.deadlineAt.getTime() && open.clause === row.clause && open.provisional === row.provisional;
            if (same) continue;
            updated += (await tx.outreachTask.updateMany({
              where: { id: open.id, status: { in: OPEN } },
              data: { status: 'pending', dueAt: row.dueAt, deadlineAt: row.deadlineAt, clause: row.clause, provisional: row.provisional, period: row.period, availableAt: null },
            })).count;
          }
          for (const t of existing) {
            if (t.registrationId === plan.registrationId && t.status === 'pending' && !wanted.has(t.idempotencyKey) && t.dueAt >= plan.windowFrom) cancel.push(t.id);
          }
        }
        let created = 0;
        for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
          created += await tx.$executeRaw`
            INSERT INTO "OutreachTask" ("id", "jobSeekerId", "registrationId", "kind", "dueAt", "provisional", "idempotencyKey", "status", "attempts", "createdAt", "period", "clause", "deadlineAt")
            VALUES ${Prisma.join(inserts.slice(i, i + INSERT_CHUNK))}
            ON CONFLICT ("idempotencyKey") DO NOTHING`;
        }
        let cancelled = 0;
        for (let i = 0; i < cancel.length; i += LOOKUP_CHUNK * 2) {
          cancelled += (await tx.outreachTask.updateMany({ where: { id: { in: cancel.slice(i, i + LOOKUP_CHUNK * 2) }, status: 'pending' }, data: { status: 'cancelled', lastError: 'no_longer_owed' } })).count;
        }
        const states = plans.map((p) => Prisma.sql`(${p.registrationId}, ${p.jobSeekerId}, ${p.facts}, ${p.plannedThrough}, ${at}, ${p.seenUpdatedAt})`);
        for (let i = 0; i < states.length; i += INSERT_CHUNK) {
          await tx.$executeRaw`
            INSERT INTO "OutreachPlanState" ("registrationId", "jobSeekerId", "facts", "plannedThrough", "plannedAt", "seenUpdatedAt")
            VALUES ${Prisma.join(states.slice(i, i + INSERT_CHUNK))}
            ON CONFLICT ("registrationId") DO UPDATE SET "facts" = excluded."facts", "plannedThrough" = excluded."plannedThrough", "plannedAt" = excluded."plannedAt", "seenUpdatedAt" = excluded."seenUpdatedAt"`;
        }
        return { created, updated, cancelled };
      }, { timeout: 60_000 });
    },

    async plan(tasks) {
      if (tasks.length === 0) return 0;
      const values = tasks.map((t) => Prisma.sql`(${randomUUID()}, ${t.jobSeekerId}, ${t.registrationId}, ${t.kind}, ${t.dueAt}, ${t.provisional}, ${t.idempotencyKey}, 'pending', 0, ${new Date()})`);
      return db.$executeRaw`
        INSERT INTO "OutreachTask" ("id", "jobSeekerId", "registrationId", "kind", "dueAt", "provisional", "idempotencyKey", "status", "attempts", "createdAt")
        VALUES ${Prisma.join(values)} ON CONFLICT ("idempotencyKey") DO NOTHING`;
    },

    async listForJobSeeker(jobSeekerId) {
      return db.outreachTask.findMany({
        where: { jobSeekerId }, orderBy: [{ dueAt: 'asc' }, { idempotencyKey: 'asc' }],
        select: { id: true, kind: true, period: true, dueAt: true, deadlineAt: true, status: true, clause: true, provisional: true, channel: true, lastError: true },
      });
    },
  };
}

export type OutreachRepository = ReturnType<typeof createOutreachRepository>;
