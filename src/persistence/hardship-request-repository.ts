// Requests for hardship recognition (就业困难人员认定) filed by the pre-screen: HandoffCase rows of kind
// `hardship_recognition`. At most one open request per conversation (or person): filing again updates it.
// Each filing writes the audit event `hardship.prescreen_filed` in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { HardshipRequestDesk } from '../conversation/ports.ts';

export const HARDSHIP_CASE_KIND = 'hardship_recognition';

export function createHardshipRequestRepository(db: Db, regionCode: string): HardshipRequestDesk {
  return {
    async file(request) {
      const details = JSON.stringify(request.prescreen);
      const owners = [{ conversationKey: request.conversationKey }, ...(request.jobSeekerId ? [{ jobSeekerId: request.jobSeekerId }] : [])];
      return db.$transaction(async (tx) => {
        const open = await tx.handoffCase.findFirst({ where: { kind: HARDSHIP_CASE_KIND, status: 'open', OR: owners }, orderBy: { createdAt: 'desc' } });
        const id = open?.id ?? randomUUID();
        if (open) {
          await tx.handoffCase.update({ where: { id }, data: { reason: request.reason, details, jobSeekerId: open.jobSeekerId ?? request.jobSeekerId } });
        } else {
          await tx.handoffCase.create({
            data: { id, kind: HARDSHIP_CASE_KIND, status: 'open', conversationKey: request.conversationKey, jobSeekerId: request.jobSeekerId, regionCode, reason: request.reason, details, createdAt: request.at },
          });
        }
        const audit = { pack: request.prescreen.pack, reason: request.reason, created: !open, conversationKey: request.conversationKey };
        await tx.auditEvent.create({ data: auditRow({ actor: 'bot', action: 'hardship.prescreen_filed', subjectType: 'handoff_case', subjectId: id, details: audit }) });
        return { id, created: !open };
      });
    },
  };
}
