// One access token for every instance of an app: read from the shared store, fetched by one instance at a time
// (a compare-and-set claim with a lease; the others wait for its token), and kept in this process until it is
// near its end or Tencent rejects it. A rejected token is replaced once: by the one another instance already
// fetched, else by a forced refresh here, so two instances never take turns invalidating each other.
import type { SharedTokens } from './shared-tokens.ts';

export interface FreshToken {
  token: string;
  expiresInSeconds: number;
}

export interface TokenSourceOptions {
  store: SharedTokens;
  /** Names the app and its secret (the store keeps only a keyed hash of it). */
  identity: string;
  /** Asks Tencent for a token; `force` when the current one was rejected (stable_token's force_refresh). */
  fetch(force: boolean): Promise<FreshToken>;
  now: () => Date;
  /** How long a claim lets one instance fetch before others may; default 10 s. */
  leaseMs?: number;
  /** Pause between looks while another instance fetches; default 100 ms. */
  pollMs?: number;
}

export class TokenStoreContendedError extends Error {}

export interface TokenSource {
  /** A token that is not `rejected` (the one Tencent just refused, if any). */
  get(rejected?: string): Promise<string>;
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const { store, identity, now } = options;
  const leaseMs = options.leaseMs ?? 10_000;
  const pollMs = options.pollMs ?? 100;
  const maxPolls = Math.ceil(leaseMs / pollMs);
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, pollMs));
  let local: { token: string; until: number } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** A token is usable until five minutes before Tencent says it ends (never in its last moments). */
  const untilOf = (fresh: FreshToken, at: Date) => new Date(at.getTime() + Math.max(60, fresh.expiresInSeconds - 300) * 1000);

  async function lookup(rejected: string | undefined): Promise<string> {
    if (local && local.until > now().getTime() && local.token !== rejected) return local.token;
    for (let look = 0; look < maxPolls + 20; look++) {
      const row = await store.read(identity);
      const at = now();
      if (row?.token && row.until && row.until > at && row.token !== rejected) {
        local = { token: row.token, until: row.until.getTime() };
        return row.token;
      }
      if (row?.leaseUntil && row.leaseUntil > at && look < maxPolls) {
        await pause();
        continue;
      }
      if (!(await store.claim(identity, row?.generation ?? null, new Date(at.getTime() + leaseMs)))) continue;
      const generation = (row?.generation ?? 0) + 1;
      let fresh: FreshToken;
      try {
        fresh = await options.fetch(rejected !== undefined);
      } catch (error) {
        await store.release(identity, generation).catch(() => undefined);
        throw error;
      }
      const until = untilOf(fresh, now());
      // If another instance claimed after our lease lapsed, its token will be stored too; ours is still valid.
      await store.fill(identity, generation, fresh.token, until);
      local = { token: fresh.token, until: until.getTime() };
      return fresh.token;
    }
    throw new TokenStoreContendedError('access token store stayed contended');
  }

  return {
    get(rejected) {
      // One lookup at a time in this process: the ones waiting then find the token the first one got.
      const next = queue.then(() => lookup(rejected));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
