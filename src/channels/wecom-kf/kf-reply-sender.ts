// Sends 微信客服 replies within the customer's window (5 messages in the 48 hours after their last message) through
// the channel's message queue (queued-sender.ts): a reply the window cannot take waits and goes first, in order,
// once their next message opens a new window; one kf/send_msg refuses for now (45009, an outage) is tried again
// after a pause. Outreach does not queue: outside the window it is refused (KfWindowClosedError) so delivery
// tries the person's next channel.
import type { AuditLog } from '../../conversation/ports.ts';
import type { MessageQueue, NewQueuedMessage } from '../tencent/message-queue-port.ts';
import { createQueuedSender, UnsendableError, type RouteOutcome } from '../tencent/queued-sender.ts';
import type { KfWindows } from '../tencent/tencent-ports.ts';
import type { KfApi } from './kf-api.ts';
import { KF_WINDOW } from './kf-capabilities.ts';

export { KF_WINDOW };
export const KF_QUEUE_CHANNEL = 'wecom-kf';

export class KfWindowClosedError extends Error {}

export interface KfReplySenderDeps {
  api: Pick<KfApi, 'sendText'>;
  windows: KfWindows;
  queue: MessageQueue;
  audit: AuditLog;
  now: () => Date;
  logger: { warn(obj: object, msg?: string): void };
  retryBackoffMs?: readonly number[];
}

function splitCustomer(customer: string): { openKfId: string; externalUserId: string } | null {
  const [openKfId, externalUserId, extra] = customer.split('|');
  return openKfId && externalUserId && extra === undefined ? { openKfId, externalUserId } : null;
}

export function createKfReplySender(deps: KfReplySenderDeps) {
  /** When the customer's current window opened, if it is still open at `now`. */
  async function openWindow(customer: string): Promise<Date | null> {
    const openedAt = (await deps.windows.get(customer))?.windowOpenedAt ?? null;
    return openedAt !== null && deps.now().getTime() - openedAt.getTime() < KF_WINDOW.ms ? openedAt : null;
  }

  async function route(customer: string, text: string): Promise<RouteOutcome> {
    const to = splitCustomer(customer);
    if (!to) throw new UnsendableError('not a kf customer id');
    const openedAt = await openWindow(customer);
    if (!openedAt) return { wait: 'outside_window' };
    if (!(await deps.windows.take(customer, openedAt, KF_WINDOW.budget))) return { wait: 'budget_used' };
    return { sent: await deps.api.sendText(to.openKfId, to.externalUserId, text) };
  }

  const queued = createQueuedSender({
    channel: KF_QUEUE_CHANNEL, queue: deps.queue, route, now: deps.now, logger: deps.logger,
    ...(deps.retryBackoffMs ? { retryBackoffMs: deps.retryBackoffMs } : {}),
    record: (customer, event, details) =>
      deps.audit.record({ actor: 'channel:wecom-kf', action: `wecom_kf.reply_${event}`, subjectType: 'wecom_kf_customer', subjectId: customer, details }),
  });

  return {
    flush: queued.flush,
    retryDue: queued.retryDue,
    startRetrying: queued.startRetrying,
    idle: queued.idle,

    /** Replies of a turn (or a caseworker's): queued in order, then sent as far as the window allows. */
    reply: (customer: string, messages: readonly NewQueuedMessage[]) => queued.send(customer, messages),

    /** One outreach text now, if the window has a slot and nothing waits before it; KfWindowClosedError otherwise. */
    async sendNow(customer: string, text: string): Promise<string> {
      const to = splitCustomer(customer);
      const openedAt = to ? await openWindow(customer) : null;
      if (!to || !openedAt || (await queued.waiting(customer)) || !(await deps.windows.take(customer, openedAt, KF_WINDOW.budget))) {
        throw new KfWindowClosedError('wecom-kf: outside the 48-hour window or its 5 messages');
      }
      return deps.api.sendText(to.openKfId, to.externalUserId, text);
    },
  };
}

export type KfReplySender = ReturnType<typeof createKfReplySender>;
