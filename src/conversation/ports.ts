// What the engine needs from the outside world, as interfaces; src/persistence implements them.
import type { ConversationMode } from './turn-types.ts';
import type { Locale } from './locales.ts';
import type { HardshipPrescreen } from './answers/hardship-prescreen.ts';

export interface StoredConversation {
  mode: ConversationMode;
  /** Decrypted dialog state JSON. */
  state: string;
  version: number;
}

export interface ConversationStore {
  load(key: string): Promise<StoredConversation | null>;
  /** Saves if the version is still `expectedVersion` (-1 = new); false when another instance won. */
  save(key: string, expectedVersion: number, next: { mode: ConversationMode; state: string; jobSeekerId: string | null }): Promise<boolean>;
  setMode(key: string, mode: ConversationMode): Promise<void>;
}

export interface TranscriptEntry {
  conversationKey: string;
  direction: 'in' | 'out';
  activityId?: string;
  sender: string;
  text: string;
}

export interface TranscriptLog {
  /** Appends; returns false if this inbound activity was already recorded (a retry or duplicate). */
  append(entry: TranscriptEntry): Promise<boolean>;
  /** Appends the bot's replies of one turn in one statement. */
  appendReplies(conversationKey: string, texts: readonly string[]): Promise<void>;
  recent(conversationKey: string, limit: number): Promise<{ direction: string; text: string; at: Date }[]>;
}

export interface AuditLog {
  record(event: { actor: string; action: string; subjectType: string; subjectId?: string | null; details?: Record<string, unknown> }): Promise<void>;
}

export interface HandoffDesk {
  /** `reference` is the serialized ConversationReference a caseworker's replies are sent to. */
  open(request: { conversationKey: string; jobSeekerId: string | null; reason: string; excerpt: string[]; reference?: string }): Promise<{ id: string; created: boolean }>;
  cancelOpen(conversationKey: string): Promise<void>;
}

/** Opens a case for a caseworker that does not take the conversation over (a fact to review, not 转人工). */
export interface CaseFiler {
  /** `reference` (the ConversationReference) lets a caseworker answer in the person's channel. */
  fileCase(request: { conversationKey: string; jobSeekerId: string; kind: string; reason: string; details: Record<string, unknown>; reference?: string }): Promise<{ id: string }>;
}

/** People known by a channel address, and the language each prefers. */
export interface PeopleDirectory {
  findByAddress(channel: string, userKey: string): Promise<{ jobSeekerId: string; locale: Locale } | null>;
  setLocale(jobSeekerId: string, locale: Locale): Promise<void>;
}

/** Who changed consent, and why (their own words in chat, or what a caseworker noted from a call or visit). */
export interface ConsentChange {
  actor: string;
  reason: string;
  at: Date;
  conversationKey?: string;
}

/**
 * Consent to be contacted by the service (outreach: check-ins, offers, notices). Withdrawn, nothing more is planned
 * or sent; the registration itself never changes. Each change is audited.
 */
export interface ConsentRegister {
  isWithdrawn(jobSeekerId: string): Promise<boolean>;
  /** Records the withdrawal (once) and cancels the person's open outreach rows at once; `withdrawn` false: it already was. */
  withdraw(jobSeekerId: string, change: ConsentChange): Promise<{ withdrawn: boolean; cancelled: number }>;
  /** Consent given again; outreach plans the person again on its next tick. False: it was not withdrawn. */
  restore(jobSeekerId: string, change: ConsentChange): Promise<boolean>;
}

/** Where a person wants proactive messages: a channel they chose, or (null) the one they last wrote from. */
export interface ContactPreferences {
  /** The channels the person has linked, newest first. */
  linkedChannels(jobSeekerId: string): Promise<string[]>;
  setPreferred(jobSeekerId: string, channel: string | null): Promise<void>;
}

export interface RegistrationSnapshot {
  id: string;
  status: string;
  registeredAt: Date;
  followUpPreference: string;
}

/** What "my status" shows: the latest registration, the next planned contact, the open requests. */
export interface PersonStatus {
  registration: RegistrationSnapshot | null;
  /** Next pending outreach task; `dueOn` is its Beijing date. */
  nextContact: { dueOn: string; provisional: boolean; kind: string } | null;
  openCases: { kind: string; reason: string; createdAt: Date }[];
}

