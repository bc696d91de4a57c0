// 微信客服 session state follows the console: when a caseworker who is a linked WeCom member claims a kf
// customer's 转人工 case, kf/service_state/trans moves the session to 3 (人工接待) with them as servicer; one without
// a WeCom userid leaves it at 1 (智能助手), recorded. On close a human session is ended (4): Tencent allows 3 → 3/4
// only, and the customer's next message opens a new session the bot answers. Every step is audited; a failure is
// retried once when the platform may take it later, then recorded, never thrown at the caseworker's action.
import type { CaseHandover, CaseHandoverEvent } from '../../caseworker/case-handover.ts';
import type { AuditLog } from '../../conversation/ports.ts';
import { TencentApiError } from '../tencent/tencent-api.ts';
import type { KfSessions, WecomMembers } from '../tencent/tencent-ports.ts';
import { readStoredReference } from '../webchat/webchat-adapter.ts';
import { KF_SERVICE_STATE, type KfApi } from './kf-api.ts';
import { WECOM_KF_CHANNEL_ID } from './wecom-kf-adapter.ts';

export interface KfHandoverDeps {
  api: Pick<KfApi, 'getServiceState' | 'transServiceState'>;
  members: Pick<WecomMembers, 'userIdOf'>;
  /** The state each change left, so a console reply knows without asking (null: a failed change, unknown). */
  sessions: Pick<KfSessions, 'set'>;
  audit: AuditLog;
}

function kfCustomerOf(reference: string): { customer: string; openKfId: string; externalUserId: string } | null {
  const stored = readStoredReference(reference);
  if (!stored.ok || stored.reference.channelId !== WECOM_KF_CHANNEL_ID) return null;
  const customer = stored.reference.conversation.id;
  const [openKfId, externalUserId, extra] = customer.split('|');
  return openKfId && externalUserId && extra === undefined ? { customer, openKfId, externalUserId } : null;
}

async function twice<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof TencentApiError && !err.retryable) throw err;
    return call();
  }
}

export function createKfHandover(deps: KfHandoverDeps): CaseHandover {
  const record = (customer: string, action: string, details: Record<string, unknown>) =>
    deps.audit.record({ actor: 'channel:wecom-kf', action, subjectType: 'wecom_kf_customer', subjectId: customer, details });

  async function attempt(event: CaseHandoverEvent, customer: string, step: () => Promise<Record<string, unknown>>): Promise<void> {
    try {
      await record(customer, 'wecom_kf.handover', { caseId: event.caseId, caseworkerId: event.caseworker.id, ...(await step()) });
    } catch (err) {
      await deps.sessions.set(customer, null, null);
      const errcode = err instanceof TencentApiError ? err.errcode : -1;
      await record(customer, 'wecom_kf.handover_failed', { caseId: event.caseId, caseworkerId: event.caseworker.id, errcode });
    }
  }

  return {
    async taken(event) {
      const kf = kfCustomerOf(event.reference);
      if (!kf) return;
      const servicer = await deps.members.userIdOf(event.caseworker.id);
      if (!servicer) {
        await deps.sessions.set(kf.customer, KF_SERVICE_STATE.assistant, null);
        await record(kf.customer, 'wecom_kf.handover', { caseId: event.caseId, caseworkerId: event.caseworker.id, serviceState: KF_SERVICE_STATE.assistant, changed: false, reason: 'caseworker_not_wecom_member' });
        return;
      }
      await attempt(event, kf.customer, async () => {
        await twice(() => deps.api.transServiceState(kf.openKfId, kf.externalUserId, KF_SERVICE_STATE.human, servicer));
        await deps.sessions.set(kf.customer, KF_SERVICE_STATE.human, servicer);
        return { serviceState: KF_SERVICE_STATE.human, servicer, changed: true };
      });
    },

    async released(event) {
      const kf = kfCustomerOf(event.reference);
      if (!kf) return;
      await attempt(event, kf.customer, async () => {
        const current = await twice(() => deps.api.getServiceState(kf.openKfId, kf.externalUserId));
        if (current.state !== KF_SERVICE_STATE.human) {
          await deps.sessions.set(kf.customer, current.state, current.servicerUserId);
          return { serviceState: current.state, changed: false };
        }
        await twice(() => deps.api.transServiceState(kf.openKfId, kf.externalUserId, KF_SERVICE_STATE.ended));
        await deps.sessions.set(kf.customer, KF_SERVICE_STATE.ended, null);
        return { serviceState: KF_SERVICE_STATE.ended, changed: true };
      });
    },
  };
}
