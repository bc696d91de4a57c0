// One scheduler tick: turns obligations into outreach task rows. Safe to run twice or on two instances:
// each task has an idempotency key (person + kind + period).
import { endOfServiceDay } from '../config/service-time-zone.ts';
import type { FirstContactPolicy } from '../conversation/registration-intake.ts';
import { firstContactKey } from '../domain/follow-up/first-contact-key.ts';
import type { OutreachPlanner, RegistrationsAwaitingFirstContact } from './outreach-ports.ts';

export interface TickDeps {
  registrations: RegistrationsAwaitingFirstContact;
  outreach: OutreachPlanner;
  firstContact: FirstContactPolicy;
  audit: { record(e: { actor: string; action: string; subjectType: string; details?: Record<string, unknown> }): Promise<void> };
}

export interface TickResult {
  firstContactTasksCreated: number;
}

const BATCH = 500;

export async function runOutreachTick(deps: TickDeps, now: Date): Promise<TickResult> {
  let created = 0;
  for (;;) {
    const pending = await deps.registrations.listWithoutFirstContactTask(BATCH);
    if (pending.length === 0) break;
    const tasks = pending.map((r) => {
      const due = deps.firstContact.firstContactBy(r.registeredAt);
      return { jobSeekerId: r.jobSeekerId, registrationId: r.id, kind: 'first_contact', dueAt: endOfServiceDay(due.date), provisional: due.provisional, idempotencyKey: firstContactKey(r.id) };
    });
    const added = await deps.outreach.plan(tasks);
    created += added;
    if (pending.length < BATCH || added === 0) break;
  }
  if (created > 0) await deps.audit.record({ actor: 'scheduler', action: 'outreach.planned', subjectType: 'outreach', details: { firstContactTasksCreated: created, at: now.toISOString() } });
  return { firstContactTasksCreated: created };
}
