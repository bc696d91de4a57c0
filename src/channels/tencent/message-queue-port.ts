// What the Tencent channels need to keep the messages they could not send yet, as a port (src/persistence
// implements it): one line per channel and recipient, sent in order, each message at most once.

/** One queued message, its text unsealed, claimed by the caller (no one else sends it). */
export interface QueuedMessage {
  seq: number;
  recipient: string;
  text: string;
  /** Failed tries so far (the platform refused it for now). */
  attempts: number;
}

/** A message to queue; `dedupeKey` (unique per channel) makes a second enqueue of it a no-op. */
export interface NewQueuedMessage {
  text: string;
  dedupeKey?: string;
}

/**
 * Messages waiting per `channel` and `recipient`, in order. Only the first unsettled one of a recipient can be
 * claimed (conditional updates), so two instances or a restart never send one twice or let one overtake another.
 */
export interface MessageQueue {
  /** Appends the messages (in order), due at once; a dedupeKey already queued keeps its row (`fresh` false). */
  enqueue(channel: string, recipient: string, messages: readonly NewQueuedMessage[], at: Date): Promise<{ seq: number; fresh: boolean }[]>;
  /** The recipient's first unsettled message, claimed, if it is pending and not waiting for a retry time after `at`. */
  claimNext(channel: string, recipient: string, at: Date): Promise<QueuedMessage | null>;
  /** Messages claimed before `claimedBefore` and never settled (the sender died mid-send): `uncertain`, text deleted, never sent again. */
  abandonStale(channel: string, recipient: string, claimedBefore: Date, at: Date): Promise<number>;
  /** Sent: the text is deleted. */
  markSent(seq: number, providerId: string, at: Date): Promise<void>;
  /** Not tried (the person's window is closed or spent): pending again, first in line, until their next message. */
  release(seq: number): Promise<void>;
  /** Tried and refused for now: pending again, first in line, one attempt more, tried again from `retryAt`. */
  defer(seq: number, retryAt: Date): Promise<void>;
  /** Refused for good (or out of attempts): one attempt more, the text deleted. */
  markFailed(seq: number, at: Date): Promise<void>;
  /** How many messages wait for `recipient`. */
  pendingCount(channel: string, recipient: string): Promise<number>;
  /** Recipients with a message due for a retry by `at`, or one left `sending` since before `staleBefore`. */
  dueRecipients(channel: string, at: Date, staleBefore: Date, limit: number): Promise<string[]>;
}
