// Where the HTTP limits keep their counters (src/persistence/rate-limit-store.ts implements it): in this
// process for SQLite, in PostgreSQL when several instances share one database.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimiterSpec {
  /** Distinguishes the counters of one limit from another's in the shared table. */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface RateLimitStore {
  kind: 'memory' | 'postgres';
  /** A limiter whose counters live in this store; resolves once its table exists. */
  limiter(spec: LimiterSpec): Promise<RateLimiterAbstract>;
  close(): Promise<void>;
}
