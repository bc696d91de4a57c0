// Sends 微信客服 replies within the customer's window (5 messages in the 48 hours after their last message). A
// reply the window cannot take waits in the queue and goes first, in order, once their next message opens a
// new window; later replies queue behind it so nothing overtakes. Outreach does not queue: outside the window
// it is refused (KfWindowClosedError) so delivery tries the person's next channel.
import type { AuditLog } from '../../conversation/ports.ts';
import { TencentApiError } from '../tencent/tencent-api.ts';
import type { KfWindows } from '../tencent/tencent-ports.ts';
import type { KfApi } from './kf-api.ts';
import { KF_WINDOW } from './kf-capabilities.ts';
import type { KfReplyQueue } from './kf-reply-queue-port.ts';

export { KF_WINDOW };
/** A reply claimed this long ago and never settled was being sent when its instance died: it may have arrived. */
export const KF_SEND_LEASE_MS = 10 * 60_000;

export class KfWindowClosedError extends Error {}

export interface KfReplySenderDeps {
  api: Pick<KfApi, 'sendText'>;
  windows: KfWindows;
  queue: KfReplyQueue;
  audit: AuditLog;
  now: () => Date;
}

function splitCustomer(customer: string): { openKfId: string; externalUserId: string } | null {
  const [openKfId, externalUserId, extra] = customer.split('|');
  return openKfId && externalUserId && extra === undefined ? { openKfId, externalUserId } : null;
}

export function createKfReplySender(deps: KfReplySenderDeps) {
  const record = (customer: string, action: string, details: Record<string, unknown>) =>
    deps.audit.record({ actor: 'channel:wecom-kf', action, subjectType: 'wecom_kf_customer', subjectId: customer, details });

  /** When the customer's current window opened, if it is still open at `now`. */
  async function openWindow(customer: string): Promise<Date | null> {
    const openedAt = (await deps.windows.get(customer))?.windowOpenedAt ?? null;
    return openedAt !== null && deps.now().getTime() - openedAt.getTime() < KF_WINDOW.ms ? openedAt : null;
  }

  /** Sends the customer's queued replies, oldest first, while the window has slots; provider ids by sequence. */
  async function flush(customer: string): Promise<Map<number, string>> {
    const sent = new Map<number, string>();
    const to = splitCustomer(customer);
    if (!to) return sent;
    let failed = 0;
    // At most once: a reply whose sender died mid-send may have arrived, so it is recorded, not sent again.
    const uncertain = await deps.queue.abandonStale(customer, new Date(deps.now().getTime() - KF_SEND_LEASE_MS), deps.now());
    if (uncertain > 0) await record(customer, 'wecom_kf.reply_uncertain', { count: uncertain });
    for (;;) {
      const openedAt = await openWindow(customer);
      if (!openedAt) break;
      const next = await deps.queue.claimNext(customer, { openedAt, budget: KF_WINDOW.budget }, deps.now());
      if (!next) break;
      try {
        const id = await deps.api.sendText(to.openKfId, to.externalUserId, next.text);
        await deps.queue.markSent(next.seq, id, deps.now());
        sent.set(next.seq, id);
      } catch (err) {
        const retryable = !(err instanceof TencentApiError) || err.retryable;
        const errcode = err instanceof TencentApiError ? err.errcode : -1;
        // A reply the platform may take later keeps its place in line; this flush stops so nothing overtakes it.
        if (retryable) {
          await deps.queue.release(next.seq);
          await record(customer, 'wecom_kf.reply_deferred', { errcode });
          break;
        }
        await deps.queue.markFailed(next.seq, deps.now());
        failed += 1;
        await record(customer, 'wecom_kf.reply_failed', { errcode });
      }
    }
    if (sent.size > 0 || failed > 0) await record(customer, 'wecom_kf.queue_flushed', { sent: sent.size, failed, waiting: await deps.queue.pendingCount(customer) });
    return sent;
  }

  return {
    flush,

    /** Replies of a turn (or a caseworker's): queued in order, then sent as far as the window allows. */
    async reply(customer: string, texts: readonly string[]): Promise<string[]> {
      if (texts.length === 0) return [];
      const seqs = await deps.queue.enqueue(customer, texts, deps.now());
      const sent = await flush(customer);
      const waiting = seqs.filter((seq) => !sent.has(seq)).length;
      if (waiting > 0) await record(customer, 'wecom_kf.reply_queued', { queued: waiting, reason: (await openWindow(customer)) ? 'budget_used' : 'outside_window' });
      return seqs.map((seq) => sent.get(seq) ?? '');
    },

    /** One outreach text now, if the window has a slot and nothing waits before it; KfWindowClosedError otherwise. */
    async sendNow(customer: string, text: string): Promise<string> {
      const to = splitCustomer(customer);
      const openedAt = to ? await openWindow(customer) : null;
      if (!to || !openedAt || (await deps.queue.pendingCount(customer)) > 0 || !(await deps.windows.take(customer, openedAt, KF_WINDOW.budget))) {
        throw new KfWindowClosedError('wecom-kf: outside the 48-hour window or its 5 messages');
      }
      return deps.api.sendText(to.openKfId, to.externalUserId, text);
    },
  };
}

export type KfReplySender = ReturnType<typeof createKfReplySender>;
