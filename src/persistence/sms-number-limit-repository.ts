// The providers' per-number SMS limits, counted in the database: one row per send, keyed by the number's HMAC.
// Check-and-insert is serialized per number by a version row (compare-and-set in the same transaction as the
// insert), so two instances reserving at the same instant cannot both pass a limit that allows one.
import { randomUUID } from 'node:crypto';
import type { SmsNumberLimiter } from '../channels/sms/sms-ports.ts';
import { decideSmsNumberSend, type SmsNumberLimits } from '../domain/contact/sms-number-limits.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';

const DAY_MS = 24 * 3_600_000;
const MAX_RACES = 8;

export function createSmsNumberLimitRepository(db: Db, cipher: Pick<PiiCipher, 'lookupHash'>, limits: SmsNumberLimits): SmsNumberLimiter {
  async function gateVersion(phoneHash: string): Promise<number> {
    const gate = await db.smsNumberGate.findUnique({ where: { phoneHash } });
    if (gate) return gate.version;
    try {
      await db.smsNumberGate.create({ data: { phoneHash, version: 0 } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return (await db.smsNumberGate.findUnique({ where: { phoneHash } }))?.version ?? 0;
  }

  return {
    async reserve(phone, now) {
      const phoneHash = cipher.lookupHash(phone);
      const dayAgo = new Date(now.getTime() - DAY_MS);
      for (let race = 0; race < MAX_RACES; race += 1) {
        const version = await gateVersion(phoneHash);
        const rows = await db.smsNumberSend.findMany({ where: { phoneHash, sentAt: { gt: dayAgo } }, select: { sentAt: true } });
        const decision = decideSmsNumberSend(now, rows.map((r) => r.sentAt), limits);
        if (!decision.allowed) return { ok: false, reason: decision.reason, retryAt: decision.retryAt };
        const id = randomUUID();
        const won = await db.$transaction(async (tx) => {
          const { count } = await tx.smsNumberGate.updateMany({ where: { phoneHash, version }, data: { version: version + 1 } });
          if (count !== 1) return false;
          await tx.smsNumberSend.create({ data: { id, phoneHash, sentAt: now } });
          await tx.smsNumberSend.deleteMany({ where: { phoneHash, sentAt: { lt: dayAgo } } });
          return true;
        });
        if (won) return { ok: true, id };
      }
      // Lost every race: another instance is sending to this number right now; try again after the gap.
      return { ok: false, reason: 'min_gap', retryAt: new Date(now.getTime() + limits.minGapSeconds * 1000) };
    },
    async release(reservationId) {
      await db.smsNumberSend.deleteMany({ where: { id: reservationId } });
    },
  };
}
