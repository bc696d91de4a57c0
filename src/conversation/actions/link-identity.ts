// Finishes 核实身份: after a verified one-time code, links this channel address to the person on file (from
// then on "my status" and "report news" are theirs); or files an `identity_link` case so a caseworker confirms
// who is behind the conversation (also when someone else may be using the ID). Both audited.
import type { DialogAction } from './action-types.ts';
import { AFTER_CHOICES } from './person-of.ts';
import type { AuditLog, CaseFiler, IdentityChallengeStore } from '../ports.ts';
import { reply } from '../reply.ts';

export interface LinkIdentityPorts {
  identity: IdentityChallengeStore;
  cases: CaseFiler;
  audit: AuditLog;
}

const LINKED_CHOICES = [{ value: 'start:status', label: 'menu.buttons.status' }, ...AFTER_CHOICES] as const;

export function linkIdentity(ports: LinkIdentityPorts): DialogAction {
  return async (ctx) => {
    const person = typeof ctx.slots.person === 'string' ? ctx.slots.person : null;
    if (!person) return { replies: [reply('identity.code.expired'), reply('menu.after', undefined, AFTER_CHOICES)] };
    const { channel, userKey } = ctx.turn;
    if (ctx.slots.method === 'caseworker') {
      const filed = await ports.cases.fileCase({
        conversationKey: ctx.conversationKey, jobSeekerId: person, kind: 'identity_link', reason: 'possible_id_misuse', reference: ctx.turn.reference,
        details: { channel, requestedAt: ctx.turn.at.toISOString(), note: 'ID number already on file was given in a conversation not linked to this person' },
      });
      await ports.audit.record({ actor: 'bot', action: 'identity.caseFiled', subjectType: 'handoff_case', subjectId: filed.id, details: { conversationKey: ctx.conversationKey } });
      return { replies: [reply('identity.caseFiled'), reply('menu.after', undefined, AFTER_CHOICES)] };
    }
    const challengeId = typeof ctx.slots.challengeId === 'string' ? ctx.slots.challengeId : '';
    if (!(await ports.identity.wasVerified(challengeId, person, channel, userKey))) {
      return { replies: [reply('identity.code.expired'), reply('menu.after', undefined, AFTER_CHOICES)] };
    }
    await ports.identity.linkAddress({ jobSeekerId: person, channel, userKey, conversationKey: ctx.conversationKey, reference: ctx.turn.reference });
    await ports.audit.record({ actor: 'bot', action: 'identity.linked', subjectType: 'job_seeker', subjectId: person, details: { conversationKey: ctx.conversationKey, channel, challengeId } });
    return { jobSeekerId: person, replies: [reply('identity.linked', undefined, LINKED_CHOICES)] };
  };
}
