// Per-conversation generation of web chat tokens: a token minted for an older generation is refused, so
// revoking bumps the number and every token (and refresh) issued before stops working, on every instance.
import type { Db } from './database.ts';

export interface WebchatTokenRevocations {
  /** The generation current tokens must carry (0 when never revoked). */
  generationOf(conversationId: string): Promise<number>;
  /** Invalidates every token issued so far for the conversation; returns the new generation. */
  revoke(conversationId: string, at: Date): Promise<number>;
}

export function createWebchatTokenRevocations(db: Db): WebchatTokenRevocations {
  const bump = (conversationId: string, at: Date) =>
    db.webchatTokenRevocation.upsert({
      where: { conversationId },
      create: { conversationId, generation: 1, revokedAt: at },
      update: { generation: { increment: 1 }, revokedAt: at },
    });
  return {
    async generationOf(conversationId) {
      const row = await db.webchatTokenRevocation.findUnique({ where: { conversationId } });
      return row?.generation ?? 0;
    },
    async revoke(conversationId, at) {
      // Two instances creating the first row at once: the loser's insert conflicts, its retry increments.
      const row = await bump(conversationId, at).catch(() => bump(conversationId, at));
      return row.generation;
    },
  };
}
