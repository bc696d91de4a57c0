// Finishes 恢复授权: the person confirmed they may be contacted again; outreach plans what is still owed on its next tick.
import type { DialogAction } from './action-types.ts';
import { AFTER_CHOICES } from './person-of.ts';
import { consentSubject, type ConsentPorts } from './require-consent-state.ts';
import { reply } from '../reply.ts';

export function restoreConsent(ports: ConsentPorts): DialogAction {
  return async (ctx) => {
    const subject = await consentSubject(ports, ctx.turn);
    if ('refusal' in subject) return subject.refusal;
    const { jobSeekerId } = subject;
    if (ctx.slots.confirm !== 'restore') return { jobSeekerId, replies: [reply('consent.restore.kept'), reply('menu.after', undefined, AFTER_CHOICES)] };
    const restored = await subject.consent.restore(jobSeekerId, { actor: 'job_seeker', reason: 'chat', at: ctx.turn.at, conversationKey: ctx.conversationKey });
    return { jobSeekerId, replies: [reply(restored ? 'consent.restore.done' : 'consent.restore.notWithdrawn'), reply('menu.after', undefined, AFTER_CHOICES)] };
  };
}
