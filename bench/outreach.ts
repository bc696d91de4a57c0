// Outreach planning throughput: the scheduler tick turning new registrations into first-contact tasks
// (idempotency keys, policy deadlines), against single-row better-sqlite3 inserts with a unique key.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadRegionPacks } from '../src/config/load-region-packs.ts';
import { loadWorkCalendar } from '../src/config/load-calendar-overrides.ts';
import { createFirstContactPolicy } from '../src/scheduler/first-contact-policy.ts';
import { runOutreachTick } from '../src/scheduler/outreach-tick.ts';
import { checkCharacter } from '../src/domain/identity/id-number.ts';
import { migratedRepositories, perSecond, tempDir } from './temp-database.ts';

export async function benchRawTaskInserts(rows: number): Promise<number> {
  const db = new Database(join(tempDir(), 'raw-tasks.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE task (id TEXT PRIMARY KEY, person TEXT, due TEXT, key TEXT UNIQUE)');
  const insert = db.prepare('INSERT OR IGNORE INTO task (id, person, due, key) VALUES (?, ?, ?, ?)');
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows; i += 1) insert.run(`t${i}`, `p${i}`, '2026-11-27', `first_contact:${i}`);
  const rate = perSecond(rows, started);
  db.close();
  return rate;
}

export async function benchOutreachPlanning(registrations: number): Promise<number> {
  const { database, repos } = await migratedRepositories();
  for (let i = 0; i < registrations; i += 1) {
    const first17 = `44080219900101${String(i).padStart(3, '0')}`;
    await repos.registrations.submit({
      submission: { name: '测试', idNumber: `${first17}${checkCharacter(first17)}`, phone: '13800000000', birthDate: '1990-01-01', sex: 'M', reason: 'lost_job' },
      locale: 'zh-CN', conversationKey: `bench:${i}`, channel: 'bench', userKey: `u${i}`, reference: '{}', at: new Date(),
    });
  }
  const packs = loadRegionPacks();
  const firstContact = createFirstContactPolicy(packs, loadWorkCalendar(), '440800');
  const started = process.hrtime.bigint();
  const result = await runOutreachTick({ registrations: repos.registrations, outreach: repos.outreach, firstContact, audit: repos.audit }, new Date());
  const rate = perSecond(result.firstContactTasksCreated, started);
  await database.close();
  return rate;
}