export interface StatusDirectory {
  statusOf(jobSeekerId: string): Promise<PersonStatus>;
  /** R1.4.2: records whether the person accepts monthly follow-up; audited. Never touches the status. */
  setFollowUpPreference(registrationId: string, preference: 'monthly' | 'refused', actor: string): Promise<void>;
  /**
   * Marks (`at`) or clears (null) a self-reported job, school or military service awaiting a caseworker's decision,
   * which outreach plans from (EXIT_REPORT_PAUSES_OFFERS); audited when it changes. True when it changed.
   */
  setExitReported(registrationId: string, at: Date | null, actor: string): Promise<boolean>;
}

export interface ContactEntry {
  jobSeekerId: string;
  registrationId: string | null;
  kind: string;
  channel: string;
  outcome: string;
  serviceKinds?: readonly string[];
  notes?: string | null;
  actor: string;
  at: Date;
}

/** The follow-up ledger (服务台账, R1.4.7). */
export interface ContactLedger {
  record(entry: ContactEntry): Promise<{ id: string }>;
  listForJobSeeker(jobSeekerId: string): Promise<{ id: string; kind: string; outcome: string; serviceKinds: string[]; at: Date }[]>;
}

/** A message sent to a person outside a turn (a caseworker's reply, a notice), through their own channel. */
export interface OutboundSender {
  /** `reference` is the stored ConversationReference; `from` names who speaks (a caseworker's display name). */
  send(reference: string, message: { text: string; from?: { id: string; name: string } }): Promise<void>;
}

/**
 * A message to a person outside the conversation they are in (SMS now; WeChat templates and outreach later).
 * `text` is already in the person's language; channels that only send registered templates (SMS in China)
 * use `template` instead.
 */
export interface OutboundText {
  text: string;
  template?: OutboundTemplate;
  /** Buttons, where the channel shows them (the monthly check-in); others get numbered lines in `text`. */
  choices?: readonly { title: string; value: string }[];
  /** The same key sent twice (a retry after a crash) reaches the person once, where the channel can tell. */
  idempotencyKey?: string;
  locale?: string;
}

/**
 * What a template-only channel (SMS) sends instead of `text`: a one-time code, or a notice of `notice` kind
 * (an outreach task kind, `caseworker_reply`, `new_message`) for one person, with its `topic` in words.
 */
export type OutboundTemplate =
  | { kind: 'one_time_code'; params: { code: string; minutes: string } }
  | { kind: 'notice'; notice: string; jobSeekerId: string; topic: string };

/**
 * `retryable`: the provider may accept the same message later (rate limit, outage); otherwise it never will.
 * `retryAt`: the earliest time a retry can succeed, when the channel knows it (a per-number limit).
 */
export type SendOutcome = { ok: true; providerMessageId: string } | { ok: false; retryable: boolean; code: string; retryAt?: Date };

/** Why a channel can or cannot carry a message to an address now (its window, subscription, login, pacing). */
export const REACHABILITY_REASONS = ['always', 'in_window', 'subscribed', 'last_resort', 'outside_window', 'unfollowed', 'paced', 'logged_out', 'unknown_address'] as const;
export type ReachabilityReason = (typeof REACHABILITY_REASONS)[number];

export interface Reachability {
  canSendNow: boolean;
  reason: ReachabilityReason;
  /** When the reply window that allows it closes (WeChat's 48 hours). */
  windowEndsAt?: Date;
}

/** One outbound channel (web chat, SMS, ...): sends a message to an address of that channel. */
export interface OutboundChannel {
  readonly channel: string;
  /** The channel carries only registered templates (SMS): one notice stands for a message's words. */
  readonly templatesOnly?: boolean;
  /**
   * A message sent again with the same idempotency key is shown once (web chat): a send that may have happened can
   * safely be repeated. Channels without it (SMS, WeChat) would show it twice, so such a send is never repeated.
   */
  readonly deduplicates?: boolean;
  send(address: string, message: OutboundText): Promise<SendOutcome>;
  /** Whether it may send to `address` at `now` by its own rules, from what it already knows (no network). */
  reachability?(address: string, now: Date): Promise<Reachability>;
}

