// Server-sent events for the console: new cases, status changes and the person's messages of the
// caseworker's region appear without a reload. Each connection polls the region-scoped CaseDesk, so it works
// the same with two instances behind one address; events carry only ids (the page then reads the API).
// A stream lives no longer than its session: it ends at once when the session ends on this instance
// (SessionEndings), and at its next session check when it ended on another one (logout, account disabled).
import express from 'express';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { CaseDesk } from './case-desk.ts';
import type { EventTickets } from './event-ticket.ts';
import { scopeOf } from './region-scope.ts';
import { endsSession, type SessionEndings } from './session-endings.ts';
import { bearerTokenOf, caseworkerOf, requireCaseworker, sessionTokenOf, type CaseworkerSession, type SessionFinder } from './session-auth.ts';

export interface ConsoleEventsDeps {
  sessions: SessionFinder;
  desk: Pick<CaseDesk, 'changesSince'>;
  tickets: EventTickets;
  /** Sessions ended on this instance, so their streams end at once. */
  endings?: SessionEndings;
  now?: () => Date;
  /** How often a stream asks whether its session still lives (it may have ended on another instance). */
  sessionCheckMs?: number;
  pollMs?: number;
  heartbeatMs?: number;
  logger: { warn(obj: object, msg?: string): void };
}

/** Changes are read again this far back, so a row committed a moment late is not missed (ids dedupe). */
const OVERLAP_MS = 3000;
const TicketQuery = z.object({ ticket: z.string().min(1).max(2000) });

export function createConsoleEvents(deps: ConsoleEventsDeps): Router {
  const now = deps.now ?? (() => new Date());
  const router = express.Router();

  router.post('/events/ticket', requireCaseworker(deps.sessions, now), (req, res) => {
    const presented = sessionTokenOf(req);
    if (!presented) return void res.status(401).json({ error: 'unauthorized', message: '请先登录。' });
    res.set('Cache-Control', 'no-store').json({ ticket: deps.tickets.issue(caseworkerOf(res), deps.sessions.sessionRefOf(presented.token), now()) });
  });

  router.get('/events', async (req, res) => {
    const viewer = await whoIs(req);
    if (!viewer) return void res.status(401).json({ error: 'unauthorized', message: '请先登录。' });
    stream(req, res, viewer.worker, viewer.sessionRef);
  });

  async function whoIs(req: Request): Promise<{ worker: CaseworkerSession; sessionRef: string } | null> {
    const token = bearerTokenOf(req.get('authorization'));
    if (token) {
      const worker = await deps.sessions.findSession(token, now());
      return worker ? { worker, sessionRef: deps.sessions.sessionRefOf(token) } : null;
    }
    const query = TicketQuery.safeParse(req.query);
    const ticket = query.success ? deps.tickets.verify(query.data.ticket, now()) : null;
    if (!ticket) return null;
    // The session may have ended within the ticket's minute (logout, account disabled): a ticket outlives nothing.
    const worker = await deps.sessions.findSessionByRef(ticket.sessionRef, now());
    return worker ? { worker, sessionRef: ticket.sessionRef } : null;
  }

  function stream(req: Request, res: Response, worker: CaseworkerSession, sessionRef: string): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    res.write(`event: ready\ndata: ${JSON.stringify({ at: now().toISOString() })}\n\n`);
    const scope = scopeOf(worker);
    let cursor = now();
    const seen = new Map<string, number>();
    let busy = false;
    let ended = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        const changes = await deps.desk.changesSince(scope, new Date(cursor.getTime() - OVERLAP_MS));
        for (const change of changes) {
          if (ended) return;
          if (seen.has(change.id)) continue;
          seen.set(change.id, change.at.getTime());
          res.write(`event: ${change.type}\ndata: ${JSON.stringify({ caseId: change.caseId, at: change.at.toISOString() })}\n\n`);
          if (change.at > cursor) cursor = change.at;
        }
        for (const [id, at] of seen) if (at < cursor.getTime() - 2 * OVERLAP_MS) seen.delete(id);
      } catch (err) {
        deps.logger.warn({ err }, 'console events poll failed');
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void poll(), deps.pollMs ?? 1000);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), deps.heartbeatMs ?? 15_000);
    const stop = () => {
      clearInterval(timer);
      clearInterval(heartbeat);
      clearInterval(sessionCheck);
      unsubscribe?.();
    };
    /** The session is over: the page hears `ended` (it shows the login), and the stream closes. */
    const end = () => {
      if (ended) return;
      ended = true;
      stop();
      res.end('event: ended\ndata: {}\n\n');
    };
    const unsubscribe = deps.endings?.onEnded((change) => {
      if (endsSession(change, sessionRef, worker.id)) end();
    });
    const sessionCheck = setInterval(() => {
      deps.sessions.findSessionByRef(sessionRef, now()).then(
        (live) => {
          if (!live) end();
        },
        // The database did not answer: keep the stream, ask again next time.
        (err: unknown) => deps.logger.warn({ err }, 'console events session check failed'),
      );
    }, deps.sessionCheckMs ?? 2000);
    req.on('close', stop);
  }

  return router;
}
