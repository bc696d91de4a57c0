// Requests for a person (转人工): at most one open case per conversation; the case holds a short excerpt.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import type { HandoffDesk } from '../conversation/ports.ts';

export function createHandoffRepository(db: Db, regionCode: string): HandoffDesk & {
  listOpen(region: string): Promise<{ id: string; conversationKey: string; reason: string; createdAt: Date; excerpt: string[] }[]>;
} {
  return {
    async open(request) {
      const existing = await db.handoffCase.findFirst({ where: { conversationKey: request.conversationKey, status: 'open', kind: 'handoff' } });
      if (existing) return { id: existing.id, created: false };
      const id = randomUUID();
      await db.handoffCase.create({
        data: { id, conversationKey: request.conversationKey, jobSeekerId: request.jobSeekerId, regionCode, reason: request.reason, excerpt: JSON.stringify(request.excerpt) },
      });
      return { id, created: true };
    },
    async cancelOpen(conversationKey) {
      await db.handoffCase.updateMany({ where: { conversationKey, status: 'open', kind: 'handoff' }, data: { status: 'cancelled', closedAt: new Date() } });
    },
    async listOpen(region) {
      const rows = await db.handoffCase.findMany({ where: { regionCode: region, status: 'open' }, orderBy: { createdAt: 'asc' } });
      return rows.map((r) => ({ id: r.id, conversationKey: r.conversationKey, reason: r.reason, createdAt: r.createdAt, excerpt: parseExcerpt(r.excerpt) }));
    },
  };
}

function parseExcerpt(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
