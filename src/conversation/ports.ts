// What the engine needs from the outside world, as interfaces; src/persistence implements them.
import type { ConversationMode } from './turn-types.ts';
import type { Locale } from './locales.ts';

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
  fileCase(request: { conversationKey: string; jobSeekerId: string; kind: string; reason: string; details: Record<string, unknown> }): Promise<{ id: string }>;
}

/** People known by a channel address, and the language each prefers. */
export interface PeopleDirectory {
  findByAddress(channel: string, userKey: string): Promise<{ jobSeekerId: string; locale: Locale } | null>;
  setLocale(jobSeekerId: string, locale: Locale): Promise<void>;
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
