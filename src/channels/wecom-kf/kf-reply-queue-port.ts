// What 微信客服 needs to keep replies a customer's window could not take, as a port; src/persistence implements it.

/** One queued reply, its text unsealed, claimed by the caller (no one else sends it). */
export interface QueuedKfReply {
  seq: number;
  customer: string;
  text: string;
}

/**
 * Replies waiting for the customer's next window, in order. A reply is claimed (by conditional updates) only
 * together with a slot of the window, so two instances (or a restart) never send one twice or past the budget.
 */
export interface KfReplyQueue {
  /** Appends the texts (in order) for `customer`; returns their sequence numbers. */
  enqueue(customer: string, texts: readonly string[], at: Date): Promise<number[]>;
  /**
   * The customer's oldest pending reply, claimed, together with one slot of the window opened at `openedAt`;
   * null (nothing changed) when none is pending or the window has no slot left.
   */
  claimNext(customer: string, window: { openedAt: Date; budget: number }, at: Date): Promise<QueuedKfReply | null>;
  /** Replies claimed before `claimedBefore` and never settled (their sender died mid-send): `uncertain`, text deleted, never sent again. */
  abandonStale(customer: string, claimedBefore: Date, at: Date): Promise<number>;
  /** Sent: the text is deleted. */
  markSent(seq: number, providerId: string, at: Date): Promise<void>;
  /** The platform may take it later: pending again, first in line (its slot stays spent). */
  release(seq: number): Promise<void>;
  /** The platform refused it for good: the text is deleted. */
  markFailed(seq: number, at: Date): Promise<void>;
  /** How many replies wait for `customer`. */
  pendingCount(customer: string): Promise<number>;
}
