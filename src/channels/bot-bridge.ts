// The one bridge between botbuilder and the engine: a TurnContext becomes an InboundTurn, the engine's
// replies go back as message activities with suggested-action buttons. Every channel adapter uses it.
import { ActionTypes, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { ConversationEngine } from '../conversation/conversation-engine.ts';
import type { InboundKind, InboundTurn, OutboundMessage } from '../conversation/turn-types.ts';

export interface BridgeOptions {
  /** Whether this channel renders suggested actions as buttons (Web Chat does; plain text channels do not). */
  buttons: boolean;
  /** Whether the channel re-runs a turn a crash interrupted (web chat's pending turns): see InboundTurn.resumable. */
  resumable?: boolean;
  /** The most buttons that fit the screen in one message; a longer list goes out as numbered lines. */
  maxButtons?: number;
}

export function createBotLogic(engine: ConversationEngine, options: BridgeOptions): (ctx: TurnContext) => Promise<void> {
  return async (ctx) => {
    const turn = { ...toInboundTurn(ctx.activity, options.buttons), ...(options.resumable ? { resumable: true } : {}), ...(options.maxButtons ? { maxButtons: options.maxButtons } : {}) };
    const replies = await engine.handle(turn);
    if (replies.length > 0) await ctx.sendActivities(replies.map((r) => toActivity(r)));
  };
}

export function toInboundTurn(activity: Activity, buttons: boolean): InboundTurn {
  const value = typeof activity.value === 'string' ? activity.value : undefined;
  return {
    channel: activity.channelId,
    conversationId: activity.conversation.id,
    userKey: activity.from.id,
    kind: kindOf(activity),
    text: typeof activity.text === 'string' ? activity.text : '',
    ...(value ? { value } : {}),
    ...(activity.id ? { activityId: activity.id } : {}),
    reference: JSON.stringify(TurnContext.getConversationReference(activity)),
    buttons,
    at: activity.timestamp instanceof Date ? activity.timestamp : new Date(),
  };
}

function kindOf(activity: Activity): InboundKind {
  if (activity.type === 'message') return 'message';
  if (activity.type === 'event' && activity.name === 'webchat/join') return 'join';
  if (activity.type === 'conversationUpdate') return 'join';
  return 'other';
}

/**
 * Bot text is plain text with its line breaks (never Markdown: the `*` of a masked number is not bold), and
 * carries the language it is in so the page can switch Web Chat's own labels to match.
 */
export function toActivity(message: OutboundMessage): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', text: message.text, textFormat: 'plain', locale: message.locale };
  if (message.choices.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: message.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.title, channelData: { value: c.value } })),
    };
  }
  return activity;
}
