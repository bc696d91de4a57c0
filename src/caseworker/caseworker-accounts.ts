// The caseworker accounts and login sessions the console needs (src/persistence/caseworker-repository.ts
// implements them; only a hash of each bearer token is kept).
import type { SessionFinder } from './session-auth.ts';

export interface CaseworkerRecord {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  passwordHash: string;
}

export interface CaseworkerAccounts extends SessionFinder {
  findByUsername(username: string): Promise<CaseworkerRecord | null>;
  /** Creates the caseworker unless the username exists; returns whether it was created. */
  ensure(input: { username: string; displayName: string; regionCode: string; passwordHash: string }): Promise<boolean>;
  /** Deletes a caseworker and their sessions (the demo account when the service runs without --demo). */
  remove(caseworkerId: string): Promise<void>;
  openSession(caseworkerId: string, ttlHours: number, now: Date): Promise<{ token: string; expiresAt: Date }>;
}
