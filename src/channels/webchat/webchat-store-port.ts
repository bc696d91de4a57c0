// What the web chat channel needs from storage: the Direct Line conversations and their activity stream.
// src/persistence/webchat-store.ts implements it; the channel never imports a concrete repository.

/** A stored activity as JSON: whatever the channel put in, plus the id the store derives from `seq`. */
export type StoredActivity = Record<string, unknown> & { id: string };

export interface WebchatConversationRow {
  id: string;
  userId: string;
  createdAt: Date;
}

export interface AppendResult {
  seq: number;
  activity: StoredActivity;
  /** True when a row with the same clientActivityId already existed: nothing new was stored. */
  duplicate: boolean;
}

export interface ActivityPage {
  activities: StoredActivity[];
  /** The last `seq` returned, or the watermark asked for when nothing is newer. */
  watermark: number;
}

export interface WebchatStore {
  /** Calls `listener` after each new activity is stored (the WebSocket stream pushes it); returns an unsubscribe. */
  onAppend(listener: (conversationId: string) => void): () => void;
  createConversation(id: string, userId: string): Promise<WebchatConversationRow>;
  findConversation(id: string): Promise<WebchatConversationRow | null>;
  /** Appends one activity; a second append with the same client activity id stores nothing and returns the first. */
  appendActivity(conversationId: string, activity: Record<string, unknown>, rawClientActivityId?: string): Promise<AppendResult>;
  /** Activities after `watermark` (exclusive), oldest first, at most `limit`. */
  listActivities(conversationId: string, watermark: number, limit?: number): Promise<ActivityPage>;
  countActivities(conversationId: string): Promise<number>;
}
