// 撤回授权 / 恢复授权 change whether the bureau may contact a person, so only a conversation whose address is linked
// to them may ask, and only when there is something to change: checked before the confirmation question.
import type { ActionResult, DialogPrecondition } from './action-types.ts';
import { AFTER_CHOICES, NOT_LINKED_CHOICES } from './person-of.ts';
import type { ConsentRegister, PeopleDirectory } from '../ports.ts';
import { reply } from '../reply.ts';

export interface ConsentPorts {
  people: PeopleDirectory;
  consent?: ConsentRegister;
}

/**
 * The person behind this very address and the consent register (a conversation still proving who it is does not
 * count), or the refusal that conversation gets.
 */
export async function consentSubject(ports: ConsentPorts, turn: { channel: string; userKey: string }): Promise<{ jobSeekerId: string; consent: ConsentRegister } | { refusal: ActionResult }> {
  const jobSeekerId = (await ports.people.findByAddress(turn.channel, turn.userKey))?.jobSeekerId ?? null;
  if (!jobSeekerId || !ports.consent) return { refusal: { replies: [reply('consent.notLinked', undefined, NOT_LINKED_CHOICES)] } };
  return { jobSeekerId, consent: ports.consent };
}

/** `given`: withdrawing needs consent to withdraw; `withdrawn`: restoring needs a withdrawal to undo. */
export function requireConsentState(ports: ConsentPorts, wanted: 'given' | 'withdrawn'): DialogPrecondition {
  return async (ctx) => {
    const subject = await consentSubject(ports, ctx.turn);
    if ('refusal' in subject) return subject.refusal;
    const { jobSeekerId } = subject;
    const withdrawn = await subject.consent.isWithdrawn(jobSeekerId);
    if (withdrawn === (wanted === 'withdrawn')) return null;
    return { jobSeekerId, replies: [reply(withdrawn ? 'consent.withdraw.already' : 'consent.restore.notWithdrawn'), reply('menu.after', undefined, AFTER_CHOICES)] };
  };
}
