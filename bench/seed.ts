// `seed demo --people N` as the bureau runs it (a child process through the CLI), timed, with its own RSS report,
// next to a raw better-sqlite3 batched insert of as many person rows and registration rows.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { z } from 'zod';

const run = promisify(execFile);
const report = z.object({ created: z.number(), rssMb: z.number(), peakRssMb: z.number() });

export async function benchSeedDemo(people: number): Promise<{ peoplePerSecond: number; rssMb: number; peakRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'jyb-bench-seed-'));
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'seed.db')}`, PII_KEY_FILE: join(dir, 'pii.key'), LOG_LEVEL: 'silent' };
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, ['bin/jiuyebang.mjs', 'seed', 'demo', '--people', String(people)], { env, maxBuffer: 16 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  const parsed = report.parse(JSON.parse(last));
  return { peoplePerSecond: parsed.created / seconds, rssMb: parsed.rssMb, peakRssMb: parsed.peakRssMb };
}

/** People per second for a raw batched insert of a person row and a registration row each (10,000 per transaction). */
export function benchRawPeopleInserts(people: number): number {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'jyb-bench-rawseed-')), 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE person (id TEXT PRIMARY KEY, region TEXT, id_enc TEXT, phone_enc TEXT, name_enc TEXT, consent TEXT); CREATE TABLE registration (id TEXT PRIMARY KEY, person TEXT, region TEXT, status TEXT, at TEXT, reason TEXT)');
  const person = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?, ?)');
  const registration = db.prepare('INSERT INTO registration VALUES (?, ?, ?, ?, ?, ?)');
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const id = `p${i}`;
      person.run(id, '440802', `enc-id-${i}`.padEnd(80, 'x'), `enc-phone-${i}`.padEnd(60, 'x'), `enc-name-${i}`.padEnd(40, 'x'), '2026-03-01T00:00:00Z');
      registration.run(`r${i}`, id, '440802', 'registered', '2026-03-01T00:00:00Z', 'lost_job');
    }
  });
  const started = process.hrtime.bigint();
  for (let from = 0; from < people; from += 10_000) batch(from, Math.min(people, from + 10_000));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return people / seconds;
}
