// GET /channels/wechat-oa/subscribe?t=<token>: the page a registration's invitation links to, carrying WeChat's
// official 订阅通知 button (the JS-SDK open tag <wx-open-subscribe>) under a wx.config signed on the server
// with the account's jsapi_ticket. Outside WeChat it says to open it in WeChat; a bad or expired link gets a
// plain page saying so, and a ticket WeChat will not give a "try later" page, never a 500.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { createStaticAsset } from '../../http/static-asset.ts';
import { cspNonceOf, cspWithScriptsFrom } from '../../http/security-headers.ts';
import { signJsapiConfig } from './jsapi-signature.ts';
import type { SubscribeTokens } from './subscribe-token.ts';

const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'wechat-oa');
/** Where the channel's router is mounted (create-http-app: /channels/<name>). */
export const OA_MOUNT = '/channels/wechat-oa';
export const SUBSCRIBE_PATH = '/subscribe';

/** The page's words, Chinese (locale keys wechatOa.subscribePage.*). */
export type SubscribePageTexts = Record<'title' | 'lead' | 'button' | 'notWechat' | 'accepted' | 'rejected' | 'failed' | 'badLink' | 'expired' | 'unavailable', string>;

export interface SubscribePageDeps {
  appId: string;
  templateId: string | null;
  jssdkUrl: string;
  /** This host as WeChat opens it; the signed URL is built on it (null: from the request's own host). */
  publicUrl: string | null;
  tokens: SubscribeTokens;
  jsapiTicket(): Promise<string>;
  texts: SubscribePageTexts;
  /** Flood limit for the page (per IP), mounted in front of it. */
  limit?: RequestHandler;
  logger: { warn(obj: object, msg?: string): void };
  now: () => Date;
}

export function createSubscribePage(deps: SubscribePageDeps): Router {
  const router = express.Router();
  const script = createStaticAsset('/subscribe-page.js', join(ASSETS_DIR, 'subscribe-page.js'), 'application/javascript; charset=utf-8');
  const style = createStaticAsset('/subscribe-page.css', join(ASSETS_DIR, 'subscribe-page.css'), 'text/css; charset=utf-8');
  const assets = { script: `${OA_MOUNT}${script.url}`, style: `${OA_MOUNT}${style.url}` };
  const csp = cspWithScriptsFrom([new URL(deps.jssdkUrl).origin]);
  const t = deps.texts;

  const send = (res: Response, status: number, body: string) =>
    void res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(page(t.title, assets, body));

  router.get(SUBSCRIBE_PATH, ...(deps.limit ? [deps.limit] : []), csp, async (req: Request, res: Response) => {
    const token = deps.tokens.check(req.query.t);
    if (!token.ok) {
      deps.logger.warn({ channel: 'wechat-oa', reason: token.reason }, 'subscribe page link refused');
      return send(res, token.reason === 'expired' ? 410 : 400, notice(token.reason === 'expired' ? t.expired : t.badLink));
    }
    if (!deps.templateId) return send(res, 404, notice(t.unavailable));
    const ticket = await deps.jsapiTicket().catch((err: unknown) => {
      deps.logger.warn({ channel: 'wechat-oa', err: err instanceof Error ? err.message : 'unknown' }, 'no jsapi_ticket for the subscribe page');
      return null;
    });
    if (!ticket) return send(res, 503, notice(t.unavailable));
    const url = `${deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`}${req.originalUrl}`;
    const signed = signJsapiConfig({ ticket, url, now: deps.now() });
    const config = { appId: deps.appId, ...signed, template: deps.templateId, sdk: deps.jssdkUrl };
    send(res, 200, button(config, t, cspNonceOf(res)));
  });
  router.get(script.path, (req, res) => script.send(req, res));
  router.get(style.path, (req, res) => style.send(req, res));
  return router;
}

function page(title: string, assets: { script: string; style: string }, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(assets.style)}">
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
<script src="${escapeHtml(assets.script)}" defer></script>
</body>
</html>
`;
}

const notice = (text: string) => `<p class="notice" id="status" role="status">${escapeHtml(text)}</p>`;

function button(config: Record<string, string | number>, t: SubscribePageTexts, nonce: string | undefined): string {
  const words = { notWechat: t.notWechat, accepted: t.accepted, rejected: t.rejected, failed: t.failed };
  // JSON inside <script type="application/json"> is data, not script; `<` is escaped so it cannot end the element.
  const json = JSON.stringify({ ...config, words }).replace(/</g, '\\u003c');
  return `<p>${escapeHtml(t.lead)}</p>
<div id="subscribe" hidden>
<wx-open-subscribe template="${escapeHtml(String(config.template))}" id="subscribe-button">
<script type="text/wxtag-template" slot="style"><style${nonce ? ` nonce="${escapeHtml(nonce)}"` : ''}>.subscribe{display:block;width:100%;height:48px;border:0;border-radius:8px;background:#07c160;color:#fff;font-size:17px}</style></script>
<script type="text/wxtag-template"><button class="subscribe">${escapeHtml(t.button)}</button></script>
</wx-open-subscribe>
</div>
<p id="status" role="status"></p>
<script type="application/json" id="wx-config">${json}</script>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
