// Who is calling the console API: a Bearer session token (scripts, the WeCom channel) or the console's
// HttpOnly SameSite=Strict cookie holding the same kind of token. A cookie request that changes anything
// must also carry the session's CSRF token (X-CSRF-Token); a Bearer request needs none, since a browser
// never adds an Authorization header by itself. The caseworker signed in is kept in res.locals.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';

export const CASEWORKER_ROLES = ['caseworker', 'supervisor', 'administrator'] as const;
export type CaseworkerRole = (typeof CASEWORKER_ROLES)[number];

const sessionSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  role: z.enum(CASEWORKER_ROLES),
  districts: z.array(z.string()),
});
export type CaseworkerSession = z.infer<typeof sessionSchema>;

/** The port the console needs to know a session (the caseworker repository implements it). */
export interface SessionFinder {
  findSession(token: string, now: Date): Promise<CaseworkerSession | null>;
  /** The same, by the session's reference (what a console event ticket names instead of the token). */
  findSessionByRef(ref: string, now: Date): Promise<CaseworkerSession | null>;
  /** A session's reference: a one-way digest of its token, never the token itself. */
  sessionRefOf(token: string): string;
}

/** The console's session cookie; its path is the API, so the page and web chat never send it. */
export const SESSION_COOKIE = 'jyb_console';
export const SESSION_COOKIE_PATH = '/api/caseworker';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerTokenOf(header: string | undefined): string | null {
  return /^Bearer (\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

/** The session token in a Cookie header, read without a cookie middleware so every router can use it. */
export function sessionCookieOf(header: string | undefined): string | null {
  for (const part of (header ?? '').slice(0, 8192).split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** The CSRF token of a session: an HMAC keyed by the session token, so nothing more is stored. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('jiuyebang-console-csrf').digest('base64url');
}

function csrfAccepted(req: Request, sessionToken: string): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const given = Buffer.from(req.get(CSRF_HEADER) ?? '');
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The session token of a request: the Bearer header first, else the console cookie. */
export function sessionTokenOf(req: Request): { token: string; via: 'bearer' | 'cookie' } | null {
  const bearer = bearerTokenOf(req.get('authorization'));
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = sessionCookieOf(req.get('cookie'));
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** 401 with a Chinese message unless the request carries a live session; 403 for a cookie change without CSRF token. */
export function requireCaseworker(sessions: SessionFinder, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const presented = sessionTokenOf(req);
    const session = presented ? await sessions.findSession(presented.token, now()) : null;
    if (!presented || !session) return void res.status(401).json({ error: 'unauthorized', message: '请先登录。' });
    if (presented.via === 'cookie' && !csrfAccepted(req, presented.token)) {
      return void res.status(403).json({ error: 'csrf', message: '页面已过期，请刷新页面后重试。' });
    }
    res.locals.caseworker = session;
    next();
  };
}

/** 403 unless the signed-in account has one of `roles`; use after requireCaseworker. */
export function requireRole(...roles: CaseworkerRole[]): RequestHandler {
  return (_req, res, next) => {
    const parsed = sessionSchema.safeParse(res.locals.caseworker);
    if (!parsed.success) return void res.status(401).json({ error: 'unauthorized', message: '请先登录。' });
    if (!roles.includes(parsed.data.role)) return void res.status(403).json({ error: 'forbidden_role', message: '您的账号没有此项权限。' });
    next();
  };
}

export function caseworkerOf(res: Response): CaseworkerSession {
  return sessionSchema.parse(res.locals.caseworker);
}

export { sessionSchema as caseworkerSessionSchema };
