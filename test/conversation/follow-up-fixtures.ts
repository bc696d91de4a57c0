// People already on the register, written straight to the database so status and follow-up tests do not
// depend on the registration form: a person, a registration and the channel address they talk from.
import { randomUUID } from 'node:crypto';
import { HARNESS_CHANNEL, HARNESS_START, type EngineHarness } from '../support/engine-harness.ts';

export interface SeededPerson {
  jobSeekerId: string;
  registrationId: string;
}

export async function seedPerson(
  h: EngineHarness,
  o: { userKey?: string; status?: string; registeredAt?: Date; locale?: string; regionCode?: string } = {},
): Promise<SeededPerson> {
  const jobSeekerId = randomUUID();
  const registrationId = randomUUID();
  const regionCode = o.regionCode ?? '440800';
  await h.db.jobSeeker.create({ data: { id: jobSeekerId, regionCode, name: '张三', locale: o.locale ?? 'zh-CN' } });
  await h.db.registration.create({
    data: { id: registrationId, jobSeekerId, regionCode, status: o.status ?? 'pending_review', registeredAt: o.registeredAt ?? HARNESS_START, reason: 'lost_job' },
  });
  await h.db.registrationEvent.create({ data: { id: randomUUID(), registrationId, toStatus: o.status ?? 'pending_review', actor: 'bot' } });
  const userKey = o.userKey ?? `user-${h.conversationId}`;
  await h.db.channelAddress.create({ data: { id: randomUUID(), channel: HARNESS_CHANNEL, userKey, conversationId: h.conversationKey(), reference: '{}', jobSeekerId } });
  return { jobSeekerId, registrationId };
}

/** A day at 10:00 Beijing time. */
export function beijing(date: string): Date {
  return new Date(`${date}T02:00:00.000Z`);
}
