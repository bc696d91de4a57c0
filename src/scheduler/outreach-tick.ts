// One scheduler tick: plan obligations into rows, then deliver what is due. Safe to run twice at once, after a
// crash, or on two instances: rows have idempotency keys, claims are leased, sends are marked before they go
// (deliver-due.ts), messages carry idempotency keys.
import type { AuditLog } from '../conversation/ports.ts';
import { deliverDue, type DeliveryDeps } from '../delivery/deliver-due.ts';
import type { OutreachFactDesk, OutreachPlanStore } from './outreach-ports.ts';
import { reportOutreachFacts } from './report-outreach-facts.ts';
import { planOutreach, type PlanningPolicy } from './plan-outreach.ts';

export interface TickDeps {
  plans: OutreachPlanStore;
  planning: PlanningPolicy;
  delivery: DeliveryDeps;
  audit: AuditLog;
  /** Work-list facts (unreachable, refusals) for caseworkers; absent in tests that only plan and send. */
  facts?: OutreachFactDesk;
}

/** What `jiuyebang outreach tick` prints. */
export interface TickResult {
  planned: number;
  sent: number;
  deferred: number;
  failed: number;
  /** Taken over after a crash with a send in flight on a channel that cannot tell a resend: not sent again, not counted. */
  unconfirmed: number;
}

export async function runOutreachTick(deps: TickDeps, now: Date): Promise<TickResult> {
  const plan = await planOutreach(deps.plans, deps.planning, now);
  const delivered = await deliverDue(deps.delivery, now);
  const facts = deps.facts ? await reportOutreachFacts(deps.facts, deps.planning.packs, now) : 0;
  const result = { planned: plan.created, sent: delivered.sent, deferred: delivered.deferred, failed: delivered.failed, unconfirmed: delivered.unconfirmed };
  if (plan.created + plan.updated + plan.cancelled + delivered.sent + delivered.failed + delivered.unconfirmed + facts > 0) {
    await deps.audit.record({ actor: 'scheduler', action: 'outreach.tick', subjectType: 'outreach', details: { ...result, moved: plan.updated, cancelled: plan.cancelled, factsFiled: facts, at: now.toISOString() } });
  }
  return result;
}
