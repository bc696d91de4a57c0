// 微信客服 replies waiting for the customer's next window (WecomKfQueuedReply): text sealed with the PII cipher,
// claimed with a window slot by conditional UPDATEs, so only one instance sends each and never past the budget.
import type { KfReplyQueue } from '../channels/wecom-kf/kf-reply-queue-port.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';

export const KF_REPLY_STATUS = { pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed', uncertain: 'uncertain' } as const;

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

    async claimNext(customer, window, at) {
      // A slot first (one conditional UPDATE), then the oldest pending reply (another); no interactive
      // transaction, so SQLite connections never wait on each other's locks. A slot not needed is given back.
      const slot = await db.wecomKfCustomer.updateMany({ where: { id: customer, windowOpenedAt: window.openedAt, sentInWindow: { lt: window.budget } }, data: { sentInWindow: { increment: 1 } } });
      if (slot.count !== 1) return null;
      for (;;) {
        const next = await db.wecomKfQueuedReply.findFirst({ where: { customer, status: KF_REPLY_STATUS.pending }, orderBy: { seq: 'asc' } });
        if (!next) break;
        const claimed = await db.wecomKfQueuedReply.updateMany({ where: { seq: next.seq, status: KF_REPLY_STATUS.pending }, data: { status: KF_REPLY_STATUS.sending, claimedAt: at, attempts: { increment: 1 } } });
        // Another instance took this one between the read and the update: try the next.
        if (claimed.count !== 1) continue;
        if (next.sealed !== null) return { seq: next.seq, customer, text: cipher.decrypt(next.sealed) };
        await db.wecomKfQueuedReply.updateMany({ where: { seq: next.seq }, data: { status: KF_REPLY_STATUS.failed } });
      }
      await db.wecomKfCustomer.updateMany({ where: { id: customer, windowOpenedAt: window.openedAt, sentInWindow: { gt: 0 } }, data: { sentInWindow: { decrement: 1 } } });
      return null;
    },

    async abandonStale(customer, claimedBefore, at) {
      const stale = await db.wecomKfQueuedReply.updateMany({ where: { customer, status: KF_REPLY_STATUS.sending, claimedAt: { lt: claimedBefore } }, data: { status: KF_REPLY_STATUS.uncertain, sealed: null, sentAt: at } });
      return stale.count;
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
