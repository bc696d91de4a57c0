// Sends a message to a person outside a turn (a caseworker's reply, a notice) through the channel of their
// stored ConversationReference. Implements the OutboundSender port; the console never sees a channel class.
import type { Activity, BotAdapter } from 'botbuilder';
import type { OutboundSender } from '../conversation/ports.ts';
import { ReplyInWecomError } from '../conversation/reply-in-wecom-error.ts';
import { readStoredReference } from './webchat/webchat-adapter.ts';

/** An adapter that can run a proactive turn (WebchatAdapter; later the WeChat and WeCom adapters). */
type ProactiveAdapter = Pick<BotAdapter, 'continueConversationAsync'>;

export class UnreachableChannelError extends Error {}

export function createOutboundSender(adapters: Readonly<Record<string, ProactiveAdapter>>): OutboundSender {
  return {
    async send(referenceJson, message) {
      const stored = readStoredReference(referenceJson);
      if (!stored.ok) throw new UnreachableChannelError(stored.problem);
      const { reference } = stored;
      const adapter = adapters[reference.channelId];
      if (!adapter) throw new UnreachableChannelError(`no adapter for channel ${reference.channelId}`);
      const activity: Partial<Activity> = { type: 'message', text: message.text, textFormat: 'plain' };
      // The adapter's turn-error handler would swallow a refusal; it reaches the caller instead, nothing sent.
      let refused: ReplyInWecomError | null = null;
      await adapter.continueConversationAsync('', reference, async (ctx) => {
        const from = message.from;
        // botbuilder stamps `from` with the bot's account; a caseworker's reply is shown under their own name.
        if (from) ctx.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) a.from = { id: from.id, name: from.name, role: 'bot' };
          return next();
        });
        try {
          await ctx.sendActivity(activity);
        } catch (err) {
          if (!(err instanceof ReplyInWecomError)) throw err;
          refused = err;
        }
      });
      if (refused) throw refused;
    },
  };
}
