// Tencent callbacks accepted once (ChannelInbox): the key's primary index refuses retries, the payload is
// sealed with the PII cipher until the turn has run, and lapsed leases are claimed by one conditional UPDATE.
// Keys of items that ran are deleted after a week (inbox-runner.ts), so the table does not grow forever.
import type { ChannelInbox, InboxItem } from '../channels/tencent/tencent-ports.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';

/** An item whose runner died this many times is set aside (status `failed`) instead of killing runners forever. */
export const MAX_INBOX_ATTEMPTS = 5;

export function createChannelInboxRepository(db: Db, cipher: PiiCipher): ChannelInbox {
  async function insert(data: { key: string; channel: string; status: string; sealed: string | null; leaseOwner: string | null; leaseUntil: Date }): Promise<boolean> {
    try {
      await db.channelInbox.create({ data: { ...data, attempts: data.status === 'pending' ? 1 : 0 } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  return {
    accept: ({ key, channel, payload, owner, leaseUntil }) =>
      insert({ key, channel, status: 'pending', sealed: cipher.encrypt(payload), leaseOwner: owner, leaseUntil }),

    async claimLapsed(channel, owner, now, leaseUntil): Promise<InboxItem[]> {
      const candidates = await db.channelInbox.findMany({ where: { channel, status: 'pending', leaseUntil: { lt: now } }, orderBy: { createdAt: 'asc' }, take: 50 });
      const claimed: InboxItem[] = [];
      for (const row of candidates) {
        if (row.attempts >= MAX_INBOX_ATTEMPTS) {
          await db.channelInbox.updateMany({ where: { key: row.key, status: 'pending' }, data: { status: 'failed', sealed: null, doneAt: now } });
          continue;
        }
        const won = await db.channelInbox.updateMany({
          where: { key: row.key, status: 'pending', leaseUntil: row.leaseUntil },
          data: { leaseOwner: owner, leaseUntil, attempts: { increment: 1 } },
        });
        if (won.count === 1 && row.sealed !== null) claimed.push({ key: row.key, payload: cipher.decrypt(row.sealed) });
      }
      return claimed;
    },

    async complete(key, at) {
      await db.channelInbox.updateMany({ where: { key }, data: { status: 'done', sealed: null, doneAt: at } });
    },

    async forgetBefore(channel, before) {
      return (await db.channelInbox.deleteMany({ where: { channel, status: { in: ['done', 'failed'] }, doneAt: { lt: before } } })).count;
    },
  };
}
