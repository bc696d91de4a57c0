// Browser-facing protections for every response (helmet): a strict Content-Security-Policy under which
// the Web Chat page still runs (scripts only from this host, no inline script, no eval), no framing,
// no referrer; and `Cache-Control: no-store` for the APIs, whose answers are personal.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The CSP directives; exported so a test can show the page works under exactly these. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Web Chat (emotion) inserts <style> elements at run time; styles cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
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

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // Intranet deployments are often plain HTTP; HSTS belongs to the bureau's TLS proxy.
    strictTransportSecurity: false,
  });
}

/** API answers (tokens, transcripts, caseworker data) must not be kept by browsers or proxies. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
