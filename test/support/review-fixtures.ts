// Rows the review tests start from when the chat path to them is long or belongs to another region: a person,
// an open registration, a hardship pre-screen case and a reported deregistration fact, written as the bot writes them.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/persistence/database.ts';
import type { HardshipPrescreen } from '../../src/conversation/answers/hardship-prescreen.ts';

export async function seedPerson(db: Db, person: { regionCode: string; name: string; status?: string; conversationKey?: string }): Promise<{ jobSeekerId: string; registrationId: string }> {
  const jobSeekerId = randomUUID();
  const registrationId = randomUUID();
  await db.jobSeeker.create({ data: { id: jobSeekerId, regionCode: person.regionCode, name: person.name, idNumberMask: '3303************35', phoneMask: '139****0000' } });
  await db.registration.create({
    data: { id: registrationId, jobSeekerId, regionCode: person.regionCode, status: person.status ?? 'registered', registeredAt: new Date('2026-03-02T02:00:00Z'), reason: 'lost_job' },
  });
  return { jobSeekerId, registrationId };
}

/** A Wenzhou pre-screen: one category met, one to check, one not met; public notice waived (低保). */
export function wenzhouPrescreen(): HardshipPrescreen {
  return {
    pack: 'wenzhou-2022', asOf: '2026-03-10',
    categories: [
      { code: 'LOW_INCOME_FAMILY', status: 'met', source: 'wenzhou-2022#一(二)', reasons: ['FACT_TRUE'] },
      { code: 'DISABLED', status: 'unknown', source: 'wenzhou-2022#一(二)', reasons: ['MISSING_FACT'] },
      { code: 'ZERO_EMPLOYMENT_FAMILY', status: 'not_met', source: 'wenzhou-2022#一(二)', reasons: ['FACT_FALSE'] },
    ],
    categoriesSource: 'wenzhou-2022#一(二)', publicNoticeExempt: true, publicNoticeSource: 'wenzhou-2022#一(二)',
    registrationPrecondition: { status: 'met', source: 'wenzhou-2022#一(二)' }, needsConfirmation: false,
    answers: { familyMinimumLivingAllowance: true }, unknownAnswers: ['disabilityCertified'],
  };
}

export async function seedHardshipCase(db: Db, request: { jobSeekerId: string | null; regionCode: string; prescreen: HardshipPrescreen }): Promise<string> {
  const id = randomUUID();
  await db.handoffCase.create({
    data: { id, kind: 'hardship_recognition', status: 'open', conversationKey: `webchat:seed-${id}`, jobSeekerId: request.jobSeekerId, regionCode: request.regionCode, reason: 'LOW_INCOME_FAMILY,DISABLED', details: JSON.stringify(request.prescreen) },
  });
  return id;
}

export async function seedDeregistrationFact(db: Db, fact: { jobSeekerId: string; registrationId: string; regionCode: string; situation: string; facts: Record<string, unknown> }): Promise<string> {
  const id = randomUUID();
  await db.handoffCase.create({
    data: {
      id, kind: 'deregistration_fact', status: 'open', conversationKey: `webchat:seed-${id}`, jobSeekerId: fact.jobSeekerId, regionCode: fact.regionCode, reason: fact.situation,
      details: JSON.stringify({ facts: fact.facts, registrationId: fact.registrationId, reportedOn: '2026-03-10' }),
    },
  });
  return id;
}
