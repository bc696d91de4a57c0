// The job seeker's chat page at `/` and the Web Chat bundle served from this host (intranets have no CDN).
// The page keeps its conversation in localStorage, so a reload resumes the same conversation.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import type { Router } from 'express';
import { BOOT_SCRIPT_PATH, WEBCHAT_BOOT_SCRIPT } from './webchat-boot-script.ts';
import { cspNonceOf } from './security-headers.ts';

export interface WebchatPageOptions {
  /** Where the Direct Line router is mounted, relative to the origin. */
  directlinePath?: string;
  title?: string;
}

const require = createRequire(import.meta.url);

/** `node_modules/botframework-webchat/dist/webchat.js`, found without importing the package. */
function webchatBundlePath(): { path: string; version: string } {
  let dir = dirname(require.resolve('botframework-webchat'));
  while (!dir.endsWith('botframework-webchat') && dirname(dir) !== dir) dir = dirname(dir);
  const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0';
  return { path: join(dir, 'dist', 'webchat.js'), version };
}

/** Serves `/` (the chat page) and `/static/webchat.js` (long-cached, gzip when the phone accepts it). */
export function createWebchatPage(options: WebchatPageOptions = {}): Router {
  const directlinePath = options.directlinePath ?? '/v3/directline';
  const title = options.title ?? '就业帮';
  const bundle = webchatBundlePath();
  const scriptUrl = `/static/webchat.js?v=${encodeURIComponent(bundle.version)}`;
  let gzipped: Buffer | undefined;
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.send(renderPage({ title, scriptUrl, directlinePath, nonce: cspNonceOf(res) }));
  });

  // The page's own script is a file, not inline, so the CSP can forbid inline script altogether.
  router.get(BOOT_SCRIPT_PATH, (_req, res) => {
    res.set({ 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.send(WEBCHAT_BOOT_SCRIPT);
  });

  router.get('/static/webchat.js', (req, res) => {
    res.set({
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    });
    if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
      gzipped ??= gzipSync(readFileSync(bundle.path), { level: 9 });
      res.set('Content-Encoding', 'gzip').send(gzipped);
      return;
    }
    createReadStream(bundle.path)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  return router;
}

function renderPage(p: { title: string; scriptUrl: string; directlinePath: string; nonce?: string }): string {
  const nonce = p.nonce ? ` nonce="${escapeHtml(p.nonce)}"` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1677ff">
<title>${escapeHtml(p.title)}</title>
<style${nonce}>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  header { background: #1677ff; color: #fff; padding: 10px 14px; font-size: 17px; }
  #chat { flex: 1; min-height: 0; }
  #status { padding: 16px; color: #555; }
</style>
</head>
<body>
<header>${escapeHtml(p.title)}</header>
<div id="chat" role="main"><div id="status">正在连接…</div></div>
<script src="${escapeHtml(p.scriptUrl)}"></script>
<script src="${BOOT_SCRIPT_PATH}"${nonce} data-directline-path="${escapeHtml(p.directlinePath)}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