/**
 * What a channel reports later about a message it accepted (an SMS status report, a 订阅通知 sent event, a
 * 微信客服 send failure), by the id it gave at send time. `reason` is the provider's own code or word.
 */
export interface DeliveryReceipt {
  channel: string;
  providerMessageId: string;
  delivered: boolean;
  reason: string | null;
  at: Date;
}

/**
 * `delivered` / `reopened`: an outreach message's receipt was recorded; a failed one reopens its task, takes back its
 * quota count and passes the channel over on the retry. `repeated`: already recorded. `unknown`: no outreach
 * message has that id (a reply in a conversation, a one-time code), so there is nothing to do but keep the record.
 */
export type ReceiptResult = 'delivered' | 'reopened' | 'repeated' | 'unknown';

export interface DeliveryReceipts {
  record(receipt: DeliveryReceipt): Promise<ReceiptResult>;
}

/** A one-time code waiting to be typed back by one channel address. */
export interface PendingChallenge {
  id: string;
  expiresAt: Date;
  attempts: number;
}

/**
 * Who an ID number belongs to, and the one-time codes that prove a conversation is that person.
 * Codes are kept only as keyed hashes; every state change is conditional, so two instances agree.
 */
export interface IdentityChallengeStore {
  /** The person on file with this ID number and the masked phone a code would go to. */
  findByIdNumber(idNumber: string): Promise<{ jobSeekerId: string; phoneMask: string | null } | null>;
  /** The phone number on file, decrypted, to send a code to. */
  phoneOf(jobSeekerId: string): Promise<string | null>;
  /** When codes were sent to this person since `since` (newest first), and the end of any cool-down. */
  sendHistory(jobSeekerId: string, since: Date, now: Date): Promise<{ sentAt: Date[]; lockedUntil: Date | null }>;
  /** Stores a new code for this address (earlier pending ones for it stop working). */
  issue(challenge: { jobSeekerId: string; channel: string; userKey: string; code: string; sentAt: Date; expiresAt: Date }): Promise<{ id: string }>;
  /** The address's latest pending code for this person, if any. */
  pending(jobSeekerId: string, channel: string, userKey: string): Promise<PendingChallenge | null>;
  /** Whether `code` is the one issued (constant-time comparison of hashes). */
  matches(challengeId: string, code: string): Promise<boolean>;
  /** Counts a wrong try (false if another instance counted it first); locks the person when `lockedUntil` is set. */
  recordWrong(challengeId: string, attemptsBefore: number, lockedUntil: Date | null): Promise<boolean>;
  /** Marks a pending code used or expired; false if it was no longer pending (used once only). */
  close(challengeId: string, status: 'verified' | 'expired'): Promise<boolean>;
  /** Whether this address proved this person with that code. */
  wasVerified(challengeId: string, jobSeekerId: string, channel: string, userKey: string): Promise<boolean>;
  /** Links the channel address to the person (after a verified code); it becomes their preferred channel. */
  linkAddress(link: { jobSeekerId: string; channel: string; userKey: string; conversationKey: string; reference: string }): Promise<void>;
}

/** Who to call back when the conversation is linked to nobody; given with consent, kept encrypted by the desk. */
export interface HardshipContact {
  name: string;
  idNumber: string;
  phone: string;
  locale: Locale;
  channel: string;
  userKey: string;
  reference: string;
}

export type HardshipFiling = { id: string; created: boolean; jobSeekerId: string | null } | { unverified: true };

/** Where pre-screens go: a `hardship_recognition` case, created, or updated while one is open; audited with it. */
export interface HardshipRequestDesk {
  /**
   * `contact` when `jobSeekerId` is null: the person is created (or found, when this address already is them)
   * and the address linked. `unverified`: the ID number is on file for someone else, so nothing is kept.
   */
  file(request: { conversationKey: string; jobSeekerId: string | null; reason: string; prescreen: HardshipPrescreen; at: Date; contact?: HardshipContact }): Promise<HardshipFiling>;
}
