// One inbound SMS: accepted once per provider id, mapped to the person with that number on file (keyed hash),
// fed to the conversation engine as channel `sms`, and answered by the generic notice template with a short link
// (an SMS carries no free text). A number nobody has on file, or several people share, is recorded and not answered.
import type { ConversationEngine } from '../../conversation/conversation-engine.ts';
import type { Localizer } from '../../conversation/localizer.ts';
import type { AuditLog, IdentityChallengeStore, OutboundChannel } from '../../conversation/ports.ts';
import { toLocale } from '../../conversation/locales.ts';
import { showsButtons } from '../channel-capabilities.ts';
import { SMS_CAPABILITIES } from './sms-capabilities.ts';
import type { SmsPhoneBook, SmsUplinkLog } from './sms-ports.ts';
import type { UplinkMessage } from './sms-uplink-payloads.ts';

export const SMS_SERVICE_URL = 'urn:jiuyebang:sms';

export interface SmsUplinkDeps {
  phoneBook: SmsPhoneBook;
  uplinks: SmsUplinkLog;
  identity: Pick<IdentityChallengeStore, 'linkAddress'>;
  engine: ConversationEngine;
  /** The SMS channel: the reply goes out through it (templates, per-number limits, short link). */
  sms: OutboundChannel;
  audit: AuditLog;
  localizer: Pick<Localizer, 't'>;
  clock: () => Date;
}

export type UplinkOutcome = 'duplicate' | 'unknown_number' | 'answered' | 'not_answered' | 'no_reply';

export async function receiveUplink(deps: SmsUplinkDeps, provider: string, message: UplinkMessage): Promise<UplinkOutcome> {
  const now = deps.clock();
  const people = await deps.phoneBook.peopleWithPhone(message.phone);
  const jobSeekerId = people.length === 1 ? (people[0] ?? null) : null;
  if (!(await deps.uplinks.accept({ provider, providerMessageId: message.providerMessageId, jobSeekerId, receivedAt: now }))) return 'duplicate';
  const address = deps.phoneBook.addressOf(message.phone);
  if (!jobSeekerId) {
    await deps.audit.record({ actor: 'sms', action: 'sms.uplinkUnknownNumber', subjectType: 'sms_uplink', subjectId: message.providerMessageId, details: { provider, address, onFile: people.length } });
    return 'unknown_number';
  }
  const reference = JSON.stringify({ user: { id: address, name: '', role: 'user' }, bot: { id: 'jiuyebang', name: '就业帮', role: 'bot' }, conversation: { id: address, name: '', isGroup: false }, channelId: deps.sms.channel, serviceUrl: SMS_SERVICE_URL });
  // The message came from the number on file: as strong a proof as a one-time code sent to it.
  await deps.identity.linkAddress({ jobSeekerId, channel: deps.sms.channel, userKey: address, conversationKey: `${deps.sms.channel}:${address}`, reference });
  const replies = await deps.engine.handle({
    channel: deps.sms.channel, conversationId: address, userKey: address, kind: 'message', text: message.text,
    activityId: `${provider}:${message.providerMessageId}`, reference, buttons: showsButtons(SMS_CAPABILITIES), at: now,
  });
  await deps.audit.record({ actor: 'sms', action: 'sms.uplinkReceived', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { provider, providerMessageId: message.providerMessageId, replies: replies.length } });
  if (replies.length === 0) return 'no_reply';
  const locale = toLocale(replies[0]?.locale ?? 'zh-CN');
  const topic = deps.localizer.t(locale, 'sms.topics.new_message');
  const sent = await deps.sms.send(message.phone, { text: replies.map((r) => r.text).join('\n'), locale, template: { kind: 'notice', notice: 'new_message', jobSeekerId, topic } });
  await deps.audit.record({
    actor: 'sms', action: sent.ok ? 'sms.replySent' : 'sms.replyNotSent', subjectType: 'job_seeker', subjectId: jobSeekerId,
    details: sent.ok ? { provider, providerMessageId: sent.providerMessageId } : { provider, code: sent.code, retryable: sent.retryable },
  });
  return sent.ok ? 'answered' : 'not_answered';
}
