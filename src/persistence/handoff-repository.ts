// Requests for a person (转人工): at most one open case per conversation; the case holds a short excerpt.
// A caseworker claims a 转人工 case (the conversation goes to 'caseworker' mode, the bot is silent) and
// closes it (back to 'bot'). Other kinds (a fact to review) are filed without taking the conversation over.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import { auditRow } from './audit-repository.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import { maskJsonStrings } from '../logging/mask-json.ts';
import type { CaseFiler, ConversationStore, HandoffDesk } from '../conversation/ports.ts';
import { isWithinRegion, regionPrefixOf } from '../caseworker/region-scope.ts';

/**
 * Where a case is filed: the district of the person's newest registration when it lies in this region, so the
 * caseworkers of that district see it (and get its WeCom card); otherwise the service's region.
 */
async function caseRegionOf(db: Db, regionCode: string, jobSeekerId: string | null): Promise<string> {
  if (!jobSeekerId) return regionCode;
  const newest = await db.registration.findFirst({ where: { jobSeekerId }, orderBy: { registeredAt: 'desc' }, select: { regionCode: true } });
  return newest && isWithinRegion(regionCode, newest.regionCode) ? newest.regionCode : regionCode;
}

export function createHandoffRepository(db: Db, regionCode: string, conversations?: Pick<ConversationStore, 'setMode'>): HandoffDesk & CaseFiler & {
  /** A caseworker takes the case; a 转人工 conversation is then theirs. False when it is not open. */
  claim(caseId: string, caseworkerId: string): Promise<boolean>;
  /** Closes the case; a 转人工 conversation goes back to the bot at the step the person was on. */
  closeCase(caseId: string, caseworkerId: string, note: string): Promise<boolean>;
  listOpen(region: string): Promise<{ id: string; conversationKey: string; reason: string; createdAt: Date; excerpt: string[] }[]>;
} {
  return {
    async open(request) {
      const existing = await db.handoffCase.findFirst({ where: { conversationKey: request.conversationKey, status: { in: ['open', 'waiting'] }, kind: 'handoff' } });
      if (existing) return { id: existing.id, created: false };
      const id = randomUUID();
      // The reference is where a caseworker's replies go (the console sends them through the person's channel).
      const details = JSON.stringify(request.reference ? { reference: request.reference } : {});
      await db.handoffCase.create({
        data: { id, conversationKey: request.conversationKey, jobSeekerId: request.jobSeekerId, regionCode: await caseRegionOf(db, regionCode, request.jobSeekerId), reason: request.reason, excerpt: JSON.stringify(request.excerpt.map(maskPersonalNumbers)), details },
      });
      return { id, created: true };
    },
    async cancelOpen(conversationKey) {
      await db.handoffCase.updateMany({ where: { conversationKey, status: { in: ['open', 'waiting'] }, kind: 'handoff' }, data: { status: 'cancelled', closedAt: new Date() } });
    },
    async fileCase(request) {
      // The same fact reported twice (a double tap, a retry) stays one open case for the caseworker.
      const open = await db.handoffCase.findFirst({ where: { jobSeekerId: request.jobSeekerId, conversationKey: request.conversationKey, kind: request.kind, reason: request.reason, status: 'open' } });
      if (open) return { id: open.id };
      const id = randomUUID();
      const caseRegion = await caseRegionOf(db, regionCode, request.jobSeekerId);
      await db.$transaction(async (tx) => {
        await tx.handoffCase.create({
          data: { id, conversationKey: request.conversationKey, jobSeekerId: request.jobSeekerId, regionCode: caseRegion, kind: request.kind, reason: request.reason, details: JSON.stringify({ ...asRecord(maskJsonStrings(request.details)), ...(request.reference ? { reference: request.reference } : {}) }) },
        });
        await tx.auditEvent.create({ data: auditRow({ actor: 'bot', action: 'handoff.filed', subjectType: 'handoff_case', subjectId: id, details: { kind: request.kind, reason: request.reason } }) });
      });
      return { id };
    },
    async claim(caseId, caseworkerId) {
      const found = await db.handoffCase.findFirst({ where: { id: caseId, status: 'open', caseworkerId: null } });
      if (!found) return false;
      // Conditional, so a second caseworker claiming at the same moment changes nothing.
      const claimed = await db.handoffCase.updateMany({ where: { id: caseId, status: 'open', caseworkerId: null }, data: { caseworkerId } });
      if (claimed.count !== 1) return false;
      await audit(db, caseworkerId, 'handoff.claimed', caseId, {});
      if (found.kind === 'handoff') await conversations?.setMode(found.conversationKey, 'caseworker');
      return true;
    },
    async closeCase(caseId, caseworkerId, note) {
      const found = await db.handoffCase.findFirst({ where: { id: caseId, status: 'open' } });
      if (!found) return false;
      await db.handoffCase.update({ where: { id: caseId }, data: { status: 'closed', closedAt: new Date(), caseworkerId: found.caseworkerId ?? caseworkerId } });
      await audit(db, caseworkerId, 'handoff.closed', caseId, { note });
      if (found.kind === 'handoff') await conversations?.setMode(found.conversationKey, 'bot');
      return true;
    },
    async listOpen(region) {
      const rows = await db.handoffCase.findMany({ where: { regionCode: { startsWith: regionPrefixOf(region) }, status: 'open' }, orderBy: { createdAt: 'asc' } });
      return rows.map((r) => ({ id: r.id, conversationKey: r.conversationKey, reason: r.reason, createdAt: r.createdAt, excerpt: parseExcerpt(r.excerpt) }));
    },
  };
}

async function audit(db: Db, actor: string, action: string, caseId: string, details: Record<string, unknown>): Promise<void> {
  await db.auditEvent.create({ data: auditRow({ actor, action, subjectType: 'handoff_case', subjectId: caseId, details }) });
}

const excerptSchema = z.array(z.unknown()).transform((lines) => lines.map(String));

function parseExcerpt(json: string): string[] {
  return readJsonColumn(excerptSchema, json, []);
}

/** The masked details as an object again (masking keeps the shape; anything else becomes empty). */
function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}
