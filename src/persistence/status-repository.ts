// What a person may see about themselves: the latest registration, the next planned contact and the open
// requests to caseworkers; their choice about monthly follow-up (R1.4.2) and a job they reported (R1.9), neither of
// which ever changes a status.
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { StatusDirectory } from '../conversation/ports.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';

export function createStatusRepository(db: Db): StatusDirectory {
  return {
    async statusOf(jobSeekerId) {
      const registration = await db.registration.findFirst({ where: { jobSeekerId }, orderBy: { registeredAt: 'desc' } });
      const task = await db.outreachTask.findFirst({ where: { jobSeekerId, status: 'pending' }, orderBy: { dueAt: 'asc' } });
      const cases = await db.handoffCase.findMany({ where: { jobSeekerId, status: { in: ['open', 'waiting'] } }, orderBy: { createdAt: 'asc' } });
      return {
        registration: registration
          ? { id: registration.id, status: registration.status, registeredAt: registration.registeredAt, followUpPreference: registration.followUpPreference }
          : null,
        // Due times are the end of a Beijing day (24:00), so the day is the one that instant closes.
        nextContact: task ? { dueOn: serviceDateOf(new Date(task.dueAt.getTime() - 1)), provisional: task.provisional, kind: task.kind } : null,
        openCases: cases.map((c) => ({ kind: c.kind, reason: c.reason, createdAt: c.createdAt })),
      };
    },
    async setFollowUpPreference(registrationId, preference, actor) {
      await db.$transaction(async (tx) => {
        await tx.registration.update({ where: { id: registrationId }, data: { followUpPreference: preference } });
        await tx.auditEvent.create({ data: auditRow({ actor, action: 'followUp.preference', subjectType: 'registration', subjectId: registrationId, details: { preference } }) });
      });
    },
    async setExitReported(registrationId, at, actor) {
      return db.$transaction(async (tx) => {
        // A second report keeps the first day (its next check-in stays the one after it); clearing clears any.
        const changed = await tx.registration.updateMany({ where: { id: registrationId, exitReportedAt: at === null ? { not: null } : null }, data: { exitReportedAt: at } });
        if (changed.count === 0) return false;
        await tx.auditEvent.create({
          data: auditRow({ actor, action: at === null ? 'registration.exit_report_cleared' : 'registration.exit_reported', subjectType: 'registration', subjectId: registrationId, details: at ? { at: at.toISOString() } : {} }),
        });
        return true;
      });
    },
  };
}
