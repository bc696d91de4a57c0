// The web chat channel as a botbuilder BotAdapter: inbound activities run the bot logic in a TurnContext,
// outbound activities, shaped by the channel renderer, are appended to the Direct Line stream in the database
// (the browser polls it).
import { TurnContext } from 'botbuilder';
import type { Activity, ResourceResponse } from 'botbuilder';
import { z } from 'zod';
import type { WebchatStore } from './webchat-store-port.ts';
import { ProactiveAdapter, type TurnLogic } from '../proactive-adapter.ts';
import { replyOfActivity, suggestedActionsOf } from '../bot-bridge.ts';
import { renderForChannel } from '../render-for-channel.ts';
import { WEBCHAT_CAPABILITIES, WEBCHAT_CHANNEL_ID } from './webchat-capabilities.ts';

export type { TurnLogic };

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
  /** Told when a durable turn's replies were stored, so open streams read them at once. */
  onStored?: (conversationId: string) => void;
}

export { WEBCHAT_CHANNEL_ID };
export const WEBCHAT_SERVICE_URL = 'urn:jiuyebang:webchat';
export const DEFAULT_APOLOGY_TEXT = '抱歉，系统刚才出了点问题，请稍后再试一次。';
const MAX_DELAY_MS = 5000;
/**
 * Where a durable turn's replies go. `first` stores the first batch and marks the turn done, in one
 * transaction; it returns their ids, or null when this instance no longer holds the turn (the replies are then
 * dropped, never shown twice). `more` stores later batches (an apology after a failure), numbered on from
 * `firstOrdinal`; each reply has a key (turn + place), so none is ever stored twice.
 */
export interface DurableReplies {
  first(replies: Record<string, unknown>[]): Promise<string[] | null>;
  more(replies: Record<string, unknown>[], firstOrdinal: number): Promise<string[]>;
}

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

export type StoredReference = z.infer<typeof conversationReferenceSchema>;

/** A stored ConversationReference read back: the reference, or why it cannot be used. */
export function readStoredReference(json: string): { ok: true; reference: StoredReference } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'stored conversation reference is not JSON' };
  }
  const parsed = conversationReferenceSchema.safeParse(raw);
  return parsed.success ? { ok: true, reference: parsed.data } : { ok: false, problem: 'stored conversation reference is incomplete' };
}

export class WebchatAdapter extends ProactiveAdapter {
  readonly bot: { id: string; name: string; role: 'bot' };
  private readonly store: WebchatAdapterOptions['store'];
  private readonly logger: WebchatLogger;
  /** Each durable turn's reply store, and how many replies it has stored (null: none yet). */
  private readonly durable = new WeakMap<TurnContext, { replies: DurableReplies; stored: number | null }>();
  private readonly onStored: (conversationId: string) => void;

  constructor(options: WebchatAdapterOptions) {
    super();
    this.store = options.store;
    this.logger = options.logger ?? silentLogger;
    this.onStored = options.onStored ?? (() => {});
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
   * Runs one inbound activity (already stored in the stream) through middleware and `logic`. With `durable`,
   * the turn's replies are stored through it (the first batch with the turn's completion) instead of appended.
   */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic, durable?: DurableReplies): Promise<void> {
    const full: Partial<Activity> = {
      timestamp: new Date(),
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl: WEBCHAT_SERVICE_URL,
      recipient: this.bot,
      ...activity,
    };
    const ctx = new TurnContext(this, full);
    if (durable) this.durable.set(ctx, { replies: durable, stored: null });
    await this.runMiddleware(ctx, logic);
  }

  /** Appends each outgoing activity to the stream; typing and trace are not kept, delay waits. */
  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const turn = this.durable.get(ctx);
    if (turn) return this.storeDurable(ctx, turn, activities);
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
      let id = '';
      for (const part of renderedActivities(activity)) id = (await this.store.appendActivity(conversationId, toStoredJson(part))).activity.id;
      responses.push({ id });
    }
    return responses;
  }

  /** A durable turn's replies, in order: the first batch with the turn's completion, later ones by key. */
  private async storeDurable(ctx: TurnContext, turn: { replies: DurableReplies; stored: number | null }, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const kept = activities.filter((a) => a.type !== 'delay' && a.type !== 'trace' && a.type !== 'typing');
    // Each kept activity's parts, in order; the activity's id is its last part's.
    const parts = kept.map((a) => renderedActivities(a).map(toStoredJson));
    const ids = turn.stored === null ? await turn.replies.first(parts.flat()) : await turn.replies.more(parts.flat(), turn.stored);
    if (ids === null) throw new TurnNoLongerHeldError('web chat: the turn is held by another instance');
    turn.stored = (turn.stored ?? 0) + parts.flat().length;
    const conversationId = ctx.activity.conversation?.id;
    if (conversationId && kept.length > 0) this.onStored(conversationId);
    let end = 0;
    const lastIds = parts.map((p) => ids[(end += p.length) - 1] ?? '');
    return activities.map((a) => ({ id: lastIds[kept.indexOf(a)] ?? '' }));
  }
}

/** A message activity as web chat shows it (plain text, split at sentence ends, buttons on the last part); others as they are. */
export function renderedActivities(activity: Partial<Activity>): Partial<Activity>[] {
  if (activity.type !== 'message') return [activity];
  const parts = renderForChannel([replyOfActivity(activity)], WEBCHAT_CAPABILITIES);
  if (parts.length === 0) return [activity];
  const { suggestedActions: _offered, ...rest } = activity;
  return parts.map((p) => ({ ...rest, text: p.text, ...(p.choices.length > 0 ? { suggestedActions: suggestedActionsOf(p.choices) } : {}) }));
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
