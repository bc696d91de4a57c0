// What the console's reviews and decisions need from storage, as a port (src/persistence implements it):
// pending registrations, hardship pre-screens and reported deregistration facts of one region, and the
// conditional writes that decide them. Every call carries the caseworker's AccessScope.
import type { CaseWorkerRef } from './case-desk.ts';
import type { HardshipPrescreen } from '../conversation/answers/hardship-prescreen.ts';
import type { DeregistrationGroundCode } from '../domain/deregistration/deregistration-ground.ts';
import type { AccessScope } from './region-scope.ts';

export const REGISTRATION_OUTCOMES = ['registered', 'rejected'] as const;
export type RegistrationOutcome = (typeof REGISTRATION_OUTCOMES)[number];
export const HARDSHIP_OUTCOMES = ['confirmed', 'rejected'] as const;
export type HardshipOutcome = (typeof HARDSHIP_OUTCOMES)[number];

/** The person as a caseworker may see them in a list: ID and phone masked. */
export interface MaskedPerson {
  jobSeekerId: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
}

export interface CreditPromise {
  promisedOn: string;
  dueBy: string;
  provisional: boolean;
  source: string;
}

export interface RegistrationForReview {
  id: string;
  kind: string;
  status: string;
  reason: string;
  regionCode: string;
  registeredAt: Date;
  person: MaskedPerson;
  creditPromise: CreditPromise | null;
}

/** Where and in which language a person can be told something (their latest channel address). */
export interface PersonReach {
  jobSeekerId: string;
  conversationKey: string;
  reference: string;
  locale: string;
}

export interface CategoryDecision {
  category: string;
  outcome: HardshipOutcome;
  reason: string | null;
  by: string;
  at: Date;
}

export interface HardshipForReview {
  caseId: string;
  status: 'open' | 'closed';
  regionCode: string;
  openedAt: Date;
  person: MaskedPerson | null;
  /** What the bot assessed (null when the stored record cannot be read). */
  prescreen: HardshipPrescreen | null;
  decisions: CategoryDecision[];
}

export interface DeregistrationFactForReview {
  caseId: string;
  status: 'open' | 'closed';
  regionCode: string;
  openedAt: Date;
  person: MaskedPerson | null;
  /** What the person reported (hired, school, ...), or the ground outreach recorded (NO_CONTACT, REFUSED_SERVICES). */
  situation: string;
  facts: Record<string, unknown>;
  registrationId: string | null;
  reportedOn: string | null;
  /** Who brought the fact: the person in chat, or outreach (the scheduler, from the ledger and undelivered messages). */
  origin: 'person' | 'outreach';
  /** For NO_CONTACT: the day the silence counts from. */
  lastReachedOn: string | null;
}

/** Why a decision changed nothing. `by`: who decided first, when known. */
export type DecisionRefusal =
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'already_decided'; by?: string; status?: string }
  | { ok: false; reason: 'unknown_category' }
  /** Deregistration needs a registration that is `registered` (not pending, rejected or already ended). */
  | { ok: false; reason: 'not_registered'; status?: string };

export interface DeregistrationDecision {
  outcome: 'deregistered' | 'kept';
  grounds: DeregistrationGroundCode[];
  note: string;
  worker: CaseWorkerRef;
  at: Date;
}

export interface DecisionDesk {
  pendingRegistrations(scope: AccessScope): Promise<RegistrationForReview[]>;
  registration(scope: AccessScope, id: string): Promise<RegistrationForReview | null>;
  /** pending_review → registered | rejected, only if still pending (two caseworkers: one wins). Audited. */
  decideRegistration(
    scope: AccessScope, id: string, decision: { outcome: RegistrationOutcome; reason: string | null; clause: string; worker: CaseWorkerRef; at: Date },
  ): Promise<{ ok: true; registration: RegistrationForReview } | DecisionRefusal>;

  hardshipRequests(scope: AccessScope, status: 'open' | 'closed'): Promise<HardshipForReview[]>;
  hardshipRequest(scope: AccessScope, caseId: string): Promise<HardshipForReview | null>;
  /** One decision per case and category; a second one is refused. Audited. */
  decideHardshipCategory(
    scope: AccessScope, caseId: string, decision: { category: string; outcome: HardshipOutcome; reason: string | null; clause: string; worker: CaseWorkerRef; at: Date },
  ): Promise<{ ok: true; request: HardshipForReview } | DecisionRefusal>;

  deregistrationFacts(scope: AccessScope, status: 'open' | 'closed'): Promise<DeregistrationFactForReview[]>;
  deregistrationFact(scope: AccessScope, caseId: string): Promise<DeregistrationFactForReview | null>;
  /** Closes the open case and, when deregistered, the registration (only while registered). Audited. */
  decideDeregistration(scope: AccessScope, caseId: string, decision: DeregistrationDecision): Promise<{ ok: true; fact: DeregistrationFactForReview } | DecisionRefusal>;

  /** The person's latest reachable channel address, within the region. */
  reachOf(scope: AccessScope, jobSeekerId: string): Promise<PersonReach | null>;
}
