// Server-sent events for the console: new cases, status changes and the person's messages of the
// caseworker's region appear without a reload. Each connection polls the region-scoped CaseDesk, so it works
// the same with two instances behind one address; events carry only ids (the page then reads the API).
import express from 'express';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { CaseDesk } from './case-desk.ts';
import type { EventTickets } from './event-ticket.ts';
import { scopeOf } from './region-scope.ts';
import { bearerTokenOf, caseworkerOf, requireCaseworker, type CaseworkerSession, type SessionFinder } from './session-auth.ts';

export interface ConsoleEventsDeps {
  sessions: SessionFinder;
  desk: Pick<CaseDesk, 'changesSince'>;
  tickets: EventTickets;
  now?: () => Date;
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

  router.post('/events/ticket', requireCaseworker(deps.sessions, now), (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ticket: deps.tickets.issue(caseworkerOf(res), now()) });
  });

  router.get('/events', async (req, res) => {
    const worker = await whoIs(req);
    if (!worker) return void res.status(401).json({ error: 'unauthorized', message: '请先登录。' });
    stream(req, res, worker);
  });

  async function whoIs(req: Request): Promise<CaseworkerSession | null> {
    const token = bearerTokenOf(req.get('authorization'));
    if (token) return deps.sessions.findSession(token, now());
    const query = TicketQuery.safeParse(req.query);
    return query.success ? deps.tickets.verify(query.data.ticket, now()) : null;
  }

  function stream(req: Request, res: Response, worker: CaseworkerSession): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    res.write(`event: ready\ndata: ${JSON.stringify({ at: now().toISOString() })}\n\n`);
    const scope = scopeOf(worker);
    let cursor = now();
    const seen = new Map<string, number>();
    let busy = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        const changes = await deps.desk.changesSince(scope, new Date(cursor.getTime() - OVERLAP_MS));
        for (const change of changes) {
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
    req.on('close', () => {
      clearInterval(timer);
      clearInterval(heartbeat);
    });
  }

  return router;
}
