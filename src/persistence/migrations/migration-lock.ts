// One migrator at a time per database, across processes (the service may be started twice):
// SQLite holds a write transaction on a small lock database beside the data file (the OS releases it if the
// process dies), PostgreSQL holds a session advisory lock. Within one process calls are queued first,
// because SQLite's busy wait blocks the thread that would otherwise release the lock.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { databaseKindOf, sqlitePathOf } from '../database.ts';

/** Arbitrary constant ("JYBMIGR"), distinct from the key Prisma's own engine uses (72707369). */
const PG_ADVISORY_KEY = 4_852_662_727;
const WAIT_MS = 120_000;

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` while holding the migration lock of the database at `databaseUrl`. */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const key = databaseKindOf(databaseUrl) === 'sqlite' ? sqlitePathOf(databaseUrl) : databaseUrl;
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withProcessLock(databaseUrl, work));
  queues.set(key, run);
  try {
    return await run;
  } finally {
    if (queues.get(key) === run) queues.delete(key);
  }
}

async function withProcessLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  return databaseKindOf(databaseUrl) === 'sqlite'
    ? withSqliteLock(sqlitePathOf(databaseUrl), work)
    : withPostgresLock(databaseUrl, work);
}

async function withSqliteLock<T>(dataPath: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(dataPath), { recursive: true });
  const lock = new Sqlite(`${dataPath}.migrate-lock`, { timeout: WAIT_MS });
  try {
    lock.exec('BEGIN IMMEDIATE');
    try {
      return await work();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}

async function withPostgresLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${WAIT_MS}`);
    await client.query('SELECT pg_advisory_lock($1)', [PG_ADVISORY_KEY]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PG_ADVISORY_KEY]);
    }
  } finally {
    await client.end();
  }
}
