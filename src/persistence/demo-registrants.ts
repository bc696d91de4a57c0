// Writes demo registrants (seed demo) in batches, ID and phone numbers encrypted and masked like the intake does;
// raw bulk statements, not createMany: Prisma's per-value mapping made a million people take an hour and most of a GB.
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { dialectOf, jsonRows } from './json-rows.ts';
import { maskIdNumber } from '../domain/identity/id-number.ts';
import { maskMobileNumber } from '../domain/contact/mobile-number.ts';

/** One demo registrant as the seed command makes it. */
export interface DemoRegistrant {
  id: string; name: string; idNumber: string; phone: string; district: string; registeredOn: string;
  reason: string; hardship: boolean; refused: boolean; channel: string; locale: string;
}

const BEIJING_MORNING = 'T01:30:00.000Z';
const PERSON_COLUMNS = [
  ['id', 'text'], ['regionCode', 'text'], ['name', 'text'], ['idNumberEnc', 'text'], ['idNumberHash', 'text'], ['idNumberMask', 'text'],
  ['phoneEnc', 'text'], ['phoneMask', 'text'], ['locale', 'text'], ['consentAt', 'timestamp'],
] as const;
const REGISTRATION_COLUMNS = [
  ['id', 'text'], ['jobSeekerId', 'text'], ['regionCode', 'text'], ['registeredAt', 'timestamp'], ['reason', 'text'], ['followUpPreference', 'text'], ['hardshipConfirmedAt', 'timestamp'],
] as const;
const ADDRESS_COLUMNS = [['id', 'text'], ['channel', 'text'], ['userKey', 'text'], ['conversationId', 'text'], ['jobSeekerId', 'text']] as const;

export function createDemoRegistrants(db: Db, cipher: PiiCipher) {
  const dialect = dialectOf(db);
  return {
    /** How many demo people exist (a second run continues after them). */
    async count(): Promise<number> {
      return db.jobSeeker.count({ where: { id: { startsWith: 'demo-' } } });
    },
    /** One transaction per batch, each table written by one statement whose rows travel as one JSON parameter. */
    async insert(people: readonly DemoRegistrant[], at: Date): Promise<void> {
      const registeredAt = (p: DemoRegistrant) => new Date(`${p.registeredOn}${BEIJING_MORNING}`);
      const persons = jsonRows(dialect, 'p', PERSON_COLUMNS, people.map((p) => [
        p.id, p.district, p.name, cipher.encrypt(p.idNumber), cipher.lookupHash(p.idNumber), maskIdNumber(p.idNumber), cipher.encrypt(p.phone), maskMobileNumber(p.phone), p.locale, registeredAt(p),
      ]));
      const registrations = jsonRows(dialect, 'r', REGISTRATION_COLUMNS, people.map((p) => [
        `${p.id}-r`, p.id, p.district, registeredAt(p), p.reason, p.refused ? 'refused' : 'monthly', p.hardship ? registeredAt(p) : null,
      ]));
      const addresses = jsonRows(dialect, 'a', ADDRESS_COLUMNS, people.map((p) => [`${p.id}-a`, p.channel, `${p.id}-user`, `${p.channel}:${p.id}-conversation`, p.id]));
      await db.$transaction([
        db.$executeRaw`
          INSERT INTO "JobSeeker" ("id", "regionCode", "name", "idNumberEnc", "idNumberHash", "idNumberMask", "phoneEnc", "phoneMask", "locale", "consentAt", "createdAt", "updatedAt")
          SELECT p."id", p."regionCode", p."name", p."idNumberEnc", p."idNumberHash", p."idNumberMask", p."phoneEnc", p."phoneMask", p."locale", p."consentAt", ${at}, ${at} FROM ${persons}`,
        db.$executeRaw`
          INSERT INTO "Registration" ("id", "jobSeekerId", "regionCode", "kind", "status", "registeredAt", "reason", "details", "followUpPreference", "hardshipConfirmedAt", "createdAt", "updatedAt")
          SELECT r."id", r."jobSeekerId", r."regionCode", 'unemployment', 'registered', r."registeredAt", r."reason", '{}', r."followUpPreference", r."hardshipConfirmedAt", ${at}, ${at} FROM ${registrations}`,
        db.$executeRaw`
          INSERT INTO "ChannelAddress" ("id", "channel", "userKey", "conversationId", "reference", "jobSeekerId", "createdAt", "updatedAt")
          SELECT a."id", a."channel", a."userKey", a."conversationId", '{}', a."jobSeekerId", ${at}, ${at} FROM ${addresses}`,
      ]);
    },
  };
}
