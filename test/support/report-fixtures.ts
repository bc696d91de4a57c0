// People, contacts and cases for the work-list and report tests, made through the real services
// (registration intake, the outreach tick, the contact ledger, the handoff and hardship desks) on a
// running test service's database. Only what no service does yet is written directly: a registration's
// confirmation (the review decision is being built elsewhere) and a handoff's opening time (the desk takes no clock).
import type { AppConfig } from '../../src/config/app-config.ts';
import { loadPiiKey } from '../../src/config/load-pii-key.ts';
import { checkCharacter } from '../../src/domain/identity/id-number.ts';
import type { RunningService } from '../../src/main.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';
import { RegistrationDetailsSchema } from '../../src/conversation/registration-intake.ts';

/** Friday 20 November 2026, 10:00 Beijing time: the day the lists are for. */
export const NOW = new Date('2026-11-20T02:00:00Z');

const id = (first17: string) => first17 + checkCharacter(first17);

export interface SeededPeople { a: string; b: string; c: string; d: string; wz: string; overdueCase: string; freshCase: string; hardshipCase: string }

function submission(name: string, idNumber: string, phone: string, promiseDueBy: string | null) {
  return {
    kind: 'unemployment' as const, name, idNumber, phone, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, sex: 'M' as const, reason: 'lost_job' as const,
    details: RegistrationDetailsSchema.parse({
      retirementCategory: 'MALE' as const, household: '湛江市赤坎区', residence: '湛江市赤坎区', residenceSameAsHousehold: true, unemployedSince: '2026-10-01',
      education: 'senior' as const, skills: '电工证', jobWanted: '仓管', wantsTraining: true, wantsBusiness: false, papersComplete: promiseDueBy === null,
      creditPromise: promiseDueBy ? { promisedOn: '2026-11-18', dueBy: promiseDueBy, provisional: false, source: 'zhanjiang-2021#五(一)' } : null,
    }),
  };
}

/**
 * A (赤坎 440800): registered 2 Nov, never contacted — first contact overdue, behind on the quota, and a 转人工 past its SLA.
 * B (440802, a district): registered 3 Nov, contacted 5 Nov (policy matching) — on time.
 * C, D (440800): pending review on a credit promise due 27 Nov and 19 Nov (D is overdue). WZ: Wenzhou, never visible to Zhanjiang.
 */
export async function seedReportData(config: AppConfig, service: RunningService): Promise<SeededPeople> {
  const database = openDatabase(config.DATABASE_URL);
  await database.ready;
  const cipher = createPiiCipher(loadPiiKey(config));
  const zhanjiang = createRepositories(database.prisma, cipher, '440800');
  const district = createRepositories(database.prisma, cipher, '440802');
  const wenzhou = createRepositories(database.prisma, cipher, '330300');
  const submit = async (repos: typeof zhanjiang, key: string, name: string, first17: string, phone: string, at: string, promise: string | null = null) => {
    const result = await repos.registrations.submit({ submission: submission(name, id(first17), phone, promise), locale: 'zh-CN', conversationKey: `webchat:${key}`, channel: 'webchat', userKey: key, reference: '{}', at: new Date(at) });
    if ('unverified' in result) throw new Error(`seed ${key}: unverified`);
    return result;
  };
  const a = await submit(zhanjiang, 'a', '张一', '44080219800101001', '13800000001', '2026-11-02T02:00:00Z');
  const b = await submit(district, 'b', '李二', '44080219850202002', '13800000002', '2026-11-03T02:00:00Z');
  const c = await submit(zhanjiang, 'c', '王三', '44080219900303003', '13800000003', '2026-11-18T02:00:00Z', '2026-11-27');
  const d = await submit(zhanjiang, 'd', '赵四', '44080219920404004', '13800000004', '2026-11-10T02:00:00Z', '2026-11-19');
  const wz = await submit(wenzhou, 'wz', '温五', '33030219880505005', '13800000005', '2026-11-02T02:00:00Z');
  // The review decision is not a service yet: A, B and WZ are confirmed here.
  await database.prisma.registration.updateMany({ where: { id: { in: [a.registrationId, b.registrationId, wz.registrationId] } }, data: { status: 'registered' } });
  await service.tick(NOW);
  await zhanjiang.ledger.record({ jobSeekerId: b.jobSeekerId, registrationId: b.registrationId, kind: 'caseworker', channel: 'phone', outcome: 'looking', serviceKinds: ['policy'], notes: null, actor: 'caseworker:demo', at: new Date('2026-11-05T03:00:00Z') });

  const overdue = await zhanjiang.handoffs.open({ conversationKey: 'webchat:a', jobSeekerId: a.jobSeekerId, reason: 'user_request', excerpt: [] });
  const fresh = await zhanjiang.handoffs.open({ conversationKey: 'webchat:c', jobSeekerId: c.jobSeekerId, reason: 'user_request', excerpt: [] });
  await database.prisma.handoffCase.update({ where: { id: overdue.id }, data: { createdAt: new Date('2026-11-10T02:00:00Z') } });
  await database.prisma.handoffCase.update({ where: { id: fresh.id }, data: { createdAt: new Date('2026-11-20T01:00:00Z') } });
  const hardship = await zhanjiang.hardshipRequests.file({
    conversationKey: 'webchat:d', jobSeekerId: d.jobSeekerId, reason: 'hardship_prescreen', at: new Date('2026-11-12T02:00:00Z'),
    prescreen: {
      pack: '440800', asOf: '2026-11-12', categoriesSource: 'zhanjiang-2021#三(二)', publicNoticeExempt: false, publicNoticeSource: 'zhanjiang-2021#三(二)',
      registrationPrecondition: null, needsConfirmation: true, answers: {}, unknownAnswers: [],
      categories: [
        { code: 'AGE_4050', status: 'met', source: 'zhanjiang-2021#三(二)', reasons: [] },
        { code: 'DISABLED', status: 'unknown', source: 'zhanjiang-2021#三(二)', reasons: [] },
        { code: 'LOW_INCOME_FAMILY', status: 'not_met', source: 'zhanjiang-2021#三(二)', reasons: [] },
      ],
    },
  });
  await database.close();
  if ('unverified' in hardship) throw new Error('the fixture person is registered, so the pre-screen files');
  return { a: a.registrationId, b: b.registrationId, c: c.registrationId, d: d.registrationId, wz: wz.registrationId, overdueCase: overdue.id, freshCase: fresh.id, hardshipCase: hardship.id };
}
