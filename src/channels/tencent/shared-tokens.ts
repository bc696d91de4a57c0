// Where a Tencent access token is kept so every instance uses the same one (the Official Account's plain token
// API invalidates the previous token, so instances fetching their own would keep breaking each other). A port:
// src/persistence keeps it in the database, sealed; the in-process store serves tests and a single process.

/** The stored token of one app (`identity` names app and secret; stores keep only a keyed hash of it). */
export interface StoredToken {
  generation: number;
  token: string | null;
  until: Date | null;
  /** Another instance is fetching a new token until then. */
  leaseUntil: Date | null;
}

export interface SharedTokens {
  read(identity: string): Promise<StoredToken | null>;
  /**
   * Claims the refresh (compare-and-set): succeeds only if the stored generation is still `generation` (null:
   * nothing stored yet); the generation then grows by one and the claim holds until `leaseUntil`.
   */
  claim(identity: string, generation: number | null, leaseUntil: Date): Promise<boolean>;
  /** Stores the token fetched under the claim of `generation`; false if another instance has claimed since. */
  fill(identity: string, generation: number, token: string, until: Date): Promise<boolean>;
  /** Ends the claim of `generation` without a token (the fetch failed), so others need not wait out the lease. */
  release(identity: string, generation: number): Promise<void>;
}

/** Tokens kept in this process only. */
export function createMemorySharedTokens(): SharedTokens {
  const rows = new Map<string, StoredToken>();
  return {
    async read(identity) {
      const row = rows.get(identity);
      return row ? { ...row } : null;
    },
    async claim(identity, generation, leaseUntil) {
      const row = rows.get(identity);
      if ((row?.generation ?? null) !== generation) return false;
      rows.set(identity, { generation: (generation ?? 0) + 1, token: row?.token ?? null, until: row?.until ?? null, leaseUntil });
      return true;
    },
    async fill(identity, generation, token, until) {
      const row = rows.get(identity);
      if (row?.generation !== generation) return false;
      rows.set(identity, { generation, token, until, leaseUntil: null });
      return true;
    },
    async release(identity, generation) {
      const row = rows.get(identity);
      if (row?.generation === generation) rows.set(identity, { ...row, leaseUntil: null });
    },
  };
}
