// 联系方式 changes where the bureau writes to a person, so only a conversation whose address is linked to them may
// ask: checked before the question, so nobody picks a channel only to hear they must register or verify first.
import type { DialogPrecondition } from './action-types.ts';
import { NOT_REGISTERED_CHOICES } from './person-of.ts';
import type { PeopleDirectory } from '../ports.ts';
import { reply } from '../reply.ts';

export function requireLinkedAddress(ports: { people: PeopleDirectory }): DialogPrecondition {
  return async (ctx) => {
    const linked = await ports.people.findByAddress(ctx.turn.channel, ctx.turn.userKey);
    return linked ? null : { replies: [reply('contactChannel.notLinked', undefined, NOT_REGISTERED_CHOICES)] };
  };
}
