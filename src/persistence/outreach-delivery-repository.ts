// Delivery of outreach tasks: claims with a lease (a crashed worker's tasks are taken over once the lease lapses),
// one message per person per day (a row per person and day), and "sent" recorded once with its ledger row. Every
// write after the claim is conditional on the worker still holding the lease, and the in-flight marker written
// before each send tells a worker taking a task over that its send may already have happened.
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

/** Due at `now`, or claimed by a worker whose lease lapsed by `leaseAt` (the lease clock runs on through a tick). */
function dueCondition(now: Date, leaseAt: Date = now): Prisma.Sql {
  return Prisma.sql`(("status" = 'pending' AND "dueAt" <= ${now} AND ("availableAt" IS NULL OR "availableAt" <= ${now})) OR ("status" = 'sending' AND "lockedUntil" < ${leaseAt}))`;
}

/** The outcome is recorded: the in-flight marker and the lease go. */
const RELEASED = { leaseOwner: null, lockedUntil: null, inFlightChannel: null, inFlightAt: null };

export function createOutreachDeliveryRepository(db: Db): DeliveryStore {
  const dialect = dialectOf(db);
  return {
    async countDue(now) {
      const rows = await db.$queryRaw<unknown[]>`SELECT COUNT(*) AS "n" FROM "OutreachTask" WHERE ${dueCondition(now)}`;
      return z.object({ n: z.coerce.number() }).parse(rows[0]).n;
    },

    async claimDue(now, lease, limit) {
      const raw = await db.$queryRaw<unknown[]>`
        UPDATE "OutreachTask" SET "status" = 'sending', "leaseOwner" = ${lease.owner}, "lockedUntil" = ${lease.until}
        WHERE "id" IN (SELECT "id" FROM "OutreachTask" WHERE ${dueCondition(now, lease.at)} ORDER BY "dueAt" LIMIT ${limit}) AND ${dueCondition(now, lease.at)}
        RETURNING "id"`;
      const ids = raw.map((r) => claimedRow.parse(r).id);
      if (ids.length === 0) return [];
      // Read after the claim: the in-flight marker read here is the last one written, as only the holder writes it.
      const tasks = await db.outreachTask.findMany({
        where: { id: { in: ids }, leaseOwner: lease.owner },
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
        inFlight: t.inFlightChannel !== null && t.inFlightAt !== null ? { channel: t.inFlightChannel, since: t.inFlightAt } : null,
        addresses: t.jobSeeker.addresses.map((a) => ({
          channel: a.channel,
          // Addresses keep the engine's conversation key (`<channel>:<id>`); channels take their own id.
          address: channelAddressOf(a),
          conversationKey: conversationKeyOf(a),
          lastWrittenAt: written.get(conversationKeyOf(a)) ?? null,
        })),
      }));
    },

    async renewLeases(taskIds, lease) {
      if (taskIds.length === 0) return 0;
      const { count } = await db.outreachTask.updateMany({ where: { id: { in: [...taskIds] }, status: 'sending', leaseOwner: lease.owner }, data: { lockedUntil: lease.until } });
      return count;
    },

    async beginSend(taskId, channel, lease) {
      // Held while nobody claimed it, even past `lockedUntil`: a claim is what takes a task away, and it changes the owner.
      const { count } = await db.outreachTask.updateMany({
        where: { id: taskId, status: 'sending', leaseOwner: lease.owner },
        data: { inFlightChannel: channel, inFlightAt: lease.at, lockedUntil: lease.until },
      });
      return count === 1;
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

    async markSent(taskId, owner, receipt) {
      // The holder's update comes first and keeps the owner on the row until the last statement: on PostgreSQL it
      // locks the row, on SQLite the transaction holds the write lock, so the ledger, audit and catalogue rows are
      // written only if this worker recorded the send. The ledger row's id is the task's: a task counts once.
      const mine = Prisma.sql`"id" = ${taskId} AND "status" = 'sent' AND "leaseOwner" = ${owner}`;
      const [marked] = await db.$transaction([
        db.$executeRaw`
          UPDATE "OutreachTask" SET "status" = 'sent', "doneAt" = ${receipt.at}, "channel" = ${receipt.channel}, "receipt" = ${receipt.receipt},
                 "chosenBecause" = ${receipt.chosenBecause ?? null}, "skippedChannels" = ${JSON.stringify(receipt.skipped ?? [])},
                 "lastError" = NULL, "receiptStatus" = NULL, "receiptAt" = NULL, "inFlightChannel" = NULL, "inFlightAt" = NULL
          WHERE "id" = ${taskId} AND "status" = 'sending' AND "leaseOwner" = ${owner}`,
        db.$executeRaw`
          INSERT INTO "ContactRecord" ("id", "jobSeekerId", "registrationId", "kind", "channel", "outcome", "serviceKinds", "notes", "actor", "at")
          SELECT ${`outreach:${taskId}`}, "jobSeekerId", "registrationId", 'outreach_' || "kind", ${receipt.channel}, 'delivered', ${JSON.stringify(receipt.quotaKind ? [receipt.quotaKind] : [])}, "period", 'scheduler', ${receipt.at}
          FROM "OutreachTask" WHERE ${mine}
          ON CONFLICT DO NOTHING`,
        db.$executeRaw`
          INSERT INTO "AuditEvent" ("id", "at", "actor", "action", "subjectType", "subjectId", "details")
          SELECT ${randomUUID()}, ${receipt.at}, 'scheduler', 'outreach.sent', 'outreach_task', ${taskId},
                 ${JSON.stringify({ channel: receipt.channel, receipt: receipt.receipt, chosenBecause: receipt.chosenBecause ?? null, skipped: receipt.skipped ?? [] })}
          FROM "OutreachTask" WHERE ${mine}`,
        ...(receipt.catalogItemId ? [db.$executeRaw`
          INSERT INTO "CatalogDelivery" ("jobSeekerId", "itemId", "taskId", "at")
          SELECT "jobSeekerId", ${receipt.catalogItemId}, "id", ${receipt.at} FROM "OutreachTask" WHERE ${mine}
          ON CONFLICT DO NOTHING`] : []),
        db.$executeRaw`UPDATE "OutreachTask" SET "leaseOwner" = NULL, "lockedUntil" = NULL WHERE ${mine}`,
      ]);
      return marked === 1;
    },

    async markUnconfirmed(taskId, owner, change) {
      // The marker stays on the row: it says which channel and since when. No ledger row: nobody knows it arrived.
      return db.$transaction(async (tx) => {
        const { count } = await tx.outreachTask.updateMany({
          where: { id: taskId, status: 'sending', leaseOwner: owner },
          data: { status: 'unconfirmed', doneAt: change.at, lastError: `${change.inFlight.channel}:send_unconfirmed`, leaseOwner: null, lockedUntil: null },
        });
        if (count !== 1) return false;
        await tx.auditEvent.create({ data: { ...auditRow({ actor: 'scheduler', action: 'outreach.unconfirmed', subjectType: 'outreach_task', subjectId: taskId, details: { channel: change.inFlight.channel, inFlightSince: change.inFlight.since.toISOString() } }), id: randomUUID(), at: change.at } });
        return true;
      });
    },

    async reschedule(taskId, owner, change) {
      await db.outreachTask.updateMany({
        where: { id: taskId, status: 'sending', leaseOwner: owner },
        data: { status: 'pending', availableAt: change.availableAt, lastError: change.reason, ...RELEASED, ...(change.failed ? { attempts: { increment: 1 } } : {}) },
      });
    },

    async rescheduleMany(taskIds, owner, change) {
      if (taskIds.length === 0) return;
      const rows = jsonRows(dialect, 'r', [['id', 'text']], taskIds.map((id) => [id]));
      await db.$executeRaw`
        UPDATE "OutreachTask" SET "status" = 'pending', "availableAt" = ${change.availableAt}, "lastError" = ${change.reason}, "leaseOwner" = NULL, "lockedUntil" = NULL, "inFlightChannel" = NULL, "inFlightAt" = NULL,
               "attempts" = "attempts" + ${Prisma.raw(change.failed ? '1' : '0')}
        WHERE "id" IN (SELECT r."id" FROM ${rows}) AND "status" = 'sending' AND "leaseOwner" = ${owner}`;
    },

    async finish(taskId, owner, change) {
      await db.$transaction(async (tx) => {
        // `undeliverable` ends a failed attempt: it counts, as a retried one does.
        const counted = change.status === 'undeliverable' ? { attempts: { increment: 1 } } : {};
        const { count } = await tx.outreachTask.updateMany({ where: { id: taskId, status: 'sending', leaseOwner: owner }, data: { status: change.status, lastError: change.reason, doneAt: change.at, ...RELEASED, ...counted } });
        if (count === 1) await tx.auditEvent.create({ data: { ...auditRow({ actor: 'scheduler', action: `outreach.${change.status}`, subjectType: 'outreach_task', subjectId: taskId, details: { reason: change.reason } }), id: randomUUID(), at: change.at } });
      });
    },
  };
}
