// Where rate-limit counters live: in this process for SQLite (one instance), in PostgreSQL when several
// instances share one database, so a flood spread over instances meets one limit.
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { databaseKindOf } from './database.ts';
import type { RateLimitStore } from '../http/rate-limit-store-port.ts';

export type { LimiterSpec, RateLimitStore } from '../http/rate-limit-store-port.ts';

const TABLE = 'rate_limit_counters';

export function openRateLimitStore(databaseUrl: string): RateLimitStore {
  if (databaseKindOf(databaseUrl) === 'sqlite') {
    return {
      kind: 'memory',
      limiter: async (spec) => new RateLimiterMemory({ keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds }),
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // One CREATE TABLE at a time: concurrent "IF NOT EXISTS" on a new table can collide in PostgreSQL.
  let created = Promise.resolve();
  return {
    kind: 'postgres',
    limiter(spec) {
      const made = created.then(
        () =>
          new Promise<RateLimiterAbstract>((resolve, reject) => {
            const limiter: RateLimiterPostgres = new RateLimiterPostgres(
              {
                storeClient: pool,
                storeType: 'pool',
                tableName: TABLE,
                keyPrefix: spec.name,
                points: spec.points,
                duration: spec.durationSeconds,
                // If PostgreSQL is briefly unreachable, limit in this process rather than fail the request.
                insuranceLimiter: new RateLimiterMemory({ keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds }),
              },
              (error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(limiter)),
            );
          }),
      );
      created = made.then(() => undefined, () => undefined);
      return made;
    },
    close: () => pool.end(),
  };
}
