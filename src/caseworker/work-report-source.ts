// The port the work lists and the monthly reports read through: plain rows, already inside the caseworker's AccessScope
// (filtered by the repository, src/persistence/work-report-repository.ts). Person fields are masked copies only.
import type { AccessScope } from './region-scope.ts';

export interface MaskedPerson {
  jobSeekerId: string;
  name: string | null;
  /** Masked ID number (first 4 and last 2 characters). */
  idNumber: string | null;
  /** Masked mobile number. */
  phone: string | null;
}

export interface FirstContactTaskRow extends MaskedPerson {
  taskId: string;
  registrationId: string | null;
  regionCode: string;
  registeredAt: Date;
  dueAt: Date;
  provisional: boolean;
}

export interface PendingRegistrationRow extends MaskedPerson {
  registrationId: string;
  regionCode: string;
  kind: string;
  registeredAt: Date;
  /** The credit-promise deadline (YYYY-MM-DD) when the person applied on a written promise. */
  promiseDueBy: string | null;
}

export interface OpenCaseRow {
  caseId: string;
  kind: string;
  status: string;
  reason: string;
  regionCode: string;
  openedAt: Date;
  claimedBy: string | null;
  person: MaskedPerson | null;
  /** Hardship pre-screens: the category codes the bot found met or to check. */
  categories: { code: string; status: string }[];
}

export interface OpenRegistrationRow extends MaskedPerson {
  registrationId: string;
  regionCode: string;
  registeredAt: Date;
  /** Ledger entries of the person (quota kinds delivered), oldest first. */
  contacts: { at: Date; serviceKinds: string[] }[];
}

export interface RegistrationMovementRow {
  regionCode: string;
  registeredAt: Date;
  /** Exit (deregistration or withdrawal) time, when it happened. */
  exitedAt: Date | null;
  status: string;
}

export interface FirstContactRow extends MaskedPerson {
  registrationId: string;
  regionCode: string;
  registeredAt: Date;
  dueAt: Date;
  /** The first contact: the task done, or the first ledger entry on or after the registration. */
  contactedAt: Date | null;
}

export interface LedgerRow extends MaskedPerson {
  contactId: string;
  regionCode: string;
  at: Date;
  kind: string;
  channel: string;
  outcome: string;
  serviceKinds: string[];
  actor: string;
  notes: string | null;
}

export interface CaseRow {
  caseId: string;
  kind: string;
  status: string;
  regionCode: string;
  openedAt: Date;
  closedAt: Date | null;
  categories: { code: string; status: string }[];
}

/** Every read takes the caseworker's AccessScope (narrowed by a `district` filter where one was asked for). */
export interface WorkReportSource {
  /** Open first-contact tasks due before `dueBefore` (overdue ones first). */
  firstContactTasksOpen(scope: AccessScope, dueBefore: Date): Promise<FirstContactTaskRow[]>;
  registrationsPendingReview(scope: AccessScope): Promise<PendingRegistrationRow[]>;
  casesOpen(scope: AccessScope, kinds: readonly string[]): Promise<OpenCaseRow[]>;
  registrationsOpen(scope: AccessScope): Promise<OpenRegistrationRow[]>;
  /** Registrations registered or exited within [from, to). */
  registrationMovements(scope: AccessScope, from: Date, to: Date): Promise<RegistrationMovementRow[]>;
  /** First-contact obligations of registrations made within [from, to). */
  firstContacts(scope: AccessScope, from: Date, to: Date): Promise<FirstContactRow[]>;
  /** Ledger entries within [from, to). */
  ledger(scope: AccessScope, from: Date, to: Date): Promise<LedgerRow[]>;
  /** Cases opened within [from, to), of the kinds given. */
  casesOpened(scope: AccessScope, kinds: readonly string[], from: Date, to: Date): Promise<CaseRow[]>;
}
