// Consent to be contacted (the ConsentRegister port): the person withdraws it in chat, or a caseworker records a
// withdrawal made by phone or at the office; either way the open outreach rows are cancelled in the same
// transaction (a tick between the two cannot send one), and the planner plans nothing more for the person.
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { ConsentChange, ConsentRegister } from '../conversation/ports.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Why a cancelled outreach row will not go out. */
export const CONSENT_WITHDRAWN = 'consent_withdrawn';

/** Inside a transaction: withdrawal (once), its open rows cancelled, audited. */
export async function withdrawConsentIn(tx: Tx, jobSeekerId: string, change: ConsentChange): Promise<{ withdrawn: boolean; cancelled: number }> {
  const set = await tx.jobSeeker.updateMany({ where: { id: jobSeekerId, consentWithdrawnAt: null }, data: { consentWithdrawnAt: change.at } });
  if (set.count === 0) return { withdrawn: false, cancelled: 0 };
  const cancelled = (await tx.outreachTask.updateMany({ where: { jobSeekerId, status: 'pending' }, data: { status: 'cancelled', lastError: CONSENT_WITHDRAWN } })).count;
  await tx.auditEvent.create({
    data: auditRow({ actor: change.actor, action: 'consent.withdrawn', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { reason: change.reason, cancelledTasks: cancelled, ...(change.conversationKey ? { conversationKey: change.conversationKey } : {}) } }),
  });
  return { withdrawn: true, cancelled };
}

/** Inside a transaction: consent given again (the planner re-opens what is still owed), audited. */
export async function restoreConsentIn(tx: Tx, jobSeekerId: string, change: ConsentChange): Promise<boolean> {
  const set = await tx.jobSeeker.updateMany({ where: { id: jobSeekerId, consentWithdrawnAt: { not: null } }, data: { consentWithdrawnAt: null, consentAt: change.at } });
  if (set.count === 0) return false;
  await tx.auditEvent.create({
    data: auditRow({ actor: change.actor, action: 'consent.restored', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { reason: change.reason, ...(change.conversationKey ? { conversationKey: change.conversationKey } : {}) } }),
  });
  return true;
}

export function createConsentRepository(db: Db): ConsentRegister {
  return {
    async isWithdrawn(jobSeekerId) {
      const person = await db.jobSeeker.findUnique({ where: { id: jobSeekerId }, select: { consentWithdrawnAt: true } });
      return person?.consentWithdrawnAt != null;
    },
    withdraw: (jobSeekerId, change) => db.$transaction((tx) => withdrawConsentIn(tx, jobSeekerId, change)),
    restore: (jobSeekerId, change) => db.$transaction((tx) => restoreConsentIn(tx, jobSeekerId, change)),
  };
}
