// What the console's person view needs from storage, as a port (src/persistence implements it): one person of
// the caseworker's region with ID and phone masked, their registrations, ledger, cases and transcript; the
// unmasked number only through `reveal`, which records who asked and why.
import type { CaseWorkerRef } from './case-desk.ts';
import type { CreditPromise, HardshipForReview } from './decision-desk.ts';
import type { AccessScope } from './region-scope.ts';
import type { CaseworkerContactOutcome } from '../domain/contact/contact-outcomes.ts';

/** Ways of contact a caseworker logs (失业人员定期联系情况记录表 "联系方式"). */
export const CONTACT_WAYS = ['phone_call', 'home_visit', 'office_visit'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];
export const REVEALABLE_FIELDS = ['idNumber', 'phone'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

export interface RegistrationRecord {
  id: string;
  kind: string;
  status: string;
  reason: string;
  regionCode: string;
  registeredAt: Date;
  /** A graduate from a hardship family (R1.4.3: the hardship contact interval applies). */
  hardshipFamily: boolean;
  creditPromise: CreditPromise | null;
  /** A caseworker confirmed a hardship category (outreach uses the hardship interval). */
  hardshipConfirmedAt: Date | null;
  /** A reported job awaits a decision: outreach sends no offers meanwhile (EXIT_REPORT_PAUSES_OFFERS). */
  exitReportedAt: Date | null;
  history: { fromStatus: string | null; toStatus: string; by: string; note: string | null; at: Date }[];
}

/** One row of the service ledger; `channel` is the way of contact, `serviceKinds` what counts toward the quota. */
export interface LedgerRow {
  id: string;
  at: Date;
  kind: string;
  channel: string;
  outcome: string;
  serviceKinds: string[];
  notes: string | null;
  /** Who made the contact: a caseworker's display name, `job_seeker` or `bot`. */
  by: string;
}

/** One outreach row planned for the person: when due, its status, the attempts made and the last failure. */
export interface OutreachRow {
  id: string;
  kind: string;
  status: string;
  dueAt: Date;
  availableAt: Date | null;
  attempts: number;
  /** `channel:code` per channel tried, comma-separated (the delivery worker's reasons). */
  lastError: string | null;
  clause: string | null;
}

/** The channels a person can be reached on: the stated preference and each linked address (raw: never shown as is). */
export interface ContactReach {
  preferredChannel: string | null;
  addresses: { channel: string; address: string; conversationKey: string; lastWrittenAt: Date | null }[];
}

export interface PersonProfile {
  jobSeekerId: string;
  regionCode: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  locale: string;
  createdAt: Date;
  /** When the person withdrew consent to be contacted (nothing is planned or sent); null: not withdrawn. */
  consentWithdrawnAt: Date | null;
  registrations: RegistrationRecord[];
  ledger: LedgerRow[];
  hardship: HardshipForReview[];
  openCases: { id: string; kind: string; reason: string; status: string; openedAt: Date }[];
  transcript: { direction: string; sender: string; text: string; at: Date }[];
  contactReach: ContactReach;
  /** The latest outreach rows (not cancelled), oldest first. */
  outreach: OutreachRow[];
}

/** Why a move of the registration place changed nothing. */
export type MoveRefusal = 'not_found' | 'no_open_registration' | 'same_place';

export interface PersonFile {
  profile(scope: AccessScope, jobSeekerId: string): Promise<PersonProfile | null>;
  /** The decrypted number (null when none is on file), audited with the reason; undefined when the person is not in the region. */
  reveal(scope: AccessScope, jobSeekerId: string, request: { field: RevealableField; reason: string; worker: CaseWorkerRef }): Promise<string | null | undefined>;
  /** A contact a caseworker made, into the ledger with its outcome code (counted toward the quota by its service kinds); audited. */
  logContact(
    scope: AccessScope, jobSeekerId: string,
    entry: { way: ContactWay; content: string; outcome: CaseworkerContactOutcome; serviceKinds: string[]; at: Date; worker: CaseWorkerRef },
  ): Promise<{ id: string } | null>;
  /**
   * Marks the person's open graduate registration as from a hardship family, or not (R1.4.3); audited. The planner
   * re-plans on its next tick. Null when the person is not in scope; `applicable: false` without such a registration.
   */
  setHardshipFamily(
    scope: AccessScope, jobSeekerId: string, change: { hardshipFamily: boolean; note: string; worker: CaseWorkerRef; at: Date },
  ): Promise<{ applicable: false } | { applicable: true; registrationId: string; changed: boolean } | null>;
  /** A task for a caseworker (a `civil_affairs_referral` case) with the reason; one open per person. Audited. */
  referToCivilAffairs(
    scope: AccessScope, jobSeekerId: string, request: { reason: string; clause: string; worker: CaseWorkerRef; at: Date },
  ): Promise<{ caseId: string; created: boolean } | null>;
  /**
   * Consent to be contacted, as the person gave or withdrew it by phone or at the office (with the reason). A
   * withdrawal cancels the open outreach rows at once. Audited; null when the person is not in the scope.
   */
  recordConsent(
    scope: AccessScope, jobSeekerId: string, request: { withdrawn: boolean; reason: string; worker: CaseWorkerRef; at: Date },
  ): Promise<{ changed: boolean; cancelledTasks: number } | null>;
  /**
   * Moves the person's open unemployment registration (and the person) to another place (R1.2.1: service at the
   * place of registration); outreach re-plans it under that place's region pack on its next tick. Audited, with a
   * history row. The target must be inside the caller's scope (checked by the caller).
   */
  moveRegistration(
    scope: AccessScope, jobSeekerId: string, request: { regionCode: string; reason: string; worker: CaseWorkerRef; at: Date },
  ): Promise<{ ok: true; registrationId: string; from: string; to: string } | { ok: false; reason: MoveRefusal }>;
}
