// /s/<token>: an SMS short link opens web chat linked to the person it was sent to. GET shows a confirm page
// (link previews only GET); the button's POST uses the link once, creates a web chat conversation, links it to
// the person (the link reached the phone on file, as a one-time code does), audits it, and sends the browser to
// the chat page with the conversation's token in the fragment (never sent to a server or in a Referer).
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Request, Response, Router } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AuditLog, IdentityChallengeStore } from '../../conversation/ports.ts';
import type { Localizer } from '../../conversation/localizer.ts';
import { cspNonceOf } from '../../http/security-headers.ts';
import { limitPerAddress } from '../../http/retry-after.ts';
import type { ShortLinkStore } from '../sms/sms-ports.ts';
import { DirectlineToken } from './directline-token.ts';
import { renderShortLinkPage, type LinkPageKind } from './short-link-page.ts';
import { WEBCHAT_CHANNEL_ID, WEBCHAT_SERVICE_URL } from './webchat-adapter.ts';
import type { WebchatStore } from './webchat-store-port.ts';

export interface ShortLinkRouterDeps {
  links: ShortLinkStore;
  store: Pick<WebchatStore, 'createConversation' | 'appendActivity'>;
  identity: Pick<IdentityChallengeStore, 'linkAddress'>;
  audit: AuditLog;
  localizer: Pick<Localizer, 't'>;
  tokenSecret: string;
  tokenLifetimeSeconds: number;
  /** Per-IP limit on opening links (GET and POST); absent: unlimited. */
  limiter?: RateLimiterAbstract;
  clock: () => Date;
  bot?: { id: string; name: string };
}

/** A token as issued: 16 random bytes in base64url. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function createShortLinkRouter(deps: ShortLinkRouterDeps): Router {
  // Minted on the same (real) clock the Direct Line router checks tokens on.
  const tokens = new DirectlineToken(deps.tokenSecret, deps.tokenLifetimeSeconds);
  const bot = { ...(deps.bot ?? { id: 'jiuyebang', name: '就业帮' }), role: 'bot' };
  const router = express.Router();
  router.use(limitPerAddress(deps.limiter, (res, wait) => {
    res.type('text/plain; charset=utf-8').send(`${deps.localizer.t('zh-CN', 'limits.tooManyRequests', { seconds: wait })} ${deps.localizer.t('en', 'limits.tooManyRequests', { seconds: wait })}`);
  }));

  const page = (res: Response, status: number, kind: LinkPageKind, action?: string) => {
    res.status(status).type('text/html; charset=utf-8').send(renderShortLinkPage(deps.localizer, kind, { nonce: cspNonceOf(res), ...(action ? { action } : {}) }));
  };
  const refused = (res: Response, reason: 'unknown' | 'expired' | 'used') => page(res, reason === 'unknown' ? 404 : 410, reason);
  const tokenOf = (req: Request): string | null => {
    const token = req.params.token;
    return typeof token === 'string' && TOKEN.test(token) ? token : null;
  };

  router.get('/:token', async (req, res) => {
    const token = tokenOf(req);
    if (!token) return refused(res, 'unknown');
    const found = await deps.links.peek(token, deps.clock());
    if (!found.ok) return refused(res, found.reason);
    page(res, 200, 'confirm', `/s/${token}`);
  });

  router.post('/:token', async (req, res) => {
    const token = tokenOf(req);
    if (!token) return refused(res, 'unknown');
    const now = deps.clock();
    const used = await deps.links.use(token, now);
    if (!used.ok) return refused(res, used.reason);
    const conversationId = randomUUID();
    const userId = `web-${randomUUID()}`;
    await deps.store.createConversation(conversationId, userId);
    const reference = { user: { id: userId, name: '', role: 'user' }, bot, conversation: { id: conversationId, name: '', isGroup: false }, channelId: WEBCHAT_CHANNEL_ID, serviceUrl: WEBCHAT_SERVICE_URL };
    await deps.identity.linkAddress({ jobSeekerId: used.jobSeekerId, channel: WEBCHAT_CHANNEL_ID, userKey: userId, conversationKey: `${WEBCHAT_CHANNEL_ID}:${conversationId}`, reference: JSON.stringify(reference) });
    await deps.audit.record({ actor: 'sms', action: 'sms.shortLinkUsed', subjectType: 'job_seeker', subjectId: used.jobSeekerId, details: { linkId: used.linkId, conversationKey: `${WEBCHAT_CHANNEL_ID}:${conversationId}` } });
    const status = deps.localizer.t('zh-CN', 'menu.buttons.status');
    await deps.store.appendActivity(conversationId, {
      type: 'message', text: deps.localizer.t('zh-CN', 'sms.link.welcome'), textFormat: 'plain', locale: 'zh-CN', channelId: WEBCHAT_CHANNEL_ID, serviceUrl: WEBCHAT_SERVICE_URL,
      from: bot, conversation: { id: conversationId }, timestamp: now.toISOString(),
      suggestedActions: { to: [], actions: [{ type: 'imBack', title: status, value: status, channelData: { value: 'start:status' } }] },
    });
    res.redirect(303, `/#t=${tokens.sign(conversationId, userId, 0)}`);
  });
  return router;
}
