// Finishes 撤回授权: the person confirmed, so the withdrawal is recorded and their open outreach rows cancelled
// (ConsentRegister), a caseworker gets a case saying so, and the person hears that and how to come back.
import type { DialogAction } from './action-types.ts';
import { AFTER_CHOICES } from './person-of.ts';
import { consentSubject, type ConsentPorts } from './require-consent-state.ts';
import type { CaseFiler } from '../ports.ts';
import { reply } from '../reply.ts';

/** The case a caseworker sees in the inbox: the person no longer wants to be contacted. */
export const CONSENT_WITHDRAWN_CASE = 'consent_withdrawn';

export function withdrawConsent(ports: ConsentPorts & { cases: CaseFiler }): DialogAction {
  return async (ctx) => {
    const subject = await consentSubject(ports, ctx.turn);
    if ('refusal' in subject) return subject.refusal;
    const { jobSeekerId } = subject;
    if (ctx.slots.confirm !== 'withdraw') return { jobSeekerId, replies: [reply('consent.withdraw.kept'), reply('menu.after', undefined, AFTER_CHOICES)] };
    const done = await subject.consent.withdraw(jobSeekerId, { actor: 'job_seeker', reason: 'chat', at: ctx.turn.at, conversationKey: ctx.conversationKey });
    if (!done.withdrawn) return { jobSeekerId, replies: [reply('consent.withdraw.already'), reply('menu.after', undefined, AFTER_CHOICES)] };
    await ports.cases.fileCase({
      conversationKey: ctx.conversationKey, jobSeekerId, kind: CONSENT_WITHDRAWN_CASE, reason: CONSENT_WITHDRAWN_CASE,
      details: { withdrawnAt: ctx.turn.at.toISOString(), cancelledTasks: done.cancelled, by: 'job_seeker' }, reference: ctx.turn.reference,
    });
    return { jobSeekerId, replies: [reply('consent.withdraw.done'), reply('menu.after', undefined, AFTER_CHOICES)] };
  };
}
