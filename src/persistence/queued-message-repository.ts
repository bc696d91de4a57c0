// Messages the Tencent channels could not send yet (QueuedMessage): text sealed with the PII cipher, one line per
// channel and recipient whose first unsettled row alone is claimed, by conditional UPDATEs (no interactive
// transaction, so SQLite connections never wait on each other's locks), so each is sent once and in order.
import type { MessageQueue, QueuedMessage } from '../channels/tencent/message-queue-port.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';

export const QUEUED_MESSAGE_STATUS = { pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed', uncertain: 'uncertain' } as const;
const { pending, sending, sent, failed, uncertain } = QUEUED_MESSAGE_STATUS;

export function createQueuedMessageRepository(db: Db, cipher: PiiCipher): MessageQueue {
  /** The line of the row `seq`: its channel and recipient. */
  const lineOf = (seq: number) => db.queuedMessage.findUnique({ where: { seq }, select: { channel: true, recipient: true } });

  return {
    async enqueue(channel, recipient, messages, at) {
      const seqs: { seq: number; fresh: boolean }[] = [];
      for (const message of messages) {
        const dedupeKey = message.dedupeKey ?? null;
        try {
          const row = await db.queuedMessage.create({ data: { channel, recipient, dedupeKey, sealed: cipher.encrypt(message.text), nextAttemptAt: at, createdAt: at }, select: { seq: true } });
          seqs.push({ seq: row.seq, fresh: true });
        } catch (error) {
          if (!isUniqueViolation(error) || dedupeKey === null) throw error;
          // Queued before (a turn run again after a crash, another instance): that row stands for it.
          const existing = await db.queuedMessage.findUnique({ where: { channel_dedupeKey: { channel, dedupeKey } }, select: { seq: true } });
          if (existing) seqs.push({ seq: existing.seq, fresh: false });
        }
      }
      return seqs;
    },

    async claimNext(channel, recipient, at): Promise<QueuedMessage | null> {
      for (;;) {
        const head = await db.queuedMessage.findFirst({ where: { channel, recipient, status: { in: [pending, sending] } }, orderBy: { seq: 'asc' } });
        // Another sender holds the line (its loop goes on to the rest), or nothing waits.
        if (!head || head.status !== pending) return null;
        if (head.nextAttemptAt && head.nextAttemptAt > at) {
          // The line waits for its first message's retry: the rest follow it, so no sweep finds them due before.
          await db.queuedMessage.updateMany({ where: { channel, recipient, status: pending, seq: { gt: head.seq } }, data: { nextAttemptAt: head.nextAttemptAt } });
          return null;
        }
        const claimed = await db.queuedMessage.updateMany({ where: { seq: head.seq, status: pending }, data: { status: sending, claimedAt: at } });
        if (claimed.count !== 1) return null;
        if (head.sealed !== null) return { seq: head.seq, recipient, text: cipher.decrypt(head.sealed), attempts: head.attempts };
        await db.queuedMessage.updateMany({ where: { seq: head.seq }, data: { status: failed, sentAt: at } });
      }
    },

    async abandonStale(channel, recipient, claimedBefore, at) {
      const stale = await db.queuedMessage.updateMany({ where: { channel, recipient, status: sending, claimedAt: { lt: claimedBefore } }, data: { status: uncertain, sealed: null, sentAt: at } });
      return stale.count;
    },

    async markSent(seq, providerId, at) {
      await db.queuedMessage.updateMany({ where: { seq, status: sending }, data: { status: sent, sealed: null, providerId, sentAt: at } });
    },

    async release(seq) {
      const line = await lineOf(seq);
      const back = await db.queuedMessage.updateMany({ where: { seq, status: sending }, data: { status: pending } });
      // The whole line waits for the person's next message (no sweep tries it before).
      if (line && back.count === 1) await db.queuedMessage.updateMany({ where: { ...line, status: pending }, data: { nextAttemptAt: null } });
    },

    async defer(seq, retryAt) {
      const line = await lineOf(seq);
      const back = await db.queuedMessage.updateMany({ where: { seq, status: sending }, data: { status: pending, attempts: { increment: 1 } } });
      if (line && back.count === 1) await db.queuedMessage.updateMany({ where: { ...line, status: pending }, data: { nextAttemptAt: retryAt } });
    },

    async markFailed(seq, at) {
      await db.queuedMessage.updateMany({ where: { seq, status: sending }, data: { status: failed, sealed: null, sentAt: at, attempts: { increment: 1 } } });
    },

    pendingCount: (channel, recipient) => db.queuedMessage.count({ where: { channel, recipient, status: pending } }),

    async dueRecipients(channel, at, staleBefore, limit) {
      const rows = await db.queuedMessage.findMany({
        where: { channel, OR: [{ status: pending, nextAttemptAt: { lte: at } }, { status: sending, claimedAt: { lt: staleBefore } }] },
        distinct: ['recipient'],
        orderBy: { seq: 'asc' },
        take: limit,
        select: { recipient: true },
      });
      return rows.map((r) => r.recipient);
    },
  };
}
