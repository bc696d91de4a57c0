// Who is calling the console API: a Bearer session token (scripts and the console page). Shared by the
// console routers; the caseworker signed in is kept in res.locals for the handler.
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';

const sessionSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string(), regionCode: z.string() });
export type CaseworkerSession = z.infer<typeof sessionSchema>;

/** The port the console needs to know a session (the caseworker repository implements it). */
export interface SessionFinder {
  findSession(token: string, now: Date): Promise<CaseworkerSession | null>;
}

export function bearerTokenOf(header: string | undefined): string | null {
  return /^Bearer (\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

/** 401 with a Chinese message unless the request carries a live session token. */
export function requireCaseworker(sessions: SessionFinder, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const token = bearerTokenOf(req.get('authorization'));
    const session = token ? await sessions.findSession(token, now()) : null;
    if (!session) return void res.status(401).json({ error: 'unauthorized', message: '请先登录。' });
    res.locals.caseworker = session;
    next();
  };
}

export function caseworkerOf(res: Response): CaseworkerSession {
  return sessionSchema.parse(res.locals.caseworker);
}
