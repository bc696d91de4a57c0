// Web chat as an outbound channel (the same port SMS implements): a message for a person appended to their
// Direct Line stream, which their browser picks up on its next poll. The address is the conversation id.
import type { OutboundChannel } from '../../conversation/ports.ts';
import type { WebchatStore } from './webchat-store-port.ts';
import { WEBCHAT_CHANNEL_ID, WEBCHAT_SERVICE_URL } from './webchat-adapter.ts';

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
        const choices = message.choices ?? [];
        // Buttons as the engine's own replies carry them (bot-bridge toActivity); the idempotency key makes a resend a no-op.
        const stored = await store.appendActivity(conversationId, {
          type: 'message', text: message.text, textFormat: 'plain', channelId: WEBCHAT_CHANNEL_ID, serviceUrl: WEBCHAT_SERVICE_URL,
          from: { ...bot, role: 'bot' }, conversation: { id: conversationId }, timestamp: new Date().toISOString(),
          ...(message.locale ? { locale: message.locale } : {}),
          ...(choices.length > 0 ? { suggestedActions: { to: [], actions: choices.map((c) => ({ type: 'imBack', title: c.title, value: c.title, channelData: { value: c.value } })) } } : {}),
        }, message.idempotencyKey);
        return { ok: true, providerMessageId: stored.activity.id };
      } catch {
        return { ok: false, retryable: true, code: 'store_unavailable' };
      }
    },
  };
}
