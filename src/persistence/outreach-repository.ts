// Outreach tasks as planned: each obligation a row with an idempotency key (person + kind + period), so planning
// twice, on two instances at once, or after a change inserts each row once and moves or cancels only open rows.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { Prisma } from './generated/sqlite/client.ts';
import type { OutreachPlanStore, PlanCandidate } from '../scheduler/outreach-ports.ts';
import { dialectOf, jsonRows, type JsonCell } from './json-rows.ts';

/** Rows per bulk statement: one JSON parameter (json-rows.ts), so no bound-value limit; kept near 0.5 MB because
 * Prisma keeps its last 100 queries with their parameters for error reports. */
const WRITE_CHUNK = 2000;
const INSERT_COLUMNS = [
  ['id', 'text'], ['jobSeekerId', 'text'], ['registrationId', 'text'], ['kind', 'text'], ['dueAt', 'timestamp'], ['provisional', 'boolean'],
  ['idempotencyKey', 'text'], ['createdAt', 'timestamp'], ['period', 'text'], ['clause', 'text'], ['deadlineAt', 'timestamp'],
] as const;
const MOVE_COLUMNS = [['id', 'text'], ['dueAt', 'timestamp'], ['deadlineAt', 'timestamp'], ['clause', 'text'], ['provisional', 'boolean'], ['period', 'text']] as const;
const STATE_COLUMNS = [['registrationId', 'text'], ['jobSeekerId', 'text'], ['facts', 'text'], ['plannedThrough', 'text'], ['plannedAt', 'timestamp'], ['seenUpdatedAt', 'timestamp']] as const;

/** SQLite returns booleans of raw queries as 0/1, PostgreSQL as booleans. */
const sqlBoolean = z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1);
const openTaskRow = z.object({
  id: z.string(), registrationId: z.string().nullable(), idempotencyKey: z.string(), status: z.string(), dueAt: z.coerce.date(),
  deadlineAt: z.coerce.date().nullable(), clause: z.string().nullable(), provisional: sqlBoolean,
});
type OpenTask = z.infer<typeof openTaskRow>;

