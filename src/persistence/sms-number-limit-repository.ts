// The providers' per-number SMS limits, counted in the database: one row per send, keyed by the number's HMAC
// and numbered per number (`seq`). An instance reads the number's last seq, then its sends of the last day,
// decides, and inserts seq + 1; the unique (number, seq) lets only one of two racing instances in, and the
// loser decides again with the winner's row in view. No interactive transaction, so SQLite and PostgreSQL alike.
import { randomUUID } from 'node:crypto';
import type { SmsNumberLimiter } from '../channels/sms/sms-ports.ts';
import { decideSmsNumberSend, type SmsNumberLimits } from '../domain/contact/sms-number-limits.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';

const DAY_MS = 24 * 3_600_000;
const MAX_RACES = 8;

export function createSmsNumberLimitRepository(db: Db, cipher: Pick<PiiCipher, 'lookupHash'>, limits: SmsNumberLimits): SmsNumberLimiter {
  return {
    async reserve(phone, now) {
      const phoneHash = cipher.lookupHash(phone);
      const dayAgo = new Date(now.getTime() - DAY_MS);
      for (let race = 0; race < MAX_RACES; race += 1) {
        // The last seq first, the sends after it: a send that lands in between is either seen or collides.
        const last = await db.smsNumberSend.findFirst({ where: { phoneHash }, orderBy: { seq: 'desc' }, select: { seq: true } });
        const rows = await db.smsNumberSend.findMany({ where: { phoneHash, sentAt: { gt: dayAgo } }, select: { sentAt: true } });
        const decision = decideSmsNumberSend(now, rows.map((r) => r.sentAt), limits);
        if (!decision.allowed) return { ok: false, reason: decision.reason, retryAt: decision.retryAt };
        const id = randomUUID();
        try {
          await db.smsNumberSend.create({ data: { id, phoneHash, seq: (last?.seq ?? 0) + 1, sentAt: now } });
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
        await db.smsNumberSend.deleteMany({ where: { phoneHash, sentAt: { lt: dayAgo } } });
        return { ok: true, id };
      }
      // Lost every race: other instances are sending to this number right now; try again after the gap.
      return { ok: false, reason: 'min_gap', retryAt: new Date(now.getTime() + limits.minGapSeconds * 1000) };
    },
    async release(reservationId) {
      await db.smsNumberSend.deleteMany({ where: { id: reservationId } });
    },
  };
}
