// 报告近况 needs something to report on: a current registration of the person this conversation belongs to.
// Checked before any question, so nobody answers a 7-way question only to hear they are not registered.
import type { DialogPrecondition } from './action-types.ts';
import { NOT_REGISTERED_CHOICES, OPEN_REGISTRATION_STATUSES, personOf } from './person-of.ts';
import type { PeopleDirectory, StatusDirectory } from '../ports.ts';
import { reply } from '../reply.ts';

export function requireOpenRegistration(ports: { people: PeopleDirectory; status: StatusDirectory }): DialogPrecondition {
  return async (ctx) => {
    const jobSeekerId = await personOf(ctx, ports.people);
    const registration = jobSeekerId ? (await ports.status.statusOf(jobSeekerId)).registration : null;
    if (jobSeekerId && registration && OPEN_REGISTRATION_STATUSES.includes(registration.status)) return null;
    return { replies: [reply('followUp.notRegistered', undefined, NOT_REGISTERED_CHOICES)] };
  };
}
