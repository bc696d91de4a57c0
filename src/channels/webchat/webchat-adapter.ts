// The web chat channel as a botbuilder BotAdapter: inbound activities run the bot logic in a TurnContext,
// outbound activities are appended to the Direct Line stream in the database (the browser polls it).
import { BotAdapter, TurnContext } from 'botbuilder';
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import { z } from 'zod';
import type { WebchatStore } from './webchat-store-port.ts';

export type TurnLogic = (ctx: TurnContext) => Promise<void>;

/** botframework-connector's ClaimsIdentity, taken from the base signature (the last overload). */
type ClaimsIdentity = Parameters<BotAdapter['continueConversationAsync']>[0];

/** The logger calls the channel makes (pino's Logger fits). */
export interface WebchatLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WebchatAdapterOptions {
  store: Pick<WebchatStore, 'appendActivity'>;
  logger?: WebchatLogger;
  /** The bot's account in the stream (from of replies, recipient of user activities). */
  bot?: { id: string; name: string };
  /** Sent to the user when the bot logic throws during a turn. */
  apologyText?: string;
}

export const WEBCHAT_CHANNEL_ID = 'webchat';
export const WEBCHAT_SERVICE_URL = 'urn:jiuyebang:webchat';
export const DEFAULT_APOLOGY_TEXT = '抱歉，系统刚才出了点问题，请稍后再试一次。';
const MAX_DELAY_MS = 5000;
/**
 * Stores a turn's first batch of replies and marks the turn done, in one transaction; returns their ids, or
 * null when this instance no longer holds the turn (its replies are then dropped, never shown twice).
 */
export type ReplyCommit = (replies: Record<string, unknown>[]) => Promise<string[] | null>;

/** Thrown into the turn when its replies were dropped because another instance holds the turn. */
export class TurnNoLongerHeldError extends Error {}

const jsonObject = z.record(z.string(), z.unknown());
const silentLogger: WebchatLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * A ConversationReference as stored (JSON): parse it with this before `continueConversationAsync`.
 * channels.md §1.2: user, bot, conversation, channelId, serviceUrl are what a proactive send needs.
 */
export const conversationReferenceSchema = z.object({
  activityId: z.string().optional(),
  user: z.object({ id: z.string(), name: z.string().optional().default(''), role: z.string().optional() }),
  bot: z.object({ id: z.string(), name: z.string().optional().default(''), role: z.string().optional() }),
  conversation: z.object({ id: z.string(), name: z.string().optional().default(''), isGroup: z.boolean().optional().default(false) })
    .transform((c) => ({ ...c, conversationType: 'personal' })),
  channelId: z.string(),
  serviceUrl: z.string(),
  locale: z.string().optional(),
});

export class WebchatAdapter extends BotAdapter {
  readonly bot: { id: string; name: string; role: 'bot' };
  private readonly store: WebchatAdapterOptions['store'];
  private readonly logger: WebchatLogger;
  /** The ReplyCommit of each durable turn still waiting for its first replies. */
  private readonly commits = new WeakMap<TurnContext, ReplyCommit>();

  constructor(options: WebchatAdapterOptions) {
    super();
    this.store = options.store;
    this.logger = options.logger ?? silentLogger;
    this.bot = { ...(options.bot ?? { id: 'jiuyebang', name: '就业帮' }), role: 'bot' };
    const apology = options.apologyText ?? DEFAULT_APOLOGY_TEXT;
    this.onTurnError = async (ctx, error) => {
      if (error instanceof TurnNoLongerHeldError) {
        this.logger.warn({ conversationId: ctx.activity.conversation?.id }, 'web chat turn taken over by another instance; its replies were dropped');
        return;
      }
      this.logger.error({ err: error, conversationId: ctx.activity.conversation?.id }, 'web chat turn failed');
      await ctx.sendActivity({ type: 'message', text: apology });
    };
  }

  /**
   * Runs one inbound activity (already stored in the stream) through middleware and `logic`. With `commit`,
   * the turn's first replies are stored by it (together with the turn's completion) instead of appended.
   */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic, commit?: ReplyCommit): Promise<void> {
    const full: Partial<Activity> = {
      timestamp: new Date(),
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl: WEBCHAT_SERVICE_URL,
      recipient: this.bot,
      ...activity,
    };
    const ctx = new TurnContext(this, full);
    if (commit) this.commits.set(ctx, commit);
    await this.runMiddleware(ctx, logic);
  }

  /** Appends each outgoing activity to the stream; typing and trace are not kept, delay waits. */
  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const commit = this.commits.get(ctx);
    if (commit) {
      this.commits.delete(ctx);
      return this.commitReplies(activities, commit);
    }
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await sleep(Math.min(Number(activity.value ?? 1000) || 0, MAX_DELAY_MS));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === 'trace' || activity.type === 'typing') {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id;
      if (!conversationId) throw new Error('web chat: outgoing activity has no conversation id');
      const stored = await this.store.appendActivity(conversationId, toStoredJson(activity));
      responses.push({ id: stored.activity.id });
    }
    return responses;
  }

  /** The first batch of a durable turn: kept replies go through `commit` in one transaction, in order. */
  private async commitReplies(activities: Partial<Activity>[], commit: ReplyCommit): Promise<ResourceResponse[]> {
    const kept = activities.filter((a) => a.type !== 'delay' && a.type !== 'trace' && a.type !== 'typing');
    const ids = await commit(kept.map(toStoredJson));
    if (ids === null) throw new TurnNoLongerHeldError('web chat: the turn is held by another instance');
    let next = 0;
    return activities.map((a) => (kept.includes(a) ? { id: ids[next++] ?? '' } : { id: '' }));
  }

  async updateActivity(): Promise<void> {
    throw new Error('web chat: updating a sent activity is not supported');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('web chat: deleting a sent activity is not supported');
  }

  /** Proactive turn from a stored reference (channels.md §1.2): replies go to the referenced conversation. */
  async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const event = TurnContext.applyConversationReference(
      { type: 'event', name: 'ContinueConversation', timestamp: new Date() },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, event), logic);
  }

  /** The base class throws NotImplemented; app id / claims mean nothing without Azure, so they are ignored. */
  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error('web chat: continueConversationAsync needs a logic callback');
    await this.continueConversation(reference, logic);
  }
}

/** Plain JSON of an activity as the stream keeps it (dates as ISO strings, undefined dropped, no id). */
function toStoredJson(activity: Partial<Activity>): Record<string, unknown> {
  const json = jsonObject.parse(JSON.parse(JSON.stringify({ ...activity, timestamp: new Date() })));
  delete json.id;
  return json;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
