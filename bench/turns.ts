// Chat turn throughput: the real engine (load state, record the message, decide, save, record the reply,
// audit) against the floor of four prepared better-sqlite3 statements per turn.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEngine } from '../src/conversation/create-engine.ts';
import { loadRegionPacks } from '../src/config/load-region-packs.ts';
import { loadWorkCalendar } from '../src/config/load-calendar-overrides.ts';
import { createFirstContactPolicy } from '../src/scheduler/first-contact-policy.ts';
import { regionPolicy } from '../src/config/region-policy.ts';
import { migratedRepositories, perSecond, tempDir } from './temp-database.ts';

export async function benchRawSqliteTurns(turns: number): Promise<number> {
  const db = new Database(join(tempDir(), 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE state (key TEXT PRIMARY KEY, state TEXT, version INTEGER); CREATE TABLE transcript (id INTEGER PRIMARY KEY, key TEXT, text TEXT)');
  const read = db.prepare('SELECT state, version FROM state WHERE key = ?');
  const append = db.prepare('INSERT INTO transcript (key, text) VALUES (?, ?)');
  const write = db.prepare('INSERT INTO state (key, state, version) VALUES (?, ?, 0) ON CONFLICT(key) DO UPDATE SET state = excluded.state, version = version + 1');
  const started = process.hrtime.bigint();
  for (let i = 0; i < turns; i += 1) {
    const key = `c${i % 50}`;
    read.get(key);
    append.run(key, '帮助');
    write.run(key, '{"locale":"zh-CN"}');
    append.run(key, 'help text');
  }
  const rate = perSecond(turns, started);
  db.close();
  return rate;
}

export async function benchEngineTurns(turns: number): Promise<number> {
  const { database, repos } = await migratedRepositories();
  const packs = loadRegionPacks();
  const calendar = loadWorkCalendar();
  const engine = createEngine({ repos, firstContact: createFirstContactPolicy(packs, calendar, '440800'), policy: regionPolicy('440800', packs, calendar), idleHours: 72 });
  const turn = (i: number) => ({
    channel: 'bench', conversationId: `c${i % 50}`, userKey: `u${i % 50}`, kind: 'message' as const, text: '帮助',
    activityId: `a${i}`, reference: '{}', buttons: true, at: new Date(),
  });
  for (let i = 0; i < 50; i += 1) await engine.handle(turn(i));
  const started = process.hrtime.bigint();
  for (let i = 50; i < turns + 50; i += 1) await engine.handle(turn(i));
  const rate = perSecond(turns, started);
  await database.close();
  return rate;
}
