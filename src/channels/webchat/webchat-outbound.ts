// Web chat as an outbound channel (the same port SMS implements): a message for a person, shaped by the channel
// renderer, appended to their Direct Line stream, which their browser picks up on its next poll. The address is
// the conversation id.
import type { OutboundChannel } from '../../conversation/ports.ts';
import { suggestedActionsOf } from '../bot-bridge.ts';
import { renderForChannel } from '../render-for-channel.ts';
import type { WebchatStore } from './webchat-store-port.ts';
import { WEBCHAT_SERVICE_URL } from './webchat-adapter.ts';
import { WEBCHAT_CAPABILITIES, WEBCHAT_CHANNEL_ID } from './webchat-capabilities.ts';

export function createWebchatOutbound(store: Pick<WebchatStore, 'appendActivity' | 'findConversation'>, bot = { id: 'jiuyebang', name: '就业帮' }): OutboundChannel {
  return {
    channel: WEBCHAT_CHANNEL_ID,
    // appendActivity keeps one activity per idempotency key: a resend after a crash is not shown again.
    deduplicates: true,
    // A browser picks a message up whenever it next polls: always reachable while the conversation exists.
    async reachability(conversationId) {
      return (await store.findConversation(conversationId)) ? { canSendNow: true, reason: 'always' } : { canSendNow: false, reason: 'unknown_address' };
    },
    async send(conversationId, message) {
      if (!(await store.findConversation(conversationId))) return { ok: false, retryable: false, code: 'unknown_conversation' };
      try {
        let id = '';
        const parts = renderForChannel([message], WEBCHAT_CAPABILITIES);
        for (const [i, part] of parts.entries()) {
          // Buttons as the engine's own replies carry them (bot-bridge toActivity); each part's idempotency key makes a resend a no-op.
          const key = message.idempotencyKey === undefined || i === 0 ? message.idempotencyKey : `${message.idempotencyKey}#${i}`;
          const stored = await store.appendActivity(conversationId, {
            type: 'message', text: part.text, textFormat: 'plain', channelId: WEBCHAT_CHANNEL_ID, serviceUrl: WEBCHAT_SERVICE_URL,
            from: { ...bot, role: 'bot' }, conversation: { id: conversationId }, timestamp: new Date().toISOString(),
            ...(message.locale ? { locale: message.locale } : {}),
            ...(part.choices.length > 0 ? { suggestedActions: suggestedActionsOf(part.choices) } : {}),
          }, key);
          id = stored.activity.id;
        }
        return { ok: true, providerMessageId: id };
      } catch {
        return { ok: false, retryable: true, code: 'store_unavailable' };
      }
    },
  };
}
