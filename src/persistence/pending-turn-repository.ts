// Web chat turns acknowledged but not yet run (WebchatPendingTurn), next to the activity stream they belong to.
// Claims are single conditional UPDATEs (status, lease) so on SQLite and PostgreSQL only one instance wins.
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import { z } from 'zod';
import { turnReplyKey, type AcknowledgedActivity, type ClaimedTurn, type PendingTurnStore } from '../channels/webchat/pending-turn-port.ts';

import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { activityIdOf, seqOfActivityId, streamBodyOf, toActivity } from './webchat-store.ts';

/** A turn claimed this many times without finishing (it keeps killing its runner) is set aside as failed. */
export const MAX_TURN_ATTEMPTS = 5;

export const PENDING_TURN_STATUS = { pending: 'pending', done: 'done', failed: 'failed' } as const;

const sealedSchema = z.object({ text: z.string().optional(), value: z.unknown().optional() });

export function createPendingTurnRepository(db: Db, cipher: PiiCipher): PendingTurnStore {
  async function findByClientId(conversationId: string, clientActivityId: string) {
    return db.webchatActivity.findUnique({ where: { conversationId_clientActivityId: { conversationId, clientActivityId } } });
  }

  /** The claimed row's activity with the sealed text and value put back (the stream copy is masked). */
  async function loadClaimed(seq: number): Promise<ClaimedTurn | null> {
    const row = await db.webchatPendingTurn.findUnique({ where: { activitySeq: seq }, include: { activity: true } });
    if (!row) return null;
    const activity = toActivity(row.activity);
    const sealed = row.sealed === null ? {} : sealedSchema.parse(JSON.parse(cipher.decrypt(row.sealed)));
    return { activityId: activity.id, conversationId: row.conversationId, activity: { ...activity, ...sealed } };
  }

  async function claimSeq(seq: number, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const won = await db.webchatPendingTurn.updateMany({
      where: { activitySeq: seq, status: PENDING_TURN_STATUS.pending, leaseUntil: { lt: now }, attempts: { lt: MAX_TURN_ATTEMPTS } },
      data: { leaseOwner: owner, leaseUntil, attempts: { increment: 1 } },
    });
    return won.count === 1;
  }

  return {
    async acknowledge({ conversationId, activity, clientActivityId: rawClientActivityId, owner, leaseUntil }): Promise<AcknowledgedActivity> {
      // The client's id is client text too: kept masked, so a phone number chosen as an id is not stored in clear.
      const clientActivityId = rawClientActivityId === undefined ? undefined : maskPersonalNumbers(rawClientActivityId);
      if (clientActivityId !== undefined) {
        const existing = await findByClientId(conversationId, clientActivityId);
        if (existing) return { activity: toActivity(existing), duplicate: true };
      }
      const sealed = cipher.encrypt(JSON.stringify({ text: activity.text, value: activity.value }));
      try {
        const row = await db.$transaction(async (tx) => {
          const created = await tx.webchatActivity.create({
            data: { conversationId, clientActivityId: clientActivityId ?? null, activity: JSON.stringify(streamBodyOf(activity)) },
          });
          await tx.webchatPendingTurn.create({ data: { activitySeq: created.seq, conversationId, sealed, leaseOwner: owner, leaseUntil, attempts: 1 } });
          return created;
        });
        return { activity: toActivity(row), duplicate: false };
      } catch (error) {
        // Two retries racing past the lookup: the unique index lets one win; the loser answers with the winner.
        const winner = clientActivityId !== undefined && isUniqueViolation(error) ? await findByClientId(conversationId, clientActivityId) : null;
        if (!winner) throw error;
        return { activity: toActivity(winner), duplicate: true };
      }
    },

    async claim(activityId, owner, now, leaseUntil) {
      const seq = seqOfActivityId(activityId);
      if (seq === null || !(await claimSeq(seq, owner, now, leaseUntil))) return null;
      return loadClaimed(seq);
    },

    async claimExpired(owner, now, leaseUntil, limit) {
      await db.webchatPendingTurn.updateMany({
        where: { status: PENDING_TURN_STATUS.pending, leaseUntil: { lt: now }, attempts: { gte: MAX_TURN_ATTEMPTS } },
        data: { status: PENDING_TURN_STATUS.failed, sealed: null, completedAt: now },
      });
      const candidates = await db.webchatPendingTurn.findMany({
        where: { status: PENDING_TURN_STATUS.pending, leaseUntil: { lt: now } },
        orderBy: { activitySeq: 'asc' },
        take: limit,
        select: { activitySeq: true },
      });
      const claimed: ClaimedTurn[] = [];
      for (const { activitySeq } of candidates) {
        if (!(await claimSeq(activitySeq, owner, now, leaseUntil))) continue;
        const turn = await loadClaimed(activitySeq);
        if (turn) claimed.push(turn);
      }
      return claimed;
    },

    async renew(activityId, owner, leaseUntil) {
      const seq = seqOfActivityId(activityId);
      if (seq === null) return false;
      const renewed = await db.webchatPendingTurn.updateMany({
        where: { activitySeq: seq, status: PENDING_TURN_STATUS.pending, leaseOwner: owner },
        data: { leaseUntil },
      });
      return renewed.count === 1;
    },

    async complete(activityId, owner, replies, now) {
      const seq = seqOfActivityId(activityId);
      if (seq === null) return null;
      return db.$transaction(async (tx) => {
        const done = await tx.webchatPendingTurn.updateMany({
          where: { activitySeq: seq, status: PENDING_TURN_STATUS.pending, leaseOwner: owner },
          data: { status: PENDING_TURN_STATUS.done, sealed: null, completedAt: now },
        });
        if (done.count !== 1) return null;
        const row = await tx.webchatPendingTurn.findUniqueOrThrow({ where: { activitySeq: seq }, select: { conversationId: true } });
        return storeReplies(tx, row.conversationId, activityId, replies, 0);
      });
    },

    async appendReplies(activityId, replies, firstOrdinal) {
      const seq = seqOfActivityId(activityId);
      if (seq === null) return [];
      const row = await db.webchatPendingTurn.findUnique({ where: { activitySeq: seq }, select: { conversationId: true } });
      if (!row) return [];
      return db.$transaction((tx) => storeReplies(tx, row.conversationId, activityId, replies, firstOrdinal));
    },
  };
}

/** Stores each reply under its key (turn + place); a reply whose key is already stored is kept, not stored again. */
async function storeReplies(
  tx: Pick<Db, 'webchatActivity'>,
  conversationId: string,
  turnActivityId: string,
  replies: readonly Record<string, unknown>[],
  firstOrdinal: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, reply] of replies.entries()) {
    const clientActivityId = turnReplyKey(turnActivityId, firstOrdinal + index);
    const stored = await tx.webchatActivity.findUnique({ where: { conversationId_clientActivityId: { conversationId, clientActivityId } }, select: { seq: true } });
    const seq = stored?.seq ?? (await tx.webchatActivity.create({ data: { conversationId, clientActivityId, activity: JSON.stringify(streamBodyOf(reply)) } })).seq;
    ids.push(activityIdOf(conversationId, seq));
  }
  return ids;
}
