// Writes demo registrants (seed demo) in batches, ID and phone numbers encrypted and masked like the intake does.
// Not createMany: Prisma's per-value mapping, and its log of the last 100 queries with their parameters, made a
// million people take an hour and most of a gigabyte.
import Sqlite from 'better-sqlite3';
import { databaseKindOf, sqlitePathOf, type Db } from './database.ts';
import { Prisma } from './generated/sqlite/client.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { dialectOf, encodeCell, jsonRows, type JsonCell } from './json-rows.ts';
import { maskIdNumber } from '../domain/identity/id-number.ts';
import { maskMobileNumber } from '../domain/contact/mobile-number.ts';

/** One demo registrant as the seed command makes it. */
export interface DemoRegistrant {
  id: string; name: string; idNumber: string; phone: string; district: string; registeredOn: string;
  reason: string; hardship: boolean; hardshipFamily: boolean; refused: boolean; channel: string; locale: string;
}

const BEIJING_MORNING = 'T01:30:00.000Z';
const PERSON_COLUMNS = [
  ['id', 'text'], ['regionCode', 'text'], ['name', 'text'], ['idNumberEnc', 'text'], ['idNumberHash', 'text'], ['idNumberMask', 'text'],
  ['phoneEnc', 'text'], ['phoneHash', 'text'], ['phoneMask', 'text'], ['locale', 'text'], ['consentAt', 'timestamp'],
] as const;
const REGISTRATION_COLUMNS = [
  ['id', 'text'], ['jobSeekerId', 'text'], ['regionCode', 'text'], ['registeredAt', 'timestamp'], ['reason', 'text'], ['followUpPreference', 'text'], ['hardshipConfirmedAt', 'timestamp'], ['hardshipFamily', 'boolean'],
] as const;
const ADDRESS_COLUMNS = [['id', 'text'], ['channel', 'text'], ['userKey', 'text'], ['conversationId', 'text'], ['jobSeekerId', 'text']] as const;

interface DemoRows { persons: JsonCell[][]; registrations: JsonCell[][]; addresses: JsonCell[][] }

function demoRows(people: readonly DemoRegistrant[], cipher: PiiCipher): DemoRows {
  const registeredAt = (p: DemoRegistrant) => new Date(`${p.registeredOn}${BEIJING_MORNING}`);
  return {
    persons: people.map((p) => [
      p.id, p.district, p.name, cipher.encrypt(p.idNumber), cipher.lookupHash(p.idNumber), maskIdNumber(p.idNumber), cipher.encrypt(p.phone), cipher.lookupHash(p.phone), maskMobileNumber(p.phone), p.locale, registeredAt(p),
    ]),
    registrations: people.map((p) => [`${p.id}-r`, p.id, p.district, registeredAt(p), p.reason, p.refused ? 'refused' : 'monthly', p.hardship ? registeredAt(p) : null, p.hardshipFamily]),
    addresses: people.map((p) => [`${p.id}-a`, p.channel, `${p.id}-user`, `${p.channel}:${p.id}`, p.id]),
  };
}

const names = (columns: readonly (readonly [string, string])[]) => columns.map(([name]) => `"${name}"`).join(', ');
const PERSON_INSERT = `INSERT INTO "JobSeeker" (${names(PERSON_COLUMNS)}, "createdAt", "updatedAt")`;
const REGISTRATION_INSERT = `INSERT INTO "Registration" (${names(REGISTRATION_COLUMNS)}, "kind", "status", "details", "createdAt", "updatedAt")`;
const ADDRESS_INSERT = `INSERT INTO "ChannelAddress" (${names(ADDRESS_COLUMNS)}, "reference", "createdAt", "updatedAt")`;

/** SQLite: a connection of our own and prepared statements, so a million rows never pass through Prisma's query log. */
function sqliteWriter(url: string): { write(rows: DemoRows, at: Date): void; close(): void } {
  const sqlite = new Sqlite(sqlitePathOf(url), { timeout: 5000 });
  const statement = (insert: string, columns: number, constants: string) => sqlite.prepare(`${insert} VALUES (${Array.from({ length: columns }, () => '?').join(', ')}, ${constants})`);
  const person = statement(PERSON_INSERT, PERSON_COLUMNS.length, '?, ?');
  const registration = statement(REGISTRATION_INSERT, REGISTRATION_COLUMNS.length, "'unemployment', 'registered', '{}', ?, ?");
  const address = statement(ADDRESS_INSERT, ADDRESS_COLUMNS.length, "'{}', ?, ?");
  const encode = (row: readonly JsonCell[], at: string) => [...row.map((cell) => encodeCell('sqlite', cell)), at, at];
  const write = sqlite.transaction((rows: DemoRows, at: string) => {
    for (const row of rows.persons) person.run(encode(row, at));
    for (const row of rows.registrations) registration.run(encode(row, at));
    for (const row of rows.addresses) address.run(encode(row, at));
  });
  return { write: (rows, at) => void write(rows, String(encodeCell('sqlite', at))), close: () => sqlite.close() };
}

export function createDemoRegistrants(db: Db, cipher: PiiCipher, url: string) {
  const dialect = dialectOf(db);
  const direct = databaseKindOf(url) === 'sqlite' ? sqliteWriter(url) : null;
  return {
    /** How many demo people exist (a second run continues after them). */
    async count(): Promise<number> {
      return db.jobSeeker.count({ where: { id: { startsWith: 'demo-' } } });
    },
    /** One transaction per batch; on PostgreSQL each table is written by one statement whose rows travel as one JSON parameter. */
    async insert(people: readonly DemoRegistrant[], at: Date): Promise<void> {
      const rows = demoRows(people, cipher);
      if (direct) return direct.write(rows, at);
      await db.$transaction([
        db.$executeRaw`${Prisma.raw(PERSON_INSERT)} SELECT p.*, ${at}, ${at} FROM ${jsonRows(dialect, 'p', PERSON_COLUMNS, rows.persons)}`,
        db.$executeRaw`${Prisma.raw(REGISTRATION_INSERT)} SELECT r.*, 'unemployment', 'registered', '{}', ${at}, ${at} FROM ${jsonRows(dialect, 'r', REGISTRATION_COLUMNS, rows.registrations)}`,
        db.$executeRaw`${Prisma.raw(ADDRESS_INSERT)} SELECT a.*, '{}', ${at}, ${at} FROM ${jsonRows(dialect, 'a', ADDRESS_COLUMNS, rows.addresses)}`,
      ]);
    },
    async close(): Promise<void> {
      direct?.close();
    },
  };
}
