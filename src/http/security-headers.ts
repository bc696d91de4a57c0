// Browser-facing protections for every response (helmet): a strict Content-Security-Policy under which
// the Web Chat page still runs (scripts only from this host, no inline script, no eval; styles from this
// host or carrying the response's nonce), no framing, no referrer; and `Cache-Control: no-store` for
// the APIs, whose answers are personal.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const nonces = new WeakMap<ServerResponse, string>();

/** This response's CSP nonce (the chat page puts it on its <style> and hands it to Web Chat), if any. */
export function cspNonceOf(res: ServerResponse): string | undefined {
  return nonces.get(res);
}

const styleNonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonces.get(res) ?? ''}'`;

/** The CSP directives; exported so a test can show the page works under exactly these. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Web Chat (emotion) inserts <style> elements at run time, carrying the nonce the page hands it.
  styleSrc: ["'self'", styleNonce],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // Polling and (later) the WebSocket stream go to this host only; 'self' covers ws(s): of the same host.
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

export function securityHeaders(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    nonces.set(res, randomBytes(16).toString('base64'));
    next();
  };
  return [nonce, helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // Intranet deployments are often plain HTTP; HSTS belongs to the bureau's TLS proxy.
    strictTransportSecurity: false,
  })];
}

/** API answers (tokens, transcripts, caseworker data) must not be kept by browsers or proxies. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** The same policy for one route, with scripts also allowed from `origins` (the subscribe page's WeChat JS-SDK). */
export function cspWithScriptsFrom(origins: readonly string[]): RequestHandler {
  return helmet.contentSecurityPolicy({ useDefaults: false, directives: { ...CSP_DIRECTIVES, scriptSrc: ["'self'", ...origins] } });
}