const candidateRow = z.object({
  id: z.string(), jobSeekerId: z.string(), regionCode: z.string(), registeredAt: z.date(), status: z.string(), reason: z.string(),
  followUpPreference: z.string(), hardshipConfirmedAt: z.date().nullable(), hardshipFamily: sqlBoolean, exitReportedAt: z.date().nullable(), rUpdated: z.date(), consentWithdrawnAt: z.date().nullable(),
  pUpdated: z.date(), facts: z.string().nullable(), plannedThrough: z.string().nullable(),
});

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
  const dialect = dialectOf(db);
  return {
    async candidates({ refillBefore, afterId, limit }): Promise<PlanCandidate[]> {
      const raw = await db.$queryRaw<unknown[]>`
        SELECT r."id", r."jobSeekerId", r."regionCode", r."registeredAt", r."status", r."reason", r."followUpPreference", r."hardshipConfirmedAt", r."hardshipFamily", r."exitReportedAt",
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
          followUpPreference: r.followUpPreference, hardshipConfirmed: r.hardshipConfirmedAt !== null, hardshipFamily: r.hardshipFamily, consentWithdrawn: r.consentWithdrawnAt !== null,
          exitReportedAt: r.exitReportedAt,
          previousFacts: r.facts, previousThrough: r.plannedThrough, updatedAt: r.rUpdated > r.pUpdated ? r.rUpdated : r.pUpdated,
        };
      });
    },

    async applyPlans(plans, at) {
      if (plans.length === 0) return { created: 0, updated: 0, cancelled: 0 };
      return db.$transaction(async (tx) => {
        // The plan state first: a write, so the transaction holds SQLite's write lock before it reads. A read first
        // would take a snapshot that a second instance's commit makes stale, and the write after it would fail with
        // SQLITE_BUSY at once, without waiting (PostgreSQL: the rows are locked from here on, the same order either way).
        for (let i = 0; i < plans.length; i += WRITE_CHUNK) {
          const rows = jsonRows(dialect, 's', STATE_COLUMNS, plans.slice(i, i + WRITE_CHUNK).map((p) => [p.registrationId, p.jobSeekerId, p.facts, p.plannedThrough, at, p.seenUpdatedAt]));
          await tx.$executeRaw`
            INSERT INTO "OutreachPlanState" ("registrationId", "jobSeekerId", "facts", "plannedThrough", "plannedAt", "seenUpdatedAt")
            SELECT s."registrationId", s."jobSeekerId", s."facts", s."plannedThrough", s."plannedAt", s."seenUpdatedAt" FROM ${rows} WHERE true
            ON CONFLICT ("registrationId") DO UPDATE SET "facts" = excluded."facts", "plannedThrough" = excluded."plannedThrough", "plannedAt" = excluded."plannedAt", "seenUpdatedAt" = excluded."seenUpdatedAt"`;
        }
        // By person (indexed with status), then by registration: a person's other registrations are not touched.
        const people = jsonRows(dialect, 'k', [['jobSeekerId', 'text']], plans.map((p) => [p.jobSeekerId]));
        const registrations = jsonRows(dialect, 'g', [['registrationId', 'text']], plans.map((p) => [p.registrationId]));
        const found = await tx.$queryRaw<unknown[]>`
          SELECT t."id", t."registrationId", t."idempotencyKey", t."status", t."dueAt", t."deadlineAt", t."clause", t."provisional"
          FROM "OutreachTask" t
          WHERE t."jobSeekerId" IN (SELECT k."jobSeekerId" FROM ${people}) AND t."status" IN ('pending', 'cancelled')
            AND t."registrationId" IN (SELECT g."registrationId" FROM ${registrations})`;
        const existing = found.map((row) => openTaskRow.parse(row));
        const byKey = new Map(existing.map((t) => [t.idempotencyKey, t]));
        const byRegistration = new Map<string, OpenTask[]>();
        for (const t of existing) if (t.registrationId !== null) byRegistration.set(t.registrationId, [...(byRegistration.get(t.registrationId) ?? []), t]);
        const inserts: JsonCell[][] = [];
        const moves: JsonCell[][] = [];
        const cancel: JsonCell[][] = [];
        for (const plan of plans) {
          const wanted = new Set(plan.rows.map((r) => r.key));
          for (const row of plan.rows) {
            const open = byKey.get(row.key);
            if (!open) {
              inserts.push([randomUUID(), plan.jobSeekerId, plan.registrationId, row.kind, row.dueAt, row.provisional, row.key, at, row.period, row.clause, row.deadlineAt]);
              continue;
            }
            const same = open.status === 'pending' && open.dueAt.getTime() === row.dueAt.getTime() && open.deadlineAt?.getTime() === row.deadlineAt.getTime() && open.clause === row.clause && open.provisional === row.provisional;
            if (!same) moves.push([open.id, row.dueAt, row.deadlineAt, row.clause, row.provisional, row.period]);
          }
          for (const t of byRegistration.get(plan.registrationId) ?? []) {
            if (t.status === 'pending' && !wanted.has(t.idempotencyKey) && (t.deadlineAt ?? t.dueAt) >= plan.windowFrom) cancel.push([t.id]);
          }
        }
        let created = 0;
        let updated = 0;
        let cancelled = 0;
        for (let i = 0; i < inserts.length; i += WRITE_CHUNK) {
          const rows = jsonRows(dialect, 'n', INSERT_COLUMNS, inserts.slice(i, i + WRITE_CHUNK));
          // WHERE true: SQLite needs it to read ON CONFLICT as the upsert clause after INSERT ... SELECT.
          created += await tx.$executeRaw`
            INSERT INTO "OutreachTask" ("id", "jobSeekerId", "registrationId", "kind", "dueAt", "provisional", "idempotencyKey", "status", "attempts", "createdAt", "period", "clause", "deadlineAt")
            SELECT n."id", n."jobSeekerId", n."registrationId", n."kind", n."dueAt", n."provisional", n."idempotencyKey", 'pending', 0, n."createdAt", n."period", n."clause", n."deadlineAt"
            FROM ${rows} WHERE true
            ON CONFLICT ("idempotencyKey") DO NOTHING`;
        }
        for (let i = 0; i < moves.length; i += WRITE_CHUNK) {
          const rows = jsonRows(dialect, 'm', MOVE_COLUMNS, moves.slice(i, i + WRITE_CHUNK));
          updated += await tx.$executeRaw`
            UPDATE "OutreachTask" SET "status" = 'pending', "dueAt" = m."dueAt", "deadlineAt" = m."deadlineAt", "clause" = m."clause", "provisional" = m."provisional",
                   "period" = m."period", "availableAt" = NULL
            FROM ${rows} WHERE "OutreachTask"."id" = m."id" AND "OutreachTask"."status" IN ('pending', 'cancelled')`;
        }
        for (let i = 0; i < cancel.length; i += WRITE_CHUNK) {
          const rows = jsonRows(dialect, 'c', [['id', 'text']], cancel.slice(i, i + WRITE_CHUNK));
          cancelled += await tx.$executeRaw`
            UPDATE "OutreachTask" SET "status" = 'cancelled', "lastError" = 'no_longer_owed'
            WHERE "id" IN (SELECT c."id" FROM ${rows}) AND "status" = 'pending'`;
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
