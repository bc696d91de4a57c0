// Short links sent by SMS: a 128-bit random token, kept only as its SHA-256 (a high-entropy token needs no
// key), opened once before it expires. "Used" is a conditional update, so two clicks cannot both win.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ShortLinkStore, ShortLinkUse } from '../channels/sms/sms-ports.ts';
import type { Db } from './database.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSmsShortLinkRepository(db: Db): ShortLinkStore {
  async function check(token: string, now: Date): Promise<ShortLinkUse & { tokenHash?: string }> {
    const tokenHash = hashOf(token);
    const row = await db.smsShortLink.findUnique({ where: { tokenHash } });
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.usedAt) return { ok: false, reason: 'used' };
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, jobSeekerId: row.jobSeekerId, linkId: row.id, tokenHash };
  }

  return {
    async issue(jobSeekerId, now, expiresAt) {
      const token = randomBytes(16).toString('base64url');
      const linkId = randomUUID();
      await db.smsShortLink.create({ data: { id: linkId, tokenHash: hashOf(token), jobSeekerId, createdAt: now, expiresAt } });
      return { token, linkId };
    },
    async peek(token, now) {
      const { tokenHash: _hash, ...result } = await check(token, now);
      return result;
    },
    async use(token, now) {
      const found = await check(token, now);
      if (!found.ok) return found;
      const { count } = await db.smsShortLink.updateMany({ where: { id: found.linkId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      return count === 1 ? { ok: true, jobSeekerId: found.jobSeekerId, linkId: found.linkId } : { ok: false, reason: 'used' };
    },
  };
}
