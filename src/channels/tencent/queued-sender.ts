// Sends a Tencent channel's messages through its MessageQueue, so none is lost: each is queued (sealed, in order)
// and sent as far as the channel's rules allow now. One the rules hold back (the person's window closed or spent)
// waits for their next message; one the platform refuses for now (45009, an outage, a timeout) is tried again by
// the retry sweep after a growing pause; one refused for good, or out of attempts, is recorded as failed. Nothing
// overtakes a message that waits. Every step is reported to `record` (the channel's audit entries).
import { TencentApiError } from './tencent-api.ts';
import type { MessageQueue, NewQueuedMessage } from './message-queue-port.ts';

/** Why a message waits for the person's next message. */
export type WaitReason = 'outside_window' | 'budget_used' | 'unfollowed';
/** What the channel did with one message: sent (the provider's id), or held back by its rules. Throws what the platform refused. */
export type RouteOutcome = { sent: string } | { wait: WaitReason };
export type QueueEvent = 'queued' | 'deferred' | 'failed' | 'uncertain' | 'flushed';

/** Pauses before the 1st, 2nd... retry of a message the platform refused for now; the last one repeats. */
export const RETRY_BACKOFF_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000];
/** A message claimed this long ago and never settled was being sent when its instance died: it may have arrived. */
export const SEND_LEASE_MS = 10 * 60_000;

export interface QueuedSenderDeps {
  channel: string;
  queue: MessageQueue;
  route(recipient: string, text: string): Promise<RouteOutcome>;
  record(recipient: string, event: QueueEvent, details: Record<string, unknown>): Promise<void>;
  now: () => Date;
  logger: { warn(obj: object, msg?: string): void };
  retryBackoffMs?: readonly number[];
  /** Tries after which a message the platform keeps refusing is given up; default: never (it waits on). */
  maxAttempts?: number;
  sendLeaseMs?: number;
}

/** A message the channel can never send (its recipient or content is not one the platform takes): failed at once. */
export class UnsendableError extends Error {}

function refusalOf(err: unknown): { errcode: number | null; retryable: boolean } {
  if (err instanceof TencentApiError) return { errcode: err.errcode, retryable: err.retryable };
  if (err instanceof UnsendableError) return { errcode: null, retryable: false };
  // Anything else (a timeout, a reset connection) may go through later.
  return { errcode: -1, retryable: true };
}

export function createQueuedSender(deps: QueuedSenderDeps) {
  const { channel, queue, now } = deps;
  const backoff = deps.retryBackoffMs ?? RETRY_BACKOFF_MS;
  const lease = deps.sendLeaseMs ?? SEND_LEASE_MS;
  let sweeping: Promise<number> | null = null;

  /** Sends the recipient's waiting messages, oldest first, while the rules allow; provider ids by sequence. */
  async function flush(recipient: string): Promise<{ sent: Map<number, string>; stopped: WaitReason | 'retry' | null }> {
    const sent = new Map<number, string>();
    let stopped: WaitReason | 'retry' | null = null;
    let failed = 0;
    // At most once: a message whose sender died mid-send may have arrived, so it is recorded, not sent again.
    const uncertain = await queue.abandonStale(channel, recipient, new Date(now().getTime() - lease), now());
    if (uncertain > 0) await deps.record(recipient, 'uncertain', { count: uncertain });
    for (;;) {
      const next = await queue.claimNext(channel, recipient, now());
      if (!next) break;
      let outcome: RouteOutcome;
      try {
        outcome = await deps.route(recipient, next.text);
      } catch (err) {
        const { errcode, retryable } = refusalOf(err);
        const attempt = next.attempts + 1;
        if (retryable && (deps.maxAttempts === undefined || attempt < deps.maxAttempts)) {
          const retryAt = new Date(now().getTime() + (backoff[Math.min(attempt, backoff.length) - 1] ?? 0));
          await queue.defer(next.seq, retryAt);
          await deps.record(recipient, 'deferred', { errcode, attempt, retryAt: retryAt.toISOString() });
          stopped = 'retry';
          break;
        }
        await queue.markFailed(next.seq, now());
        failed += 1;
        await deps.record(recipient, 'failed', { errcode, attempts: attempt });
        continue;
      }
      if ('sent' in outcome) {
        await queue.markSent(next.seq, outcome.sent, now());
        sent.set(next.seq, outcome.sent);
        continue;
      }
      await queue.release(next.seq);
      stopped = outcome.wait;
      break;
    }
    if (sent.size > 0 || failed > 0) await deps.record(recipient, 'flushed', { sent: sent.size, failed, waiting: await queue.pendingCount(channel, recipient) });
    return { sent, stopped };
  }

  async function retryDue(): Promise<number> {
    const at = now();
    const recipients = await queue.dueRecipients(channel, at, new Date(at.getTime() - lease), 50);
    for (const recipient of recipients) {
      await flush(recipient).catch((err: unknown) => deps.logger.warn({ err, channel }, 'queued messages not sent'));
    }
    return recipients.length;
  }

  /** Tries again what is due (a refusal's pause is over, or a sender died mid-send); how many recipients were due. */
  function sweep(): Promise<number> {
    sweeping ??= retryDue().finally(() => {
      sweeping = null;
    });
    return sweeping;
  }

  return {
    flush: async (recipient: string) => (await flush(recipient)).sent,

    /** Queues the messages in order and sends them as far as the rules allow; their provider ids ('' for those waiting). */
    async send(recipient: string, messages: readonly NewQueuedMessage[]): Promise<string[]> {
      if (messages.length === 0) return [];
      const queued = await queue.enqueue(channel, recipient, messages, now());
      const { sent, stopped } = await flush(recipient);
      const waiting = queued.filter((q) => q.fresh && !sent.has(q.seq)).length;
      if (waiting > 0) await deps.record(recipient, 'queued', { queued: waiting, reason: stopped ?? 'in_line' });
      return queued.map((q) => sent.get(q.seq) ?? '');
    },

    /** Whether anything waits for `recipient` (outreach does not overtake it). */
    waiting: async (recipient: string) => (await queue.pendingCount(channel, recipient)) > 0,

    retryDue: sweep,

    startRetrying(intervalMs: number): () => void {
      const timer = setInterval(() => void sweep().catch((err: unknown) => deps.logger.warn({ err, channel }, 'queued message sweep failed')), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },

    /** Resolves when no retry sweep is running (graceful stop, tests). */
    async idle(): Promise<void> {
      while (sweeping) await sweeping.catch(() => undefined);
    },
  };
}

export type QueuedSender = ReturnType<typeof createQueuedSender>;
