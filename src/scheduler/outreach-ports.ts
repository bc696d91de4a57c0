// What the outreach planner needs from storage, as ports; src/persistence/outreach-repository.ts implements them.
import type { DeregistrationFacts } from '../domain/deregistration/deregistration-ground.ts';
import type { OutreachGround, OutreachRecord } from '../domain/outreach/outreach-facts.ts';

/** A registration the planner should look at: new, changed since it was planned, or running out of planned rows. */
export interface PlanCandidate {
  registrationId: string;
  jobSeekerId: string;
  regionCode: string;
  registeredAt: Date;
  status: string;
  reason: string;
  followUpPreference: string;
  hardshipConfirmed: boolean;
  /** A graduate from a hardship family (R1.4.3): the hardship interval applies. */
  hardshipFamily: boolean;
  consentWithdrawn: boolean;
  /** When the person reported a job (or school, military service) a caseworker has not decided yet; null: none. */
  exitReportedAt: Date | null;
  /** The facts of the last plan (JSON), or null if never planned. */
  previousFacts: string | null;
  previousThrough: string | null;
  /** Newest updatedAt of the registration and the person now. */
  updatedAt: Date;
}

export interface PlannedRow {
  key: string;
  kind: string;
  period: string;
  dueAt: Date;
  deadlineAt: Date;
  provisional: boolean;
  clause: string;
}

/** One registration's new plan: rows due in [windowFrom, plannedThrough]; open rows in that window not listed are cancelled. */
export interface RegistrationPlan {
  registrationId: string;
  jobSeekerId: string;
  facts: string;
  windowFrom: Date;
  plannedThrough: string;
  seenUpdatedAt: Date;
  rows: PlannedRow[];
}

export interface OutreachPlanStore {
  /** Registrations to (re)plan, by id after `afterId`: never planned, changed since, or planned through a day before `refillBefore`. */
  candidates(options: { refillBefore: string; afterId: string | null; limit: number }): Promise<PlanCandidate[]>;
  /** Writes plans in one transaction: new rows inserted once (by key), open rows moved, open rows no longer owed cancelled. */
  applyPlans(plans: readonly RegistrationPlan[], at: Date): Promise<{ created: number; updated: number; cancelled: number }>;
}

/** A registration whose person outreach failed to reach or who refused service: what the outreach facts weigh. */
export interface OutreachHistoryRow extends OutreachRecord {
  registrationId: string;
  jobSeekerId: string;
  regionCode: string;
  /** Grounds with a case still open for the person: nothing more is filed on them. */
  openGrounds: OutreachGround[];
}

/** An outreach fact for a caseworker: the ground, its clause, and the facts the review desk assesses. */
export interface OutreachFactFiling {
  jobSeekerId: string;
  registrationId: string;
  regionCode: string;
  code: OutreachGround;
  clause: string;
  facts: DeregistrationFacts;
  details: Record<string, unknown>;
}

/** Work-list items for caseworkers (deregistration facts); never a change of registration status. */
export interface OutreachFactDesk {
  /** Candidates by registration id after `afterId`, `limit` at a time (page through all of them). */
  histories(page: { afterId: string | null; limit: number }): Promise<OutreachHistoryRow[]>;
  /** Files the fact unless a case on its ground is open for the person; true when filed. */
  fileFact(fact: OutreachFactFiling, at: Date): Promise<boolean>;
}
