// What a servicer writes to a 微信客服 customer in the WeCom client (kf/sync_msg origin 5) goes into the person's
// transcript as the caseworker's message (under their console account when the WeCom userid is linked) and into
// the audit, once per msgid. It never runs the bot engine: a human is answering.
import type { AuditLog, TranscriptLog } from '../../conversation/ports.ts';
import type { WecomMembers } from '../tencent/tencent-ports.ts';
import { WECOM_KF_CHANNEL_ID } from './wecom-kf-adapter.ts';

export interface KfServicerMessage {
  msgid: string;
  /** `<openKfId>|<externalUserId>` */
  customer: string;
  servicerUserId: string | null;
  msgtype: string;
  /** The text, or '' for another kind of message (image, file, ...). */
  text: string;
}

export interface KfServicerLogDeps {
  transcript: Pick<TranscriptLog, 'append'>;
  members: Pick<WecomMembers, 'find'>;
  audit: AuditLog;
}

/** The longest servicer text kept (as for a customer's message). */
const MAX_TEXT_CHARS = 2000;

export function createKfServicerLog(deps: KfServicerLogDeps) {
  return async function recordServicerMessage(m: KfServicerMessage): Promise<boolean> {
    const worker = m.servicerUserId ? await deps.members.find(m.servicerUserId) : null;
    // The console shows `caseworker:` senders as staff; an unlinked servicer is named by their WeCom userid.
    const sender = worker ? `caseworker:${worker.username}` : `caseworker:wecom:${m.servicerUserId ?? ''}`;
    const text = m.text.slice(0, MAX_TEXT_CHARS);
    const fresh = await deps.transcript.append({ conversationKey: `${WECOM_KF_CHANNEL_ID}:${m.customer}`, direction: 'out', activityId: `wecom-kf:${m.msgid}`, sender, text });
    if (!fresh) return false;
    await deps.audit.record({
      actor: worker ? `caseworker:${worker.username}` : 'channel:wecom-kf', action: 'wecom_kf.servicer_message', subjectType: 'wecom_kf_customer', subjectId: m.customer,
      details: { msgid: m.msgid, servicer: m.servicerUserId, caseworkerId: worker?.id ?? null, msgtype: m.msgtype, text },
    });
    return true;
  };
}
