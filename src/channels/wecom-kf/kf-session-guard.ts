// Tencent lets kf/send_msg reach a customer only while their session is 0 (未处理) or 1 (智能助手); in 3 (人工接待)
// the servicer answers in the WeCom client. A caseworker's console reply to such a session is refused before any
// send (ReplyInWecomError), from the state our handover recorded, or kf/service_state/get when we know none.
import type { Activity } from 'botbuilder';
import { ReplyInWecomError } from '../../conversation/reply-in-wecom-error.ts';
import type { KfSessions } from '../tencent/tencent-ports.ts';
import { KF_SERVICE_STATE, type KfApi } from './kf-api.ts';

export interface KfSessionGuardDeps {
  sessions: Pick<KfSessions, 'get'>;
  api: Pick<KfApi, 'getServiceState'>;
  logger: { warn(obj: object, msg?: string): void };
}

/** A caseworker's reply carries their `from` (the outbound sender stamps it); the bot's and notices do not. */
const fromCaseworker = (activities: Partial<Activity>[]) => activities.some((a) => a.from?.id?.startsWith('caseworker:') === true);

export function createKfSessionGuard(deps: KfSessionGuardDeps) {
  async function stateOf(customer: string): Promise<number | null> {
    const recorded = await deps.sessions.get(customer);
    if (recorded) return recorded.state;
    const [openKfId, externalUserId] = customer.split('|');
    if (!openKfId || !externalUserId) return null;
    try {
      return (await deps.api.getServiceState(openKfId, externalUserId)).state;
    } catch (err) {
      // Unknown: the reply is tried as before, and fails as a send would.
      deps.logger.warn({ err }, 'wecom-kf session state unknown');
      return null;
    }
  }

  /** Throws ReplyInWecomError for a caseworker's reply to a 人工接待 session; the bot's replies and notices pass. */
  return async function guard(customer: string, activities: Partial<Activity>[]): Promise<void> {
    if (fromCaseworker(activities) && (await stateOf(customer)) === KF_SERVICE_STATE.human) {
      throw new ReplyInWecomError('wecom-kf: the session is with a servicer in the WeCom client');
    }
  };
}
