// What the console needs from storage about staff accounts and their sessions, as a port
// (src/persistence/caseworker-repository.ts implements it). Password hashes never leave login and reset.
import type { AccessScope } from './region-scope.ts';
import type { CaseworkerRole, CaseworkerSession, SessionFinder } from './session-auth.ts';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  role: CaseworkerRole;
  districts: string[];
  disabledAt: Date | null;
  createdAt: Date;
}

export interface LoginRecord extends AccountRecord {
  passwordHash: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  regionCode: string;
  role: CaseworkerRole;
  districts: string[];
  passwordHash: string;
}

export interface AccountStore extends SessionFinder {
  findByUsername(username: string): Promise<LoginRecord | null>;
  findById(id: string): Promise<LoginRecord | null>;
  /** Accounts of `regionCode` whose districts all lie in `scope` (an administrator's view). */
  list(regionCode: string, scope: AccessScope): Promise<AccountRecord[]>;
  /** null when the username is taken. */
  create(account: NewAccount, actor: string): Promise<AccountRecord | null>;
  /** Creates the account unless the username exists; returns whether it was created (demo data). */
  ensure(account: NewAccount): Promise<boolean>;
  /** Disables (ending every session) or enables an account; audited in the same transaction. */
  setDisabled(id: string, disabled: boolean, actor: string, at: Date): Promise<void>;
  /** Sets a new password hash and ends the account's sessions except `keepToken` (the caller's own). */
  setPassword(id: string, passwordHash: string, actor: string, at: Date, keepToken?: string): Promise<void>;
  remove(id: string): Promise<void>;
  openSession(caseworkerId: string, ttlHours: number, now: Date): Promise<{ token: string; expiresAt: Date }>;
  closeSession(token: string): Promise<void>;
  findSession(token: string, now: Date): Promise<CaseworkerSession | null>;
}
