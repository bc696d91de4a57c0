// Runs accepted Tencent callbacks after the immediate acknowledgement: each once, now, on this instance; and
// any a crashed instance left (lease lapsed), at start-up and by a periodic sweep. A turn that throws is
// logged and completed (it is not run again: Tencent already has its answer, a rerun could answer twice).
// The sweep also deletes keys older than a week.
import { randomUUID } from 'node:crypto';
import type { ChannelInbox } from './tencent-ports.ts';

/**
 * How long the key of an item that ran is kept against retries. Tencent retries a callback within seconds, and a
 * 微信客服 message can be read again by sync_msg for 3 days (before its cursor was saved); a week covers both.
 */
export const INBOX_KEYS_KEPT_MS = 7 * 24 * 3600_000;
/** Old keys are deleted by a sweep at most this often. */
const FORGET_EVERY_MS = 3600_000;

export interface InboxRunnerOptions {
  inbox: ChannelInbox;
  channel: string;
  leaseMs: number;
  run(payload: string): Promise<void>;
  logger: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  now?: () => Date;
}

export interface InboxRunner {
  /** Stores the callback; false for a retry or replay (nothing runs). Runs it in the background otherwise. */
  accept(key: string, payload: string): Promise<boolean>;
  sweep(): Promise<number>;
  startSweeping(intervalMs: number): () => void;
  /** Resolves when every turn this instance started has finished (graceful stop, tests). */
  idle(): Promise<void>;
}

export function createInboxRunner(options: InboxRunnerOptions): InboxRunner {
  const now = options.now ?? (() => new Date());
  const owner = randomUUID();
  const running = new Set<Promise<void>>();
  const leaseUntil = () => new Date(now().getTime() + options.leaseMs);

  function start(key: string, payload: string): void {
    const job = (async () => {
      try {
        await options.run(payload);
      } catch (err) {
        options.logger.error({ err, channel: options.channel }, 'channel turn failed');
      }
      try {
        await options.inbox.complete(key, now());
      } catch (err) {
        options.logger.warn({ err, channel: options.channel }, 'channel turn not marked done; a sweep may run it again');
      }
    })();
    running.add(job);
    void job.finally(() => running.delete(job));
  }

  let forgotAt = Number.NEGATIVE_INFINITY;
  async function sweep(): Promise<number> {
    const at = now().getTime();
    if (at - forgotAt >= FORGET_EVERY_MS) {
      forgotAt = at;
      await options.inbox.forgetBefore(options.channel, new Date(at - INBOX_KEYS_KEPT_MS));
    }
    const items = await options.inbox.claimLapsed(options.channel, owner, now(), leaseUntil());
    for (const item of items) start(item.key, item.payload);
    return items.length;
  }

  return {
    async accept(key, payload) {
      const fresh = await options.inbox.accept({ key, payload, channel: options.channel, owner, leaseUntil: leaseUntil() });
      if (fresh) start(key, payload);
      return fresh;
    },
    sweep,
    startSweeping(intervalMs) {
      const timer = setInterval(() => void sweep().catch((err: unknown) => options.logger.warn({ err, channel: options.channel }, 'channel sweep failed')), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
