// The job seeker's chat page at `/` and the files it loads, all served from this host (intranets have no
// CDN): Web Chat's minimal bundle (no Markdown, about half the weight of the full one), the page's own
// script and style. The page has no inline script, so a strict Content-Security-Policy holds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Router } from 'express';
import { createStaticAsset } from './static-asset.ts';
import { cspNonceOf } from './security-headers.ts';

export interface WebchatPageOptions {
  /** Where the Direct Line router is mounted, relative to the origin. */
  directlinePath?: string;
  title?: string;
  /** Whether the Direct Line server offers the WebSocket stream; without it the page polls. */
  webSocket?: boolean;
}

const require = createRequire(import.meta.url);
const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'webchat');

/** `node_modules/botframework-webchat/dist/webchat-minimal.js`, found without importing the package. */
function webchatBundlePath(): { path: string; version: string } {
  let dir = dirname(require.resolve('botframework-webchat'));
  while (!dir.endsWith('botframework-webchat') && dirname(dir) !== dir) dir = dirname(dir);
  const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0';
  return { path: join(dir, 'dist', 'webchat-minimal.js'), version };
}

/** Serves `/` (the chat page) and its long-cached, gzip-compressed files under `/static/`. */
export function createWebchatPage(options: WebchatPageOptions = {}): Router {
  const directlinePath = options.directlinePath ?? '/v3/directline';
  const title = options.title ?? '就业帮';
  const bundle = webchatBundlePath();
  const assets = {
    webchat: createStaticAsset('/static/webchat-minimal.js', bundle.path, 'application/javascript; charset=utf-8', bundle.version),
    script: createStaticAsset('/static/chat.js', join(PUBLIC_DIR, 'chat.js'), 'application/javascript; charset=utf-8'),
    style: createStaticAsset('/static/chat.css', join(PUBLIC_DIR, 'chat.css'), 'text/css; charset=utf-8'),
  };
  const page = { title, directlinePath, webSocket: options.webSocket ?? false, webchatUrl: assets.webchat.url, scriptUrl: assets.script.url, styleUrl: assets.style.url };
  const router = express.Router();

  // Rendered per request: the page's script carries this response's CSP nonce and hands it to Web Chat's styles.
  router.get('/', (_req, res) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.send(renderPage({ ...page, nonce: cspNonceOf(res) }));
  });
  // Browsers ask for it on every first visit; an empty answer saves a 404 round trip and a console error.
  router.get('/favicon.ico', (_req, res) => void res.set('Cache-Control', 'public, max-age=86400').status(204).end());
  for (const asset of Object.values(assets)) router.get(asset.path, (req, res) => asset.send(req, res));
  return router;
}

function renderPage(p: { title: string; directlinePath: string; webSocket: boolean; webchatUrl: string; scriptUrl: string; styleUrl: string; nonce?: string }): string {
  const nonce = p.nonce ? ` nonce="${escapeHtml(p.nonce)}"` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1677ff">
<title>${escapeHtml(p.title)}</title>
<link rel="stylesheet" href="${escapeHtml(p.styleUrl)}">
</head>
<body data-directline="${escapeHtml(p.directlinePath)}" data-websocket="${p.webSocket ? 'on' : 'off'}">
<header>${escapeHtml(p.title)}</header>
<div id="chat" role="main"><div id="status">正在连接… Connecting…</div></div>
<script src="${escapeHtml(p.scriptUrl)}"${nonce} defer></script>
<script src="${escapeHtml(p.webchatUrl)}" defer></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
