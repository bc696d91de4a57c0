// Outreach figures: planning a month of obligations for N registrants against a raw better-sqlite3 batched insert
// of the same rows; delivery through a loopback channel against raw autocommit inserts.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadRegionPacks } from '../src/config/load-region-packs.ts';
import { loadWorkCalendar } from '../src/config/load-calendar-overrides.ts';
import { planOutreach } from '../src/scheduler/plan-outreach.ts';
import { memoizeCalendar } from '../src/scheduler/memo-calendar.ts';
import { deliverDue } from '../src/delivery/deliver-due.ts';
import { createOutreachDeliveryRepository } from '../src/persistence/outreach-delivery-repository.ts';
import { createLocalizer, readLocaleResources } from '../src/conversation/localizer.ts';
import { migratedRepositories, perSecond, tempDir } from './temp-database.ts';

const NOW = new Date('2026-03-02T01:30:00Z'); // Monday 09:30 Beijing, a working day

/** Registrants straight into the tables (the bench measures planning, not intake). */
function seedRegistrants(file: string, n: number): void {
  const db = new Database(file);
  const person = db.prepare('INSERT INTO "JobSeeker" ("id", "regionCode", "locale", "createdAt", "updatedAt") VALUES (?, ?, \'zh-CN\', ?, ?)');
  const registration = db.prepare('INSERT INTO "Registration" ("id", "jobSeekerId", "regionCode", "kind", "status", "registeredAt", "reason", "createdAt", "updatedAt") VALUES (?, ?, ?, \'unemployment\', \'registered\', ?, \'lost_job\', ?, ?)');
  const address = db.prepare('INSERT INTO "ChannelAddress" ("id", "channel", "userKey", "conversationId", "reference", "jobSeekerId", "createdAt", "updatedAt") VALUES (?, \'loop\', ?, ?, \'{}\', ?, ?, ?)');
  // Dates as Prisma's SQLite adapter writes them, so the planner's comparisons see what production rows hold.
  const at = '2026-01-01T00:00:00.000+00:00';
  db.transaction(() => {
    for (let i = 0; i < n; i += 1) {
      const id = `p${String(i).padStart(8, '0')}`;
      const day = new Date(Date.UTC(2025, 11, 1) + (i % 90) * 86_400_000).toISOString().replace('Z', '+00:00');
      person.run(id, i % 2 === 0 ? '440802' : '330302', at, at);
      registration.run(`r${id}`, id, i % 2 === 0 ? '440802' : '330302', day, at, at);
      address.run(`a${id}`, `u${id}`, `loop:${id}`, id, at, at);
    }
  })();
  db.close();
}

export async function benchRawTaskInserts(rows: number): Promise<number> {
  const db = new Database(join(tempDir(), 'raw-tasks.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE task (id TEXT PRIMARY KEY, person TEXT, registration TEXT, kind TEXT, due TEXT, provisional INTEGER, key TEXT UNIQUE, status TEXT, attempts INTEGER, created TEXT, period TEXT, clause TEXT, deadline TEXT)');
  const insert = db.prepare('INSERT OR IGNORE INTO task VALUES (?, ?, ?, ?, ?, ?, ?, \'pending\', 0, ?, ?, ?, ?)');
  const started = process.hrtime.bigint();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) insert.run(randomUUID(), `p${i}`, `r${i}`, 'check_in', '2026-03-05T01:00:00.000Z', 0, `check_in:r${i}:m3`, '2026-03-02T00:00:00.000Z', 'm3', 'zhanjiang-2021#三(一)', '2026-04-04T16:00:00.000Z');
  });
  for (let i = 0; i < rows; i += 1000) batch(i, Math.min(rows, i + 1000));
  const rate = perSecond(rows, started);
  db.close();
  return rate;
}

/** Rows per second of one planning run over fresh registrants, and the process's peak RSS after it (MB). */
export async function benchOutreachPlanning(registrants: number): Promise<{ rowsPerSecond: number; rows: number; peakRssMb: number }> {
  const { database, repos, file } = await migratedRepositories();
  seedRegistrants(file, registrants);
  const policy = { packs: loadRegionPacks(), calendar: memoizeCalendar(loadWorkCalendar()), horizonDays: 31, refillDays: 16, sendFrom: '09:00' };
  const started = process.hrtime.bigint();
  const result = await planOutreach(repos.outreach, policy, NOW);
  const rate = perSecond(result.created, started);
  await database.close();
  return { rowsPerSecond: rate, rows: result.created, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

export async function benchRawAutocommitInserts(rows: number): Promise<number> {
  const db = new Database(join(tempDir(), 'raw-sends.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE sent (id TEXT PRIMARY KEY, person TEXT, at TEXT)');
  const insert = db.prepare('INSERT INTO sent VALUES (?, ?, ?)');
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows; i += 1) insert.run(randomUUID(), `p${i}`, new Date().toISOString());
  const rate = perSecond(rows, started);
  db.close();
  return rate;
}

/** Messages per second through a loopback channel (claims, one-a-day rows, ledger rows, audit). */
export async function benchOutreachDelivery(registrants: number): Promise<number> {
  const { database, repos, file } = await migratedRepositories();
  seedRegistrants(file, registrants);
  const calendar = loadWorkCalendar();
  await planOutreach(repos.outreach, { packs: loadRegionPacks(), calendar, horizonDays: 31, refillDays: 16, sendFrom: '09:00' }, new Date('2026-02-01T00:00:00Z'));
  await database.prisma.outreachTask.updateMany({ data: { dueAt: NOW } });
  const loop = { channel: 'loop', send: async () => ({ ok: true as const, providerMessageId: randomUUID() }) };
  const started = process.hrtime.bigint();
  const result = await deliverDue({
    store: createOutreachDeliveryRepository(database.prisma), channels: [loop], calendar, window: { from: '09:00', until: '20:00' },
    localizer: createLocalizer(readLocaleResources()), prompter: { prompt: async () => [{ text: '您好', choices: [] }] }, buttonChannels: new Set(),
  }, NOW);
  const rate = perSecond(result.sent, started);
  await database.close();
  return rate;
}
