// The phone numbers on file as the SMS channel needs them: decrypted to send, found by keyed hash when an SMS
// comes in, and the number's hash as the SMS conversation's id. Inbound SMS are accepted once per provider id.
import { randomUUID } from 'node:crypto';
import type { SmsPhoneBook, SmsUplinkLog } from '../channels/sms/sms-ports.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { toLocale } from '../conversation/locales.ts';

const SMS_CHANNEL = 'sms';

export function createSmsPhoneBookRepository(db: Db, cipher: PiiCipher): SmsPhoneBook & { backfill(): Promise<number> } {
  return {
    async phoneOf(jobSeekerId) {
      const person = await db.jobSeeker.findUnique({ where: { id: jobSeekerId }, select: { phoneEnc: true } });
      return person?.phoneEnc ? cipher.decrypt(person.phoneEnc) : null;
    },
    async peopleWithPhone(phone) {
      const people = await db.jobSeeker.findMany({ where: { phoneHash: cipher.lookupHash(phone) }, select: { id: true }, orderBy: { createdAt: 'desc' } });
      return people.map((p) => p.id);
    },
    addressOf(phone) {
      return cipher.lookupHash(`sms-address:${phone}`).slice(0, 32);
    },
    async personAt(address) {
      const linked = await db.channelAddress.findUnique({ where: { channel_userKey: { channel: SMS_CHANNEL, userKey: address } }, include: { jobSeeker: true } });
      return linked?.jobSeeker ? { jobSeekerId: linked.jobSeeker.id, locale: toLocale(linked.jobSeeker.locale) } : null;
    },
    /** People registered before the lookup hash existed get one (start-up); returns how many. */
    async backfill() {
      let filled = 0;
      for (;;) {
        const missing = await db.jobSeeker.findMany({ where: { phoneHash: null, phoneEnc: { not: null } }, select: { id: true, phoneEnc: true }, take: 500 });
        for (const person of missing) {
          if (person.phoneEnc) await db.jobSeeker.updateMany({ where: { id: person.id, phoneHash: null }, data: { phoneHash: cipher.lookupHash(cipher.decrypt(person.phoneEnc)) } });
        }
        filled += missing.length;
        if (missing.length < 500) return filled;
      }
    },
  };
}

export function createSmsUplinkRepository(db: Db): SmsUplinkLog {
  return {
    async accept(entry) {
      try {
        await db.smsUplink.create({ data: { id: randomUUID(), ...entry } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
