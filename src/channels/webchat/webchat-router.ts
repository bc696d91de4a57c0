// A Direct Line 3.0 subset (polling, no streamUrl) as an express Router, mounted under `/v3/directline`.
// channels.md §2.1 lists what directlinejs and Web Chat call; every body is checked by zod.
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { WebchatStore } from './webchat-store-port.ts';
import { bearerTokenOf, DirectlineToken } from './directline-token.ts';
import type { TokenClaims } from './directline-token.ts';
import { directlineErrorHandler, sendDirectlineError } from './directline-errors.ts';
import { checkInboundActivity } from './inbound-activity.ts';
import { TurnQueue } from './turn-queue.ts';
import { refuseDeepJson } from '../../http/json-depth.ts';
import type { PendingTurnStore } from './pending-turn-port.ts';
import { PendingTurnRunner } from './pending-turn-runner.ts';
import type { StreamUrls } from './directline-stream.ts';
import { defaultTooLongText, oversizeMessageOf } from './oversize-message.ts';
import type { OversizeMessage } from './oversize-message.ts';
import { WEBCHAT_CHANNEL_ID, WEBCHAT_SERVICE_URL, WebchatAdapter } from './webchat-adapter.ts';
import type { TurnLogic, WebchatLogger } from './webchat-adapter.ts';

export interface WebchatRouterOptions {
  store: WebchatStore;
  /** The bot: called once per user message/event, one turn at a time per conversation. */
  logic: TurnLogic;
  /** HMAC secret for the HS256 tokens (at least 16 characters). */
  tokenSecret: string;
  logger?: WebchatLogger;
  /** Share one adapter with proactive delivery; made from `store` when absent. */
  adapter?: WebchatAdapter;
  tokenLifetimeSeconds?: number;
  /** How long after expiry `POST /tokens/refresh` still accepts a token, so a returning user resumes. */
  resumeWindowSeconds?: number;
  /** Per-conversation token generations: a token older than its conversation's generation is refused. */
  revocations?: { generationOf(conversationId: string): Promise<number> };
  /** Turns one conversation may have waiting before further posts get 429 (a stuck bot or a flood). */
  maxQueuedTurns?: number;
  /** Where an acknowledged message waits (sealed) until its turn has run. */
  pendingTurns: PendingTurnStore;
  /** How long an instance holds a turn it runs without renewing; a crashed instance's turns wait this long. */
  turnLeaseSeconds?: number;
  /** This process's name in turn leases (random by default). */
  instanceId?: string;
  clock?: () => Date;
  /** The WebSocket stream: when given, conversation start/reconnect answers carry its `streamUrl`. */
  stream?: StreamUrls;
  /** The bot's answer to a message over the length limit, in the person's language. */
  tooLongText?: (locale: string | undefined, length: number, max: number) => string;
}

