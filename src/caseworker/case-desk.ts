// What the caseworker console needs from storage, as a port: cases of one region, claimed atomically,
// closed once, with the person's messages. src/persistence implements it; every call carries the caller's
// AccessScope (their districts), and a case outside it is not found.
import type { AccessScope } from './region-scope.ts';

export const CASE_STATUSES = ['new', 'claimed', 'waiting', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Transcript sender of the bot's notices about a case (claimed, closed), told apart from its own turns. */
export const CASE_NOTICE_SENDER = 'bot:case_notice';

export interface CaseWorkerRef {
  id: string;
  username: string;
  displayName: string;
}

/** Who asked, as a caseworker may see it: ID and phone numbers masked. */
export interface CasePerson {
  jobSeekerId: string | null;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  channel: string;
}

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  kind: string;
  reason: string;
  regionCode: string;
  conversationKey: string;
  openedAt: Date;
  closedAt: Date | null;
  claimedBy: { id: string; username: string; displayName: string } | null;
  person: CasePerson;
}

export interface CaseMessage {
  direction: 'in' | 'out';
  /** `person`, `bot` or `caseworker:<username>`. */
  sender: string;
  text: string;
  at: Date;
}

export interface CaseNote {
  author: string;
  text: string;
  at: Date;
}

export interface CaseDetail extends CaseSummary {
  excerpt: string[];
  /** Everything said in the conversation since the case was opened, oldest first. */
  messages: CaseMessage[];
  notes: CaseNote[];
  /** The serialized ConversationReference replies go to; null when the case cannot be answered in chat. */
  reference: string | null;
  /** Why the caseworker closed it (null while open, or when the person cancelled). */
  closeReason: string | null;
}

/** Why an action changed nothing: gone (or in another region), already closed, or someone else's case. */
export type CaseRefusal = { ok: false; reason: 'not_found' | 'closed' | 'claimed_by_other' | 'not_claimed'; by?: string };

/** Where a case is handed: to a colleague (who must cover its district), or to another district's inbox. */
export type CaseTransferTarget = { to: 'colleague'; colleague: CaseWorkerRef; scope: AccessScope } | { to: 'district'; regionCode: string };
export type CaseActionResult = { ok: true; case: CaseSummary } | CaseRefusal;

/** A change a console should show without reloading. */
export interface ConsoleChange {
  /** Unique per change, so a re-read of overlapping time does not repeat it. */
  id: string;
  type: 'case' | 'message';
  caseId: string;
  at: Date;
}

export interface CaseDesk {
  list(scope: AccessScope, status: CaseStatus): Promise<CaseSummary[]>;
  /** How many open cases the region has in each open status. */
  countOpen(scope: AccessScope): Promise<Record<'new' | 'claimed' | 'waiting', number>>;
  get(scope: AccessScope, caseId: string): Promise<CaseDetail | null>;
  /** Takes an unclaimed open case; exactly one of two simultaneous claims succeeds. */
  claim(scope: AccessScope, caseId: string, worker: CaseWorkerRef): Promise<CaseActionResult>;
  /** Records a reply already sent to the person (transcript and audit); only the owner may reply. */
  recordReply(scope: AccessScope, caseId: string, worker: CaseWorkerRef, text: string): Promise<CaseActionResult>;
  /** The owner (or anyone, if unclaimed) closes; a 转人工 conversation goes back to the bot. */
  close(scope: AccessScope, caseId: string, worker: CaseWorkerRef, reason: string): Promise<CaseActionResult>;
  /** Marks the case as waiting for the person (true) or back to claimed (false); owner only. */
  setWaiting(scope: AccessScope, caseId: string, worker: CaseWorkerRef, waiting: boolean): Promise<CaseActionResult>;
  addNote(scope: AccessScope, caseId: string, worker: CaseWorkerRef, text: string): Promise<CaseActionResult>;
  /**
   * Hands an open case (the caller's, or unclaimed) on: a colleague then owns it; another district gets it as
   * new in its inbox. `not_found` when the colleague does not cover the case's district.
   */
  transfer(scope: AccessScope, caseId: string, worker: CaseWorkerRef, target: CaseTransferTarget, note: string | null): Promise<CaseActionResult>;
  /** New cases, status changes and messages of the region since `since` (inclusive), oldest first. */
  changesSince(scope: AccessScope, since: Date): Promise<ConsoleChange[]>;
}
