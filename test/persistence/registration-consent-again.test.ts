// Registering again gives consent again: a person who withdrew consent (so nothing was planned or sent) and later
// registers from their linked conversation is reachable again, and the audit record says consent was given again.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { checkCharacter, parseIdNumber } from '../../src/domain/identity/id-number.ts';

const FIRST = new Date('2026-03-02T02:00:00.000Z');
const AGAIN = new Date('2026-06-01T02:00:00.000Z');
const ID = `44080219900314031`;

describe('a registration after a consent withdrawal', () => {
  it('clears the withdrawal and records consent given again', async ({ testDatabase }) => {
    const repos = testDatabase.reposFor('440802');
    const db = testDatabase.database.prisma;
    const id = parseIdNumber(ID + checkCharacter(ID), '2026-03-02');
    if (!id.valid) throw new Error('test ID is not valid');
    const submit = (at: Date, linkedJobSeekerId?: string) => repos.registrations.submit({
      submission: {
        name: '演示甲', idNumber: id.normalized, phone: '13800138000', birthDate: id.birthDate, sex: id.sex, reason: 'lost_job',
        details: {
          retirementCategory: 'MALE', household: '广东省湛江市赤坎区', residence: '广东省湛江市赤坎区', residenceSameAsHousehold: true,
          unemployedSince: '2026-01-01', education: 'college', skills: '无', jobWanted: '叉车司机', wantsTraining: false, wantsBusiness: false, papersComplete: true, creditPromise: null,
        },
      },
      locale: 'zh-CN', conversationKey: 'webchat:c1', channel: 'webchat', userKey: 'u1', reference: '{}', at, ...(linkedJobSeekerId ? { linkedJobSeekerId } : {}),
    });
    const first = await submit(FIRST);
    if (!('jobSeekerId' in first) || !('registrationId' in first)) throw new Error('first registration refused');
    await db.registration.update({ where: { id: first.registrationId }, data: { status: 'withdrawn' } });
    await db.jobSeeker.update({ where: { id: first.jobSeekerId }, data: { consentWithdrawnAt: new Date('2026-04-01T02:00:00Z') } });

    const again = await submit(AGAIN, first.jobSeekerId);
    expect(again).toMatchObject({ jobSeekerId: first.jobSeekerId, duplicate: false });
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id: first.jobSeekerId } })).toMatchObject({ consentAt: AGAIN, consentWithdrawnAt: null });
    const audit = await db.auditEvent.findMany({ where: { action: 'registration.submitted' }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => JSON.parse(a.details).consentGivenAgain ?? false)).toEqual([false, true]);
  });
});
