// What the delivery worker needs from storage, as a port; src/persistence/outreach-delivery-repository.ts implements it.

export interface DeliveryAddress {
  channel: string;
  /** The channel's own address (web chat: the conversation id). */
  address: string;
  /** The engine's conversation key (`<channel>:<conversation id>`), for the check-in dialog. */
  conversationKey: string;
  /** When the person last wrote from this address (null: never, or not known). */
  lastWrittenAt?: Date | null;
}

/** A claimed task with what sending it needs: who, in which language, where (newest address first). */
export interface DeliveryTask {
  id: string;
  jobSeekerId: string;
  registrationId: string | null;
  kind: string;
  period: string | null;
  clause: string | null;
  attempts: number;
  locale: string;
  /** False once the registration ended or consent was withdrawn: the task is cancelled, never sent. */
  reachable: boolean;
  addresses: DeliveryAddress[];
  /** The channel the person asked to be reached on; null: the one they last wrote from. */
  preferredChannel?: string | null;
  /** A phone number is on file (SMS, the last resort). */
  phoneOnFile?: boolean;
  /** Channels whose receipt said an earlier send of this task did not arrive: passed over on the retry. */
  avoidChannels?: readonly string[];
  /** Set when a worker began sending this task and its outcome was never recorded (it died or lost its lease). */
  inFlight?: InFlight | null;
}

/** The in-flight marker: the channel a send began on, and when. */
export interface InFlight {
  channel: string;
  since: Date;
}

/** The worker's hold on its claimed tasks: who holds them, the lease clock's reading, and until when. */
export interface Lease {
  owner: string;
  at: Date;
  until: Date;
}

/** A channel passed over or tried without success before the one that carried the message. */
export interface SkippedChannel {
  channel: string;
  reason: string;
}

export interface DeliveredReceipt {
  channel: string;
  receipt: string;
  at: Date;
  /** The quota kind this delivery counts toward (policy, guidance, jobs, training), if any. */
  quotaKind: string | null;
  /** The catalogue item the message carried, recorded with the send so it is never sent to the person again. */
  catalogItemId?: string | null;
  /** Why this channel: its rank and what its reachability said (`preferred:in_window`). */
  chosenBecause?: string;
  skipped?: readonly SkippedChannel[];
}

export interface DeliveryStore {
  /** Tasks due now and not yet sent (what a tick outside the sending hours leaves for later). */
  countDue(now: Date): Promise<number>;
  /** Claims up to `limit` tasks due at `now` (and tasks whose lease lapsed by `lease.at`) for `lease.owner` until `lease.until`. */
  claimDue(now: Date, lease: Lease, limit: number): Promise<DeliveryTask[]>;
  /** Extends the lease of those of `taskIds` the owner still holds; how many it still holds. */
  renewLeases(taskIds: readonly string[], lease: Lease): Promise<number>;
  /**
   * Writes the in-flight marker (channel, `lease.at`) and renews the task's lease, only if `lease.owner` still holds
   * it; false: another worker took it over, so this one must neither send nor record anything for it.
   */
  beginSend(taskId: string, channel: string, lease: Lease): Promise<boolean>;
  /** Takes the person's one outreach message of `day` for this task; false when another task has it. */
  takeDay(jobSeekerId: string, day: string, taskId: string, at: Date): Promise<boolean>;
  /** takeDay for many people at once (one task each, people distinct): which task holds each person's day afterwards. */
  takeDays(claims: readonly { jobSeekerId: string; taskId: string }[], day: string, at: Date): Promise<Map<string, string>>;
  releaseDay(jobSeekerId: string, day: string, taskId: string): Promise<void>;
  /** Sent: the task is done and counted once in the contact ledger; only by the lease holder (false: it was taken over). */
  markSent(taskId: string, owner: string, receipt: DeliveredReceipt): Promise<boolean>;
  /**
   * Final `unconfirmed`: taken over with a send in flight on a channel that cannot tell a resend (the message may or
   * may not have gone), so it is not sent again and, unconfirmed, not counted in the contact ledger. Audited.
   */
  markUnconfirmed(taskId: string, owner: string, change: { inFlight: InFlight; at: Date }): Promise<boolean>;
  /** Back to pending until `availableAt`; `failed` counts an attempt (backoff), a deferral does not. */
  reschedule(taskId: string, owner: string, change: { availableAt: Date; reason: string; failed: boolean }): Promise<void>;
  /** reschedule for several tasks with the same change (a batch's deferrals), in one statement. */
  rescheduleMany(taskIds: readonly string[], owner: string, change: { availableAt: Date; reason: string; failed: boolean }): Promise<void>;
  /** Final: `undeliverable` with the reason (the failed attempt counts), or `cancelled` (no longer owed). */
  finish(taskId: string, owner: string, change: { status: 'undeliverable' | 'cancelled'; reason: string; at: Date }): Promise<void>;
}
