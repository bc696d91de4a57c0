// 微信客服 replies waiting for the customer's next window (WecomKfQueuedReply): text sealed with the PII cipher,
// claimed together with a window slot in one transaction (conditional UPDATEs), so only one instance sends each.
import type { KfReplyQueue } from '../channels/wecom-kf/kf-reply-queue-port.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';

export const KF_REPLY_STATUS = { pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed' } as const;

/** Thrown inside the claim transaction to roll the row claim back when the window has no slot left. */
class NoSlotLeft extends Error {}

export function createWecomKfReplyQueueRepository(db: Db, cipher: PiiCipher): KfReplyQueue {
  return {
    async enqueue(customer, texts, at) {
      const seqs: number[] = [];
      await db.$transaction(async (tx) => {
        for (const text of texts) {
          const row = await tx.wecomKfQueuedReply.create({ data: { customer, sealed: cipher.encrypt(text), createdAt: at }, select: { seq: true } });
          seqs.push(row.seq);
        }
      });
      return seqs;
    },

    async claimNext(customer, window) {
      try {
        return await db.$transaction(async (tx) => {
          const next = await tx.wecomKfQueuedReply.findFirst({ where: { customer, status: KF_REPLY_STATUS.pending }, orderBy: { seq: 'asc' } });
          if (!next || next.sealed === null) return null;
          const claimed = await tx.wecomKfQueuedReply.updateMany({ where: { seq: next.seq, status: KF_REPLY_STATUS.pending }, data: { status: KF_REPLY_STATUS.sending, attempts: { increment: 1 } } });
          if (claimed.count !== 1) return null;
          const slot = await tx.wecomKfCustomer.updateMany({
            where: { id: customer, windowOpenedAt: window.openedAt, sentInWindow: { lt: window.budget } },
            data: { sentInWindow: { increment: 1 } },
          });
          if (slot.count !== 1) throw new NoSlotLeft();
          return { seq: next.seq, customer, text: cipher.decrypt(next.sealed) };
        });
      } catch (error) {
        if (error instanceof NoSlotLeft) return null;
        throw error;
      }
    },

    async markSent(seq, providerId, at) {
      await db.wecomKfQueuedReply.updateMany({ where: { seq, status: KF_REPLY_STATUS.sending }, data: { status: KF_REPLY_STATUS.sent, sealed: null, providerId, sentAt: at } });
    },

    async release(seq) {
      await db.wecomKfQueuedReply.updateMany({ where: { seq, status: KF_REPLY_STATUS.sending }, data: { status: KF_REPLY_STATUS.pending } });
    },

    async markFailed(seq, at) {
      await db.wecomKfQueuedReply.updateMany({ where: { seq, status: KF_REPLY_STATUS.sending }, data: { status: KF_REPLY_STATUS.failed, sealed: null, sentAt: at } });
    },

    pendingCount: (customer) => db.wecomKfQueuedReply.count({ where: { customer, status: KF_REPLY_STATUS.pending } }),
  };
}
