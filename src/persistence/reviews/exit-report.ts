// A reported job (or school, military service) pauses outreach offers until a caseworker decides
// (EXIT_REPORT_PAUSES_OFFERS). Any decision that keeps the registration lifts the pause: "继续服务" on the fact, or
// the fact's case closed in the inbox without deregistering. Outreach re-plans the registration on its next tick.
import { auditRow } from '../audit-repository.ts';
import type { Tx } from './review-rows.ts';
import { DEREGISTRATION_FACTS_OF, FOLLOW_UP_SITUATIONS } from '../../conversation/answers/follow-up-answers.ts';

/** A fact case the person filed themselves (hired, self-employed, school, military), not one outreach filed (no contact). */
export function isSelfReportedExit(reason: string): boolean {
  return FOLLOW_UP_SITUATIONS.some((s) => s === reason && DEREGISTRATION_FACTS_OF[s] !== null);
}

/** Clears the pause on the person's registrations, audited per registration; the number cleared. */
export async function clearExitReport(tx: Tx, jobSeekerId: string, why: { actor: string; caseId: string }): Promise<number> {
  const paused = await tx.registration.findMany({ where: { jobSeekerId, exitReportedAt: { not: null } }, select: { id: true } });
  if (paused.length === 0) return 0;
  await tx.registration.updateMany({ where: { id: { in: paused.map((r) => r.id) } }, data: { exitReportedAt: null } });
  for (const r of paused) {
    await tx.auditEvent.create({ data: auditRow({ actor: why.actor, action: 'registration.exit_report_cleared', subjectType: 'registration', subjectId: r.id, details: { caseId: why.caseId } }) });
  }
  return paused.length;
}
