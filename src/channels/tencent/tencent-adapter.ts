// The common botbuilder BotAdapter of the Tencent channels: an inbound callback runs the turn logic in a
// TurnContext; outgoing message activities go to `deliver` (the channel's send API); proactive turns start
// from a stored ConversationReference (ProactiveAdapter). Typing and trace are dropped. Each batch of an inbound
// turn's replies is named (the activity id and the batch's number), so a turn run again after a crash can be
// recognised by a channel that queues its replies.
import { TurnContext } from 'botbuilder';
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import { ProactiveAdapter, type TurnLogic } from '../proactive-adapter.ts';
import type { NewQueuedMessage } from './message-queue-port.ts';

export type { TurnLogic };

export interface TencentAdapterOptions {
  channelId: string;
  bot: { id: string; name: string };
  logger: { error(obj: object, msg?: string): void };
  /** Sent when the turn logic throws (the person is never left in silence). */
  apologyText: string;
}

export abstract class TencentAdapter extends ProactiveAdapter {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly bot: { id: string; name: string; role: 'bot' };

  constructor(options: TencentAdapterOptions) {
    super();
    this.channelId = options.channelId;
    this.serviceUrl = `urn:jiuyebang:${options.channelId}`;
    this.bot = { ...options.bot, role: 'bot' };
    this.onTurnError = async (ctx, error) => {
      options.logger.error({ err: error, channel: this.channelId }, 'channel turn failed');
      await ctx.sendActivity({ type: 'message', text: options.apologyText }).catch(() => undefined);
    };
  }

  /**
   * Sends the message activities of one `sendActivities` batch to the person (`to` = their channel user id);
   * `batchKey` names the batch within an inbound turn (none in a proactive turn).
   */
  protected abstract deliver(to: string, activities: Partial<Activity>[], batchKey?: string): Promise<string[]>;

  /** Runs one inbound activity from `userId` (conversation = the user: these channels are one-to-one). */
  async processActivity(userId: string, activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    const full: Partial<Activity> = {
      timestamp: new Date(),
      channelId: this.channelId,
      serviceUrl: this.serviceUrl,
      recipient: this.bot,
      from: { id: userId, name: '' },
      conversation: { id: userId, name: '', isGroup: false, conversationType: 'personal' },
      ...activity,
    };
    await this.runMiddleware(new TurnContext(this, full), logic);
  }

  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const messages = activities.filter((a) => a.type === 'message' || a.type === undefined);
    const to = messages[0]?.recipient?.id ?? messages[0]?.conversation?.id;
    const ids = messages.length > 0 && to ? await this.deliver(to, messages, batchKeyOf(ctx)) : [];
    let next = 0;
    return activities.map((a) => (messages.includes(a) ? { id: ids[next++] ?? '' } : { id: '' }));
  }

  /** The reference a proactive send to `userId` starts from (what the engine stores after a turn). */
  referenceFor(userId: string): Partial<ConversationReference> {
    return { channelId: this.channelId, serviceUrl: this.serviceUrl, bot: this.bot, user: { id: userId, name: '' }, conversation: { id: userId, name: '', isGroup: false, conversationType: 'personal' } };
  }
}

const BATCHES = Symbol('tencent-adapter.batches');

/** `<inbound activity id>#<batch number>` within an inbound turn; none for a proactive one (its id is an old message's). */
function batchKeyOf(ctx: TurnContext): string | undefined {
  const { id, type } = ctx.activity;
  if (!id || type === 'event') return undefined;
  const seen: unknown = ctx.turnState.get(BATCHES);
  const batch = typeof seen === 'number' ? seen : 0;
  ctx.turnState.set(BATCHES, batch + 1);
  return `${id}#${batch}`;
}

/** A batch's parts as messages to queue, each keyed by the batch and its place in it when the batch has a key. */
export function keyedParts(parts: readonly string[], batchKey: string | undefined): NewQueuedMessage[] {
  return parts.map((text, i) => (batchKey ? { text, dedupeKey: `${batchKey}.${i}` } : { text }));
}
