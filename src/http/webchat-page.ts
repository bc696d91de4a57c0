// The job seeker's chat page at `/` and the Web Chat bundle served from this host (intranets have no CDN).
// The page keeps its conversation in localStorage, so a reload resumes the same conversation.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import type { Router } from 'express';

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
  const html = renderPage({ title, scriptUrl, directlinePath });
  let gzipped: Buffer | undefined;
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.send(html);
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

function renderPage(p: { title: string; scriptUrl: string; directlinePath: string }): string {
  const config = JSON.stringify({ directlinePath: p.directlinePath }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1677ff">
<title>${escapeHtml(p.title)}</title>
<style>
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
<script>
(function () {
  var config = ${config};
  var base = location.origin + config.directlinePath;
  var KEY = 'jiuyebang.webchat';
  function saved() { try { return JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) { return null; } }
  function save(grant) { try { localStorage.setItem(KEY, JSON.stringify({ conversationId: grant.conversationId, token: grant.token })); } catch (e) {} }
  function post(path, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(base + path, { method: 'POST', headers: headers, body: '{}' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function start() {
    var old = saved();
    var resumed = old && old.token ? post('/tokens/refresh', old.token).then(function (g) { return { grant: g, fresh: false }; }) : Promise.reject(new Error('none'));
    return resumed.catch(function () {
      return post('/tokens/generate').then(function (g) { return { grant: g, fresh: true }; });
    });
  }
  start().then(function (r) {
    save(r.grant);
    var directLine = WebChat.createDirectLine({
      domain: base, token: r.grant.token, conversationId: r.grant.conversationId, webSocket: false, pollingInterval: 1000
    });
    var joined = false;
    var store = WebChat.createStore({}, function (api) { return function (next) { return function (action) {
      if (r.fresh && !joined && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        joined = true;
        setTimeout(function () { api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: 'zh-CN' } } }); }, 0);
      }
      return next(action);
    }; }; });
    document.getElementById('chat').innerHTML = '';
    WebChat.renderWebChat({ directLine: directLine, store: store, locale: 'zh-CN', styleOptions: { hideUploadButton: true, bubbleMaxWidth: 600 } },
      document.getElementById('chat'));
  }).catch(function (e) {
    document.getElementById('status').textContent = '暂时连不上，请稍后刷新页面重试。(' + e.message + ')';
  });
})();
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
