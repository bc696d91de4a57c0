// The express app (no listen): health, the chat page, Direct Line, the caseworker API, and errors as JSON.
import express from 'express';
import type { ErrorRequestHandler, Express, Router } from 'express';
import type { Logger } from '../logging/logger.ts';
import type { AccountStore } from '../caseworker/account-store.ts';
import type { RegistrationList } from '../caseworker/registration-list.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { createCaseworkerRouter } from '../caseworker/caseworker-router.ts';
import type { CaseworkerRouterDeps, WebchatTokenControl } from '../caseworker/caseworker-router.ts';
import { createWebchatPage } from './webchat-page.ts';
import { createHealthHandler, type HealthChecks } from './health.ts';
import { JSON_TOO_DEEP } from './json-depth.ts';
import type { HttpRateLimits } from './rate-limits.ts';
import { noStore, securityHeaders } from './security-headers.ts';

/** The stores the app's own routes use (src/persistence implements them). */

export interface HttpAppDeps {
  webchat: Router;
  /** The ports the app itself needs (src/persistence implements them; src/main.ts passes its repositories). */
  repos: { caseworkers: AccountStore; registrations: RegistrationList; audit: AuditLog; ping(): Promise<boolean> };
  sessionHours: number;
  logger: Logger;
  /** /healthz beyond the database ping: calendar coverage and the clock. */
  health: Omit<HealthChecks, 'ping'>;
  /** Flood limits (429); absent means unlimited. */
  limits?: HttpRateLimits;
  /** Express "trust proxy" (TRUST_PROXY): which X-Forwarded-For hops name the client. */
  trustProxy?: boolean | number | string;
  webchatTokens?: WebchatTokenControl;
  /** A registration's form fields as the caseworker reads them (labels from the dialog's steps). */
  registrationFields?: CaseworkerRouterDeps['registrationFields'];
  /** The clock console sessions are opened and checked on (the same one the console's routers use). */
  now?: () => Date;
  /** The console's API routers (cases, events), mounted under /api/caseworker after login. */
  consoleApi?: Router[];
  /** The console pages and their files (/console, /console/staff). */
  consolePage?: Router[];
  /** The Direct Line WebSocket stream is attached to the server: the page uses it instead of polling. */
  webchatStream?: boolean;
  /** Channel callbacks, mounted at /channels/<name> (e.g. wecom, wechat-oa, sms). */
  channels?: Readonly<Record<string, Router>>;
  /** SMS short links to web chat, mounted at /s. */
  shortLinks?: Router;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(securityHeaders());
  app.use(['/v3/directline', '/api', '/healthz'], noStore);
  app.get('/healthz', createHealthHandler({ ...deps.health, ping: () => deps.repos.ping() }));
  if (deps.limits) app.use('/v3/directline', deps.limits.directline);
  app.use('/v3/directline', deps.webchat);
  for (const [name, router] of Object.entries(deps.channels ?? {})) app.use(`/channels/${name}`, router);
  const { caseworkers, registrations, audit } = deps.repos;
  app.use('/api/caseworker', createCaseworkerRouter({ caseworkers, registrations, audit, sessionHours: deps.sessionHours, loginGuard: deps.limits?.login, webchatTokens: deps.webchatTokens, registrationFields: deps.registrationFields, ...(deps.now ? { now: deps.now } : {}) }));
  for (const router of deps.consoleApi ?? []) app.use('/api/caseworker', router);
  for (const page of deps.consolePage ?? []) app.use(page);
  if (deps.shortLinks) app.use('/s', deps.shortLinks);
  app.use(createWebchatPage({ webSocket: deps.webchatStream ?? false }));
  app.use((_req, res) => void res.status(404).json({ error: 'not_found', message: '找不到该地址。' }));
  app.use(jsonErrors(deps.logger));
  return app;
}

/** Malformed bodies are the sender's fault (4xx); anything else is logged and answered without details. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const tooDeep = typeof err === 'object' && err !== null && 'type' in err && err.type === JSON_TOO_DEEP;
    const status = tooDeep ? 400 : typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json(status >= 500 ? { error: 'internal', message: '服务暂时不可用，请稍后再试。' } : { error: 'bad_request', message: '请求格式不正确。' });
  };
}
