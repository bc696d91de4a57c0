// The one bridge between botbuilder and the engine: a TurnContext becomes an InboundTurn (told what the
// channel's capabilities allow), the engine's replies go back as message activities with suggested-action
// buttons, and an activity reads back as the reply the channel's renderer shapes. Every channel adapter uses it.
import { ActionTypes, TurnContext } from 'botbuilder';
import type { Activity, SuggestedActions } from 'botbuilder';
import { z } from 'zod';
import type { ConversationEngine } from '../conversation/conversation-engine.ts';
import type { Choice, InboundKind, InboundTurn, OutboundMessage } from '../conversation/turn-types.ts';
import { maxButtonsOf, showsButtons, type ChannelCapabilities } from './channel-capabilities.ts';
import type { ReplyToRender } from './render-for-channel.ts';

export interface BridgeOptions {
  /** The channel's declared capabilities: without buttons the engine words choices as numbered lines. */
  capabilities: Pick<ChannelCapabilities, 'buttons'>;
  /** Whether the channel re-runs a turn a crash interrupted (web chat's pending turns): see InboundTurn.resumable. */
  resumable?: boolean;
}

export function createBotLogic(engine: ConversationEngine, options: BridgeOptions): (ctx: TurnContext) => Promise<void> {
  const maxButtons = maxButtonsOf(options.capabilities);
  return async (ctx) => {
    const turn = { ...toInboundTurn(ctx.activity, showsButtons(options.capabilities)), ...(options.resumable ? { resumable: true } : {}), ...(maxButtons ? { maxButtons } : {}) };
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
  if (message.choices.length > 0) activity.suggestedActions = suggestedActionsOf(message.choices);
  return activity;
}

/** Choices as Web Chat buttons: pressing one posts its title, with the choice's value in channelData. */
export function suggestedActionsOf(choices: readonly Choice[]): SuggestedActions {
  return { to: [], actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.title, channelData: { value: c.value } })) };
}

const choiceValueSchema = z.object({ value: z.string() });

/** The reply a message activity carries (its text, and its buttons as choices), for a channel's renderer. */
export function replyOfActivity(activity: Partial<Activity>): ReplyToRender {
  const choices = (activity.suggestedActions?.actions ?? []).map((a) => {
    const data = choiceValueSchema.safeParse(a.channelData);
    return { title: a.title ?? String(a.value ?? ''), value: data.success ? data.data.value : String(a.value ?? '') };
  });
  return { text: activity.text ?? '', choices };
}