export type WebchatRouter = Router & {
  adapter: WebchatAdapter;
  /** Runs acknowledged turns; `turns.sweep()` resumes those a crashed instance left (start-up, periodically). */
  turns: PendingTurnRunner;
  /** Resolves when every queued turn has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
};

const DEFAULT_RESUME_WINDOW_SECONDS = 7 * 24 * 3600;
const DEFAULT_TURN_LEASE_SECONDS = 30;
const watermarkSchema = z.union([z.literal(''), z.string().regex(/^\d{1,15}$/)]).optional();
const silentLogger: WebchatLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Builds the Direct Line router; `app.use('/v3/directline', createWebchatRouter(...))`. */
export function createWebchatRouter(options: WebchatRouterOptions): WebchatRouter {
  const { store, logic } = options;
  const logger = options.logger ?? silentLogger;
  const tokens = new DirectlineToken(options.tokenSecret, options.tokenLifetimeSeconds);
  const adapter = options.adapter ?? new WebchatAdapter({ store, logger });
  const resumeWindow = options.resumeWindowSeconds ?? DEFAULT_RESUME_WINDOW_SECONDS;
  const maxQueued = options.maxQueuedTurns ?? 20;
  const queue = new TurnQueue((conversationId, error) =>
    logger.error({ err: error, conversationId }, 'web chat turn could not be completed'),
  );
  const clock = options.clock ?? (() => new Date());
  const turns = new PendingTurnRunner({
    store: options.pendingTurns,
    adapter,
    logic,
    queue,
    owner: options.instanceId ?? `webchat-${randomUUID()}`,
    clock,
    leaseMs: (options.turnLeaseSeconds ?? DEFAULT_TURN_LEASE_SECONDS) * 1000,
    logger,
  });
  const router = express.Router();
  router.use(express.json({ limit: '100kb', verify: refuseDeepJson }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const generationOf = (conversationId: string) => options.revocations?.generationOf(conversationId) ?? Promise.resolve(0);
  const grant = (conversationId: string, userId: string, generation: number) => ({
    conversationId,
    token: tokens.sign(conversationId, userId, generation),
    expires_in: tokens.lifetime,
  });

  /**
   * Checks the bearer token (403) and that its conversation exists and is the one in the path (404: the
   * same answer whether another conversation exists or not), then that it was not revoked (403).
   */
  async function authorize(req: Request, res: Response, pathId?: string, graceSeconds = 0): Promise<TokenClaims | undefined> {
    const check = tokens.verify(bearerTokenOf(req.get('authorization')), graceSeconds);
    if (!check.ok) {
      const expired = check.reason === 'expired';
      sendDirectlineError(res, 403, expired ? 'TokenExpired' : 'BadToken', expired ? 'token has expired' : `token is ${check.reason}`);
      return undefined;
    }
    const id = check.claims.conversationId;
    if ((pathId !== undefined && pathId !== id) || !(await store.findConversation(id))) {
      sendDirectlineError(res, 404, 'NotFound', 'conversation not found');
      return undefined;
    }
    if (check.claims.generation < (await generationOf(id))) {
      sendDirectlineError(res, 403, 'TokenRevoked', 'token has been revoked');
      return undefined;
    }
    return check.claims;
  }

  router.post('/tokens/generate', async (_req, res) => {
    const conversationId = randomUUID();
    const userId = `web-${randomUUID()}`;
    await store.createConversation(conversationId, userId);
    logger.info({ conversationId }, 'web chat conversation created');
    res.json(grant(conversationId, userId, 0));
  });

  router.post('/tokens/refresh', async (req, res) => {
    const claims = await authorize(req, res, undefined, resumeWindow);
    if (claims) res.json(grant(claims.conversationId, claims.userId, claims.generation));
  });

  /** The client's own token back, and where to open the WebSocket stream (from `watermark` on a reconnect). */
  const connection = (req: Request, claims: TokenClaims, watermark?: string) => {
    const token = bearerTokenOf(req.get('authorization')) ?? '';
    // Behind a TLS proxy the page is https and needs wss; the header only shapes the URL this client is given.
    const protocol = req.get('x-forwarded-proto')?.split(',')[0]?.trim() || req.protocol;
    const streamUrl = options.stream?.streamUrlOf({ protocol, host: req.get('host') }, claims.conversationId, token, watermark);
    return { ...grant(claims.conversationId, claims.userId, claims.generation), token, ...(streamUrl ? { streamUrl } : {}) };
  };

  router.post('/conversations', async (req, res) => {
    const claims = await authorize(req, res);
    if (claims) res.status(201).json(connection(req, claims));
  });

  router.get('/conversations/:id', async (req, res) => {
    const watermark = watermarkSchema.safeParse(req.query.watermark);
    const claims = await authorize(req, res, req.params.id);
    if (claims) res.json(connection(req, claims, watermark.success ? watermark.data : undefined));
  });

  router.get('/conversations/:id/activities', async (req, res) => {
    const watermark = watermarkSchema.safeParse(req.query.watermark);
    if (!watermark.success) {
      sendDirectlineError(res, 400, 'BadArgument', 'watermark must be a number');
      return;
    }
    const claims = await authorize(req, res, req.params.id);
    if (!claims) return;
    const page = await store.listActivities(claims.conversationId, Number(watermark.data || 0));
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  router.post('/conversations/:id/activities', async (req, res) => {
    const claims = await authorize(req, res, req.params.id);
    if (!claims) return;
    const check = checkInboundActivity(req.body);
    const oversize = !check.ok && check.code === 'MessageTooLong' ? oversizeMessageOf(req.body) : undefined;
    if (oversize) {
      logger.warn({ conversationId: claims.conversationId, length: oversize.length }, 'web chat message over the length limit answered');
      res.json({ id: await answerOversize(claims, oversize) });
      return;
    }
    if (!check.ok) {
      logger.warn({ conversationId: claims.conversationId, code: check.code }, 'web chat activity refused');
      sendDirectlineError(res, check.status, check.code, check.message);
      return;
    }
    if (check.handling === 'bot' && queue.depth(claims.conversationId) >= maxQueued) {
      res.set('Retry-After', '2');
      sendDirectlineError(res, 429, 'TooManyRequests', '消息太多，请稍等片刻再发。Too many messages are waiting.');
      return;
    }
    if (check.handling === 'ephemeral') {
      res.json({ id: `${claims.conversationId}|${check.activity.type}` });
      return;
    }
    const timestamp = clock();
    // The sender is who the token names; a client-chosen display name is never shown or stored.
    const from = { id: claims.userId, name: '', role: 'user' };
    const conversation = { id: claims.conversationId, name: '', isGroup: false, conversationType: 'personal' };
    const envelope = { from, recipient: adapter.bot, conversation, channelId: WEBCHAT_CHANNEL_ID, serviceUrl: WEBCHAT_SERVICE_URL };
    const activity = { ...check.activity, ...envelope, timestamp: timestamp.toISOString() };
    // A bot turn is acknowledged only once it is recorded as pending: a crash after the 200 loses nothing.
    const stored =
      check.handling === 'bot'
        ? await turns.acknowledge(claims.conversationId, activity, check.clientActivityId)
        : await store.appendActivity(claims.conversationId, activity, check.clientActivityId);
    res.json({ id: stored.activity.id });
  });

  /** Keeps a shortened copy (Web Chat sees its message arrive, no "send failed") and answers with the limit. */
  async function answerOversize(claims: TokenClaims, oversize: OversizeMessage): Promise<string> {
    const conversation = { id: claims.conversationId, name: '', isGroup: false, conversationType: 'personal' };
    const user = { id: claims.userId, name: '', role: 'user' };
    const common = { conversation, channelId: WEBCHAT_CHANNEL_ID, serviceUrl: WEBCHAT_SERVICE_URL, timestamp: new Date().toISOString() };
    const stored = await store.appendActivity(claims.conversationId, { ...oversize.kept, ...common, from: user, recipient: adapter.bot }, oversize.clientActivityId);
    if (stored.duplicate) return stored.activity.id;
    const text = (options.tooLongText ?? defaultTooLongText)(oversize.locale, oversize.length, oversize.kept.channelData.tooLong.max);
    await store.appendActivity(claims.conversationId, { type: 'message', text, textFormat: 'plain', ...(oversize.locale ? { locale: oversize.locale } : {}), ...common, from: adapter.bot, recipient: user, replyToId: stored.activity.id });
    return stored.activity.id;
  }

  router.use((_req, res) => sendDirectlineError(res, 404, 'NotFound', 'no such Direct Line endpoint'));
  router.use(directlineErrorHandler(logger));
  return Object.assign(router, { adapter, turns, idle: () => queue.idle() });
}
