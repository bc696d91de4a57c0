// Flood limits for the public front door: per IP and per conversation on Direct Line (tokens, posts,
// polls), answered with 429 + Retry-After and a Chinese-first text. Applied as one middleware in front
// of the Direct Line router; the caseworker login has its own guard (login-guard.ts).
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import type { AppConfig } from '../config/app-config.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { RateLimitStore } from './rate-limit-store-port.ts';
import { createLoginGuard, type LoginGuard } from './login-guard.ts';
import { refuse, retryAfterSeconds } from './retry-after.ts';

export interface RateLimitSettings {
  tokensPerIp: number;
  tokensPerConversation: number;
  postsPerIp: number;
  postsPerConversation: number;
  pollsPerIp: number;
  pollsPerConversation: number;
  loginsPerIp: number;
  /** Public pages opened from a link (the Official Account's 订阅通知 page), per IP per minute. */
  pagesPerIp: number;
  loginLockoutFailures: number;
  loginLockoutSeconds: number;
  loginLockoutMaxSeconds: number;
}

/** What a refused caller reads: Chinese first, then English, with the wait in seconds. */
export interface LimitTexts {
  tooManyRequests(seconds: number): string;
  loginLocked(seconds: number): string;
}

export interface HttpRateLimits {
  /** Mount in front of the Direct Line router: `app.use('/v3/directline', limits.directline, router)`. */
  directline: RequestHandler;
  login: LoginGuard;
  /** In front of a public page's route (429 page text, Chinese first). */
  pages: RequestHandler;
}

export function rateLimitSettingsOf(config: AppConfig): RateLimitSettings {
  return {
    tokensPerIp: config.LIMIT_WEBCHAT_TOKENS_PER_IP,
    tokensPerConversation: config.LIMIT_WEBCHAT_TOKENS_PER_CONVERSATION,
    postsPerIp: config.LIMIT_WEBCHAT_POSTS_PER_IP,
    postsPerConversation: config.LIMIT_WEBCHAT_POSTS_PER_CONVERSATION,
    pollsPerIp: config.LIMIT_WEBCHAT_POLLS_PER_IP,
    pollsPerConversation: config.LIMIT_WEBCHAT_POLLS_PER_CONVERSATION,
    loginsPerIp: config.LIMIT_LOGINS_PER_IP,
    pagesPerIp: config.LIMIT_PAGES_PER_IP,
    loginLockoutFailures: config.LOGIN_LOCKOUT_FAILURES,
    loginLockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
    loginLockoutMaxSeconds: config.LOGIN_LOCKOUT_MAX_SECONDS,
  };
}

export function limitTextsOf(localizer: Pick<Localizer, 't'>): LimitTexts {
  const both = (key: string, seconds: number) => `${localizer.t('zh-CN', key, { seconds })} ${localizer.t('en', key, { seconds })}`;
  return { tooManyRequests: (s) => both('limits.tooManyRequests', s), loginLocked: (s) => both('limits.loginLocked', s) };
}

const MINUTE = 60;

export async function createRateLimits(store: RateLimitStore, settings: RateLimitSettings, texts: LimitTexts): Promise<HttpRateLimits> {
  const perMinute = (name: string, points: number) => store.limiter({ name, points, durationSeconds: MINUTE });
  const buckets = {
    tokens: { ip: await perMinute('dl-tokens-ip', settings.tokensPerIp), conversation: await perMinute('dl-tokens-conv', settings.tokensPerConversation) },
    posts: { ip: await perMinute('dl-posts-ip', settings.postsPerIp), conversation: await perMinute('dl-posts-conv', settings.postsPerConversation) },
    polls: { ip: await perMinute('dl-polls-ip', settings.pollsPerIp), conversation: await perMinute('dl-polls-conv', settings.pollsPerConversation) },
  };
  const directline: RequestHandler = async (req, res, next) => {
    const { kind, conversationId } = classify(req);
    const bucket = buckets[kind];
    const wait = (await retryAfterSeconds(bucket.ip, clientKeyOf(req))) ?? (conversationId ? await retryAfterSeconds(bucket.conversation, conversationId) : undefined);
    if (wait === undefined) return next();
    refuse(res, wait);
    res.json({ error: { code: 'TooManyRequests', message: texts.tooManyRequests(wait) } });
  };
  const login = await createLoginGuard(store, settings, texts);
  const pageBucket = await perMinute('pages-ip', settings.pagesPerIp);
  const pages: RequestHandler = async (req, res, next) => {
    const wait = await retryAfterSeconds(pageBucket, clientKeyOf(req));
    if (wait === undefined) return next();
    refuse(res, wait);
    res.type('text/plain; charset=utf-8').send(texts.tooManyRequests(wait));
  };
  return { directline, login, pages };
}

/** The caller's address as express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export function clientKeyOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

type Kind = 'tokens' | 'posts' | 'polls';

function classify(req: Request): { kind: Kind; conversationId?: string } {
  if (req.method === 'POST' && req.path === '/tokens/generate') return { kind: 'tokens' };
  const fromToken = conversationInToken(req.get('authorization'));
  if (req.method === 'POST' && req.path === '/tokens/refresh') return { kind: 'tokens', conversationId: fromToken };
  const match = /^\/conversations\/([^/]{1,100})(\/activities)?\/?$/.exec(req.path);
  const conversationId = match?.[1] ?? fromToken;
  if (req.method === 'POST' && match?.[2]) return { kind: 'posts', conversationId };
  return { kind: 'polls', conversationId };
}

const claimsSchema = z.object({ conv: z.string().min(1).max(100) });

/** The conversation a bearer token names, read without checking the signature: only to pick a counter. */
function conversationInToken(header: string | undefined): string | undefined {
  const payload = /^Bearer\s+[^.\s]+\.([^.\s]+)\.\S+$/i.exec(header ?? '')?.[1];
  if (!payload) return undefined;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.conv : undefined;
  } catch {
    return undefined;
  }
}
