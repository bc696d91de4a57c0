// Writes demo registrants (seed demo) in batches, ID and phone numbers encrypted and masked like the intake does.
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { maskIdNumber } from '../domain/identity/id-number.ts';
import { maskMobileNumber } from '../domain/contact/mobile-number.ts';

/** One demo registrant as the seed command makes it. */
export interface DemoRegistrant {
  id: string; name: string; idNumber: string; phone: string; district: string; registeredOn: string;
  reason: string; hardship: boolean; refused: boolean; channel: string; locale: string;
}

const BEIJING_MORNING = 'T01:30:00.000Z';

export function createDemoRegistrants(db: Db, cipher: PiiCipher) {
  return {
    /** How many demo people exist (a second run continues after them). */
    async count(): Promise<number> {
      return db.jobSeeker.count({ where: { id: { startsWith: 'demo-' } } });
    },
    async insert(people: readonly DemoRegistrant[]): Promise<void> {
      await db.$transaction([
        db.jobSeeker.createMany({
          data: people.map((p) => ({
            id: p.id, regionCode: p.district, name: p.name, idNumberEnc: cipher.encrypt(p.idNumber), idNumberHash: cipher.lookupHash(p.idNumber), idNumberMask: maskIdNumber(p.idNumber),
            phoneEnc: cipher.encrypt(p.phone), phoneHash: cipher.lookupHash(p.phone), phoneMask: maskMobileNumber(p.phone), locale: p.locale, consentAt: new Date(`${p.registeredOn}${BEIJING_MORNING}`),
          })),
        }),
        db.registration.createMany({
          data: people.map((p) => ({
            id: `${p.id}-r`, jobSeekerId: p.id, regionCode: p.district, status: 'registered', registeredAt: new Date(`${p.registeredOn}${BEIJING_MORNING}`), reason: p.reason,
            followUpPreference: p.refused ? 'refused' : 'monthly', hardshipConfirmedAt: p.hardship ? new Date(`${p.registeredOn}${BEIJING_MORNING}`) : null,
          })),
        }),
        db.channelAddress.createMany({
          data: people.map((p) => ({ id: `${p.id}-a`, channel: p.channel, userKey: `${p.id}-user`, conversationId: `${p.channel}:${p.id}-conversation`, reference: '{}', jobSeekerId: p.id })),
        }),
      ]);
    },
  };
}
