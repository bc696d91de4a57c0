// Opens the database behind one small handle: SQLite (better-sqlite3 adapter, the embedded default) or
// PostgreSQL (pg adapter), chosen by the DATABASE_URL scheme. Only this folder knows Prisma exists.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgres/client.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Both generated clients share one model API; the SQLite one is the type the repositories are written to. */
export type Db = SqliteClient;

export interface Database {
  kind: DatabaseKind;
  url: string;
  prisma: Db;
  /** Resolves once connection settings are applied (SQLite: WAL, synchronous=NORMAL). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function databaseKindOf(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(':')[0]}:")`);
}

/** Path of a `file:` URL on disk, relative paths taken from the working directory. */
export function sqlitePathOf(url: string): string {
  return resolve(url.slice('file:'.length).split('?')[0] ?? '');
}

export function openDatabase(url: string): Database {
  const kind = databaseKindOf(url);
  if (kind === 'sqlite') {
    const path = sqlitePathOf(url);
    mkdirSync(dirname(path), { recursive: true });
    const prisma = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path}`, timeout: 5000 }) });
    // WAL lets readers and a writer (and a second instance) work at once; NORMAL syncs at checkpoints, not
    // at every commit, which is SQLite's recommended setting for WAL. Issued first, so it runs first.
    const ready = prisma
      .$queryRawUnsafe('PRAGMA journal_mode = WAL')
      .then(() => prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL'))
      .then(() => undefined);
    return { kind, url, prisma, ready, close: () => prisma.$disconnect() };
  }
  const pg = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { kind, url, prisma: asSharedClient(pg), ready: Promise.resolve(), close: () => pg.$disconnect() };
}

/**
 * The PostgreSQL client is generated from the same models as the SQLite one, so the model API is the
 * same; TypeScript sees two nominal types. This is the single place the two are reconciled.
 */
function asSharedClient(client: PostgresClient): Db {
  const shared: unknown = client;
  if (!isDb(shared)) throw new Error('generated PostgreSQL client lacks the shared model API');
  return shared;
}

function isDb(value: unknown): value is Db {
  return typeof value === 'object' && value !== null && 'jobSeeker' in value && 'registration' in value;
}
