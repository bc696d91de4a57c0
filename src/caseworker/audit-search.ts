// The supervisors' view of the audit trail, as a port: search by person, caseworker, action and date, only
// rows about people, cases, registrations, contacts and accounts of the caller's districts (rows about no
// one in particular only for staff of the whole region). src/persistence/audit-repository.ts implements it.
import type { AccessScope } from './region-scope.ts';

export interface AuditFilter {
  /** A person (JobSeeker id): rows about them, their cases, registrations and contacts. */
  personId?: string;
  /** A staff username: rows they caused. */
  caseworker?: string;
  /** An action, or an action family ending in a dot (`handoff.`). */
  action?: string;
  from?: Date;
  /** Exclusive end. */
  to?: Date;
  limit: number;
}

export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Already masked when stored; masked again on the way out. */
  details: Record<string, unknown>;
}

export interface AuditSearch {
  /** null when `personId` names a person outside the scope (the caller is told "not found"). */
  search(filter: AuditFilter, scope: AccessScope, options: { includeUnattributed: boolean }): Promise<AuditEntry[] | null>;
}
