// What the engine needs from the outside world, as interfaces; src/persistence implements them.
import type { ConversationMode } from './turn-types.ts';

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
  recent(conversationKey: string, limit: number): Promise<{ direction: string; text: string; at: Date }[]>;
}

export interface AuditLog {
  record(event: { actor: string; action: string; subjectType: string; subjectId?: string | null; details?: Record<string, unknown> }): Promise<void>;
}

export interface HandoffDesk {
  open(request: { conversationKey: string; jobSeekerId: string | null; reason: string; excerpt: string[] }): Promise<{ id: string; created: boolean }>;
  cancelOpen(conversationKey: string): Promise<void>;
}
