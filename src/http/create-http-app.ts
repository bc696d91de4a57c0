// The express app (no listen): health, the chat page, Direct Line, the caseworker API, and errors as JSON.
import express from 'express';
import type { ErrorRequestHandler, Express, Router } from 'express';
import type { Logger } from '../logging/logger.ts';
import type { Repositories } from '../persistence/repositories.ts';
import { createCaseworkerRouter } from '../caseworker/caseworker-router.ts';
import { createWebchatPage } from './webchat-page.ts';

export interface HttpAppDeps {
  webchat: Router;
  repos: Repositories;
  sessionHours: number;
  logger: Logger;
  /** The Direct Line WebSocket stream is attached to the server: the page uses it instead of polling. */
  webchatStream?: boolean;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    const ok = await deps.repos.ping().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable' });
  });
  app.use('/v3/directline', deps.webchat);
  app.use('/api/caseworker', createCaseworkerRouter({ caseworkers: deps.repos.caseworkers, registrations: deps.repos.registrations, audit: deps.repos.audit, sessionHours: deps.sessionHours }));
  app.use(createWebchatPage({ webSocket: deps.webchatStream ?? false }));
  app.use((_req, res) => void res.status(404).json({ error: 'not_found', message: '找不到该地址。' }));
  app.use(jsonErrors(deps.logger));
  return app;
}

/** Malformed bodies are the sender's fault (4xx); anything else is logged and answered without details. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json(status >= 500 ? { error: 'internal', message: '服务暂时不可用，请稍后再试。' } : { error: 'bad_request', message: '请求格式不正确。' });
  };
}
