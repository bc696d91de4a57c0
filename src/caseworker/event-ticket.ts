// A short-lived signed ticket for the console's EventSource, which cannot send an Authorization header:
// the page trades its Bearer token for a ticket and puts only the ticket in the URL. The ticket names the
// session by its reference (a digest, never the token), so the stream can end when the session does.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { caseworkerSessionSchema, type CaseworkerSession } from './session-auth.ts';

const payloadSchema = z.object({ cw: caseworkerSessionSchema, sid: z.string().min(1).max(200), exp: z.number() });

export function createEventTickets(secret: Buffer, lifetimeSeconds = 60) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    issue(worker: CaseworkerSession, sessionRef: string, now: Date): string {
      const body = Buffer.from(JSON.stringify({ cw: worker, sid: sessionRef, exp: now.getTime() + lifetimeSeconds * 1000 })).toString('base64url');
      return `${body}.${mac(body)}`;
    },
    verify(ticket: string, now: Date): { worker: CaseworkerSession; sessionRef: string } | null {
      const [body, signature] = ticket.split('.');
      if (!body || !signature) return null;
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
        return parsed.success && parsed.data.exp > now.getTime() ? { worker: parsed.data.cw, sessionRef: parsed.data.sid } : null;
      } catch {
        return null;
      }
    },
  };
}

export type EventTickets = ReturnType<typeof createEventTickets>;
