// What the web chat channel needs so that nothing it acknowledges is lost: a user's activity is recorded with
// its turn pending (text sealed) before the 200, and one instance at a time, holding a lease, runs it.

/** An activity as the Direct Line stream keeps it: JSON plus the id the store derives. */
export type StreamActivity = Record<string, unknown> & { id: string };

/** A pending turn as claimed: the stream activity with its real (unmasked) text and value restored. */
export interface ClaimedTurn {
  activityId: string;
  conversationId: string;
  activity: StreamActivity;
}

export interface AcknowledgedActivity {
  activity: StreamActivity;
  /** True when this clientActivityId was recorded before (a client retry): nothing new was stored. */
  duplicate: boolean;
}

export interface PendingTurnStore {
  /**
   * Appends the user's activity to the stream (masked) and, in the same transaction, its pending turn (text and
   * value sealed), leased to `owner` until `leaseUntil`. A repeated clientActivityId returns the first activity.
   */
  acknowledge(request: {
    conversationId: string;
    activity: Record<string, unknown>;
    clientActivityId?: string;
    owner: string;
    leaseUntil: Date;
  }): Promise<AcknowledgedActivity>;
  /** Claims one pending turn whose lease has expired (atomically: one claimant wins); null otherwise. */
  claim(activityId: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimedTurn | null>;
  /** Claims up to `limit` pending turns whose lease has expired, oldest first. */
  claimExpired(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedTurn[]>;
  /** Extends `owner`'s lease of a pending turn; false when the turn is done or another instance holds it. */
  renew(activityId: string, owner: string, leaseUntil: Date): Promise<boolean>;
  /**
   * Marks the turn done (sealed text deleted) and appends `replies` to the stream in one transaction, only
   * while `owner` still holds it. Returns the replies' ids, or null when the turn was no longer `owner`'s.
   */
  complete(activityId: string, owner: string, replies: readonly Record<string, unknown>[], now: Date): Promise<string[] | null>;
  /**
   * Appends replies the turn sends after its first batch (an apology after a failure), numbered on from
   * `firstOrdinal`. Every reply of a turn has a key (the turn, its place), so a reply already stored is never
   * stored again, whatever runs the turn twice.
   */
  appendReplies(activityId: string, replies: readonly Record<string, unknown>[], firstOrdinal: number): Promise<string[]>;
}

/** The key a turn's n-th reply is stored under (clients may not use this prefix for their own ids). */
export const TURN_REPLY_KEY_PREFIX = 'jyb-reply:';

export function turnReplyKey(turnActivityId: string, ordinal: number): string {
  return `${TURN_REPLY_KEY_PREFIX}${turnActivityId}#${ordinal}`;
}
