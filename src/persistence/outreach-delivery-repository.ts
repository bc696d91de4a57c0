// Delivery of outreach tasks: claims with a lease (a crashed worker's tasks are taken over once the lease lapses),
// one message per person per day (a row per person and day), and "sent" recorded once with its ledger row.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { Prisma } from './generated/sqlite/client.ts';
import { auditRow } from './audit-repository.ts';
import { channelAddressOf, conversationKeyOf, lastWrittenAt } from './channel-address-keys.ts';
import { avoidList } from './delivery-receipt-repository.ts';
import { dialectOf, jsonRows } from './json-rows.ts';
import type { DeliveryStore, DeliveryTask } from '../delivery/delivery-ports.ts';

const ACTIVE_STATUSES = new Set(['pending_review', 'registered']);
const claimedRow = z.object({ id: z.string() });
const heldRow = z.object({ taskId: z.string() });
const heldByRow = z.object({ jobSeekerId: z.string(), taskId: z.string() });

function dueCondition(now: Date): Prisma.Sql {
  return Prisma.sql`(("status" = 'pending' AND "dueAt" <= ${now} AND ("availableAt" IS NULL OR "availableAt" <= ${now})) OR ("status" = 'sending' AND "lockedUntil" < ${now}))`;
}

export function createOutreachDeliveryRepository(db: Db): DeliveryStore {
  const dialect = dialectOf(db);
  return {
    async countDue(now) {
      const rows = await db.$queryRaw<unknown[]>`SELECT COUNT(*) AS "n" FROM "OutreachTask" WHERE ${dueCondition(now)}`;
      return z.object({ n: z.coerce.number() }).parse(rows[0]).n;
    },

    async claimDue(now, owner, leaseUntil, limit) {
      const raw = await db.$queryRaw<unknown[]>`
        UPDATE "OutreachTask" SET "status" = 'sending', "leaseOwner" = ${owner}, "lockedUntil" = ${leaseUntil}
        WHERE "id" IN (SELECT "id" FROM "OutreachTask" WHERE ${dueCondition(now)} ORDER BY "dueAt" LIMIT ${limit}) AND ${dueCondition(now)}
        RETURNING "id"`;
      const ids = raw.map((r) => claimedRow.parse(r).id);
      if (ids.length === 0) return [];
      const tasks = await db.outreachTask.findMany({
        where: { id: { in: ids }, leaseOwner: owner },
        include: { jobSeeker: { select: { locale: true, consentWithdrawnAt: true, preferredChannel: true, phoneEnc: true, addresses: { orderBy: { updatedAt: 'desc' } } } } },
        orderBy: { dueAt: 'asc' },
      });
      const written = await lastWrittenAt(db, tasks.flatMap((t) => t.jobSeeker.addresses.map((a) => conversationKeyOf(a))));
      const registrationIds = tasks.flatMap((t) => (t.registrationId ? [t.registrationId] : []));
      const registrations = new Map((await db.registration.findMany({ where: { id: { in: registrationIds } }, select: { id: true, status: true } })).map((r) => [r.id, r.status]));
      return tasks.map((t): DeliveryTask => ({
        id: t.id, jobSeekerId: t.jobSeekerId, registrationId: t.registrationId, kind: t.kind, period: t.period, clause: t.clause, attempts: t.attempts,
        locale: t.jobSeeker.locale,
        reachable: t.jobSeeker.consentWithdrawnAt === null && (t.registrationId === null || ACTIVE_STATUSES.has(registrations.get(t.registrationId) ?? '')),
        preferredChannel: t.jobSeeker.preferredChannel,
        phoneOnFile: t.jobSeeker.phoneEnc !== null,
        avoidChannels: avoidList(t.avoidChannels),
        addresses: t.jobSeeker.addresses.map((a) => ({
          channel: a.channel,
          // Addresses keep the engine's conversation key (`<channel>:<id>`); channels take their own id.
          address: channelAddressOf(a),
          conversationKey: conversationKeyOf(a),
          lastWrittenAt: written.get(conversationKeyOf(a)) ?? null,
        })),
      }));
    },

    async takeDay(jobSeekerId, day, taskId, at) {
      // One statement: the row is ours if we inserted it or already held it (a retry of the same task).
      const rows = await db.$queryRaw<unknown[]>`
        INSERT INTO "OutreachDailySend" ("jobSeekerId", "day", "taskId", "at") VALUES (${jobSeekerId}, ${day}, ${taskId}, ${at})
        ON CONFLICT ("jobSeekerId", "day") DO UPDATE SET "taskId" = "OutreachDailySend"."taskId" RETURNING "taskId"`;
      return rows.length === 1 && heldRow.parse(rows[0]).taskId === taskId;
    },

    async takeDays(claims, day, at) {
      if (claims.length === 0) return new Map<string, string>();
      const rows = jsonRows(dialect, 'd', [['jobSeekerId', 'text'], ['taskId', 'text']], claims.map((c) => [c.jobSeekerId, c.taskId]));
      // WHERE true: SQLite needs it to read ON CONFLICT as the upsert clause after INSERT ... SELECT.
      const held = await db.$queryRaw<unknown[]>`
        INSERT INTO "OutreachDailySend" ("jobSeekerId", "day", "taskId", "at") SELECT d."jobSeekerId", ${day}, d."taskId", ${at} FROM ${rows} WHERE true
        ON CONFLICT ("jobSeekerId", "day") DO UPDATE SET "taskId" = "OutreachDailySend"."taskId" RETURNING "jobSeekerId", "taskId"`;
      return new Map(held.map((r) => {
        const row = heldByRow.parse(r);
        return [row.jobSeekerId, row.taskId];
      }));
    },

    async releaseDay(jobSeekerId, day, taskId) {
      await db.outreachDailySend.deleteMany({ where: { jobSeekerId, day, taskId } });
    },

    async markSent(taskId, receipt) {
      // The ledger row's id is the task's, so a task counts once whoever records it; ledger and audit rows are
      // copied from the task row itself (and the catalogue item it carried), and the statements commit together.
      const [counted] = await db.$transaction([
        db.$executeRaw`
          INSERT INTO "ContactRecord" ("id", "jobSeekerId", "registrationId", "kind", "channel", "outcome", "serviceKinds", "notes", "actor", "at")
          SELECT ${`outreach:${taskId}`}, "jobSeekerId", "registrationId", 'outreach_' || "kind", ${receipt.channel}, 'delivered', ${JSON.stringify(receipt.quotaKind ? [receipt.quotaKind] : [])}, "period", 'scheduler', ${receipt.at}
          FROM "OutreachTask" WHERE "id" = ${taskId} AND "status" <> 'sent'
          ON CONFLICT DO NOTHING`,
        db.$executeRaw`
          INSERT INTO "AuditEvent" ("id", "at", "actor", "action", "subjectType", "subjectId", "details")
          SELECT ${randomUUID()}, ${receipt.at}, 'scheduler', 'outreach.sent', 'outreach_task', ${taskId},
                 ${JSON.stringify({ channel: receipt.channel, receipt: receipt.receipt, chosenBecause: receipt.chosenBecause ?? null, skipped: receipt.skipped ?? [] })}
          FROM "OutreachTask" WHERE "id" = ${taskId} AND "status" <> 'sent'`,
        ...(receipt.catalogItemId ? [db.$executeRaw`
          INSERT INTO "CatalogDelivery" ("jobSeekerId", "itemId", "taskId", "at")
          SELECT "jobSeekerId", ${receipt.catalogItemId}, "id", ${receipt.at} FROM "OutreachTask" WHERE "id" = ${taskId} AND "status" <> 'sent'
          ON CONFLICT DO NOTHING`] : []),
        db.$executeRaw`
          UPDATE "OutreachTask" SET "status" = 'sent', "doneAt" = ${receipt.at}, "channel" = ${receipt.channel}, "receipt" = ${receipt.receipt},
                 "chosenBecause" = ${receipt.chosenBecause ?? null}, "skippedChannels" = ${JSON.stringify(receipt.skipped ?? [])},
                 "leaseOwner" = NULL, "lockedUntil" = NULL, "lastError" = NULL, "receiptStatus" = NULL, "receiptAt" = NULL
          WHERE "id" = ${taskId} AND "status" <> 'sent'`,
      ]);
      return counted === 1;
    },

    async reschedule(taskId, owner, change) {
      await db.outreachTask.updateMany({
        where: { id: taskId, status: 'sending', leaseOwner: owner },
        data: { status: 'pending', availableAt: change.availableAt, lastError: change.reason, leaseOwner: null, lockedUntil: null, ...(change.failed ? { attempts: { increment: 1 } } : {}) },
      });
    },

    async rescheduleMany(taskIds, owner, change) {
      if (taskIds.length === 0) return;
      const rows = jsonRows(dialect, 'r', [['id', 'text']], taskIds.map((id) => [id]));
      await db.$executeRaw`
        UPDATE "OutreachTask" SET "status" = 'pending', "availableAt" = ${change.availableAt}, "lastError" = ${change.reason}, "leaseOwner" = NULL, "lockedUntil" = NULL,
               "attempts" = "attempts" + ${Prisma.raw(change.failed ? '1' : '0')}
        WHERE "id" IN (SELECT r."id" FROM ${rows}) AND "status" = 'sending' AND "leaseOwner" = ${owner}`;
    },

    async finish(taskId, owner, change) {
      await db.$transaction(async (tx) => {
        // `undeliverable` ends a failed attempt: it counts, as a retried one does.
        const counted = change.status === 'undeliverable' ? { attempts: { increment: 1 } } : {};
        const { count } = await tx.outreachTask.updateMany({ where: { id: taskId, status: 'sending', leaseOwner: owner }, data: { status: change.status, lastError: change.reason, doneAt: change.at, leaseOwner: null, lockedUntil: null, ...counted } });
        if (count === 1) await tx.auditEvent.create({ data: { ...auditRow({ actor: 'scheduler', action: `outreach.${change.status}`, subjectType: 'outreach_task', subjectId: taskId, details: { reason: change.reason } }), id: randomUUID(), at: change.at } });
      });
    },
  };
}
