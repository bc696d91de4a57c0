// The driver adapter given to the schema engine. It fixes two gaps between engine 8.1 and the 7.10 adapters:
// the engine sends whole migration scripts to the shadow database through `executeRaw` (better-sqlite3
// refuses several statements in one prepare), and PrismaPg's own shadow database ignores the database name
// when built from a connection string. It also remembers every connection so nothing is left open.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  IsolationLevel,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { databaseKindOf, sqlitePathOf } from '../database.ts';

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  disposeAll(): Promise<void>;
}

/** SQLite waits this long for another writer before failing (the service may start twice). */
const SQLITE_BUSY_TIMEOUT_MS = 30_000;

export function migrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  const open: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter, pgUrl?: string, afterDispose?: () => Promise<void>): SqlDriverAdapter => {
    const wrapped = new ScriptTolerantAdapter(adapter, pgUrl, afterDispose);
    open.push(wrapped);
    return wrapped;
  };
  const kind = databaseKindOf(databaseUrl);
  const sqlite = (url: string) => new PrismaBetterSqlite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const pg = (url: string) => new PrismaPg({ connectionString: url });
  const main = kind === 'sqlite' ? sqlite(sqliteTargetOf(databaseUrl)) : pg(databaseUrl);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => track(await main.connect(), kind === 'postgres' ? databaseUrl : undefined),
    connectToShadowDb: async () => {
      if (kind === 'sqlite') return track(await sqlite(':memory:').connect());
      const admin = await pg(databaseUrl).connect();
      const name = `jyb_shadow_${randomUUID().replaceAll('-', '')}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(databaseUrl);
      shadowUrl.pathname = `/${name}`;
      const shadow = await pg(shadowUrl.toString()).connect();
      return track(shadow, shadowUrl.toString(), async () => {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      });
    },
    disposeAll: async () => {
      for (const adapter of open.splice(0).reverse()) await adapter.dispose();
    },
  };
}

/** `file::memory:` stays in memory (used for diffs); any other path is made absolute. */
function sqliteTargetOf(databaseUrl: string): string {
  return databaseUrl === IN_MEMORY_SQLITE ? ':memory:' : `file:${sqlitePathOf(databaseUrl)}`;
}

export const IN_MEMORY_SQLITE = 'file::memory:';

/**
 * adapter-pg 7.10 rejects PostgreSQL's one-byte "char" type (OID 18), which engine 8.1 selects when it
 * describes constraints. The query's columns are probed with LIMIT 0 and every such column is re-selected
 * as text under its own name (positional aliases keep duplicate names working).
 */
async function castUnsupportedColumnsToText(url: string, query: SqlQuery): Promise<SqlQuery> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const body = query.sql.trim().replace(/;\s*$/, '');
    const probe = await client.query({ text: `SELECT * FROM (${body}) AS probe LIMIT 0`, values: query.args });
    const columns = probe.fields.map((field, index) => {
      const cast = field.dataTypeID === PG_CHAR_OID ? '::text' : '';
      return `q.c${index}${cast} AS "${field.name.replaceAll('"', '""')}"`;
    });
    const aliases = probe.fields.map((_, index) => `c${index}`).join(', ');
    return { ...query, sql: `SELECT ${columns.join(', ')} FROM (${body}) AS q(${aliases})` };
  } finally {
    await client.end();
  }
}

const PG_CHAR_OID = 18;

function isMultiStatementError(error: unknown): boolean {
  return error instanceof Error && error.message.includes('more than one statement');
}

/** Passes everything through; a parameterless multi-statement `executeRaw` runs as a script; `dispose` runs once. */
class ScriptTolerantAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  #disposed = false;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly pgUrl: string | undefined,
    private readonly afterDispose: () => Promise<void> = async () => {},
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      return await this.inner.queryRaw(query);
    } catch (error) {
      if (this.pgUrl === undefined || !String(error).includes('UnsupportedNativeDataType')) throw error;
      return this.inner.queryRaw(await castUnsupportedColumnsToText(this.pgUrl, query));
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      return await this.inner.executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await this.inner.executeScript(query.sql);
      return 0;
    }
  }

  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo(): ReturnType<NonNullable<SqlDriverAdapter['getConnectionInfo']>> {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    try {
      await this.inner.dispose();
    } finally {
      await this.afterDispose();
    }
  }
}
