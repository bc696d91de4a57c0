// Facts outreach files, reviewed in the console on the real service: a person no channel reached for 6 months shows in
// 就业情况核实 with the region's ground applying and its clause; a Zhanjiang caseworker deregisters on it (Z 二(一)9),
// a Wenzhou one is refused on that ground alone (W 二(三)1) and keeps serving the person, and a kept fact is not filed
// again by the next ticks, only after another 6 months without contact. Three refusals logged by a caseworker file
// REFUSED_SERVICES the same way. The bot never deregisters: only the caseworker's decision does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseworker, callApi, loginAs } from '../support/console-api.ts';
import { seedPerson } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';

const t = createLocalizer(readLocaleResources()).t;
const config = tempServiceConfig();
const beijing = (date: string, hhmm = '10:00') => new Date(`${date}T${hhmm}:00+08:00`);
let clock = beijing('2026-03-03');
let service: RunningService;
let db: Database;
let zhanjiang = { jobSeekerId: '', registrationId: '' };
let wenzhou = { jobSeekerId: '', registrationId: '' };

interface FactJson {
  caseId: string; status: string; situation: string; situationLabel: string; origin: string; evidence: string | null; registrationId: string | null; assessment: string;
  person: { jobSeekerId: string; name: string };
  grounds: { code: string; label: string; facts: string; forbiddenAsSoleGround: boolean; clause: { ref: string; text: string } }[];
}

async function facts(token: string, status: 'open' | 'closed' = 'open'): Promise<FactJson[]> {
  const answer = await callApi(service.url, token, 'GET', `/reviews/deregistration?status=${status}`);
  expect(answer.status).toBe(200);
  return (answer.body as unknown as { facts: FactJson[] }).facts;
}
const factOf = async (token: string, jobSeekerId: string, status: 'open' | 'closed' = 'open') => (await facts(token, status)).filter((f) => f.person.jobSeekerId === jobSeekerId);
const casesOf = (jobSeekerId: string) => db.prisma.handoffCase.findMany({ where: { jobSeekerId, kind: 'deregistration_fact' }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  service = await startTestService(config, { now: () => clock });
  await addCaseworker(config, { username: 'wz', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  // Registered on Monday 2 March 2026, no channel and no phone on file: every message ends undeliverable.
  zhanjiang = await seedPerson(db.prisma, { regionCode: '440802', name: '周一' });
  wenzhou = await seedPerson(db.prisma, { regionCode: '330302', name: '吴二' });
  await service.tick(clock);
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

describe('outreach facts in the review desk', () => {
  it('6 months unreachable: the fact shows with its ground applying and clause; Zhanjiang deregisters on it', async () => {
    expect(await db.prisma.outreachTask.findFirstOrThrow({ where: { jobSeekerId: zhanjiang.jobSeekerId, kind: 'first_contact' } })).toMatchObject({ status: 'undeliverable', lastError: 'no_reachable_address' });
    expect(await casesOf(zhanjiang.jobSeekerId)).toEqual([]);
    clock = beijing('2026-09-03');
    await service.tick(clock);
    const demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    const [fact, ...more] = await factOf(demo, zhanjiang.jobSeekerId);
    expect(more).toEqual([]);
    expect(fact).toMatchObject({
      situation: 'NO_CONTACT', situationLabel: '连续多月未与经办机构联系', origin: 'outreach', registrationId: zhanjiang.registrationId, assessment: 'refer_to_caseworker',
      evidence: t('zh-CN', 'decisions.outreachEvidence.NO_CONTACT', { since: '2026-03-02', months: 6 }),
    });
    expect(fact?.evidence).toBe('自 2026年3月2日 起未能联系上，已满 6 个月，期间的发送或电话均未成功');
    expect(fact?.grounds.find((g) => g.code === 'NO_CONTACT')).toEqual({
      code: 'NO_CONTACT', label: '连续多月未与经办机构联系', facts: 'applies', forbiddenAsSoleGround: false, notifyPerson: false,
      clause: { ref: 'zhanjiang-2021#二(一)9', text: '《关于建立湛江市失业人员就业服务制度的通知》 第二部分第（一）项第9点' },
    });
    const decided = await callApi(service.url, demo, 'POST', `/reviews/deregistration/${fact?.caseId ?? ''}/decision`, { outcome: 'deregistered', grounds: ['NO_CONTACT'], note: '电话、上门均无法联系，已满6个月' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ told: false, fact: { status: 'closed' } });
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id: zhanjiang.registrationId } })).toMatchObject({ status: 'withdrawn' });
    expect((await db.prisma.registrationEvent.findFirstOrThrow({ where: { registrationId: zhanjiang.registrationId } })).note).toBe('NO_CONTACT: 电话、上门均无法联系，已满6个月');
  });

  it('Wenzhou: refused on "no contact" alone with its clause, kept, and not filed again until another 6 months without contact', async () => {
    const wz = await loginAs(service.url, 'wz', 'pw-wz-123');
    const [fact] = await factOf(wz, wenzhou.jobSeekerId);
    expect(fact).toMatchObject({ situation: 'NO_CONTACT', origin: 'outreach', assessment: 'sole_ground_forbidden', registrationId: wenzhou.registrationId });
    expect(fact?.grounds.find((g) => g.code === 'NO_CONTACT')).toMatchObject({ facts: 'applies', forbiddenAsSoleGround: true, clause: { text: '温人社发〔2022〕37号 第二部分第（三）项第1点' } });
    const path = `/reviews/deregistration/${fact?.caseId ?? ''}/decision`;
    const refused = await callApi(service.url, wz, 'POST', path, { outcome: 'deregistered', grounds: ['NO_CONTACT'], note: '半年未联系上' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('依据温人社发〔2022〕37号 第二部分第（三）项第1点，“连续多月未与经办机构联系”不得作为注销失业登记的唯一理由。请核实是否有其他注销情形，否则请继续为其提供服务。');
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id: wenzhou.registrationId } })).toMatchObject({ status: 'registered' });
    const kept = await callApi(service.url, wz, 'POST', path, { outcome: 'kept', note: '已请社区网格员上门，继续服务' });
    expect(kept.status).toBe(200);
    expect(await factOf(wz, wenzhou.jobSeekerId)).toEqual([]);

    // The next ticks find the same silence: nothing new to file.
    for (const day of ['2026-09-07', '2026-12-03', '2027-03-02']) {
      clock = beijing(day);
      await service.tick(clock);
      expect((await casesOf(wenzhou.jobSeekerId)).map((c) => c.status)).toEqual(['closed']);
    }
    // Six full months after the decision, with messages still failing: new evidence, a new fact.
    clock = beijing('2027-03-03');
    await service.tick(clock);
    expect((await casesOf(wenzhou.jobSeekerId)).map((c) => [c.reason, c.status])).toEqual([['NO_CONTACT', 'closed'], ['NO_CONTACT', 'open']]);
    const again = await factOf(await loginAs(service.url, 'wz', 'pw-wz-123'), wenzhou.jobSeekerId);
    expect(again.map((f) => f.evidence)).toEqual(['自 2026年9月3日 起未能联系上，已满 6 个月，期间的发送或电话均未成功']);
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id: wenzhou.registrationId } })).toMatchObject({ status: 'registered' });
  });

  it('three refusals logged by a caseworker in a row file REFUSED_SERVICES; a call nobody answered between them does not break the run', async () => {
    clock = beijing('2027-03-10');
    const demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    const person = await seedPerson(db.prisma, { regionCode: '440802', name: '郑三' });
    const log = (date: string, outcome: string) => callApi(service.url, demo, 'POST', `/people/${person.jobSeekerId}/contacts`, { way: 'phone_call', content: '电话推荐岗位和培训', outcome, date });
    for (const [date, outcome] of [['2027-03-01', 'refused_service'], ['2027-03-02', 'refused_service'], ['2027-03-03', 'no_answer']] as const) expect((await log(date, outcome)).status).toBe(201);
    await service.tick(clock);
    expect(await casesOf(person.jobSeekerId)).toEqual([]);
    expect((await log('2027-03-09', 'refused_service')).status).toBe(201);
    await service.tick(clock);
    const [fact] = await factOf(demo, person.jobSeekerId);
    expect(fact).toMatchObject({ situation: 'REFUSED_SERVICES', situationLabel: '多次无正当理由拒绝公共就业服务', origin: 'outreach', evidence: '连续 3 次表示不需要服务', registrationId: person.registrationId });
    expect(fact?.grounds.find((g) => g.code === 'REFUSED_SERVICES')).toMatchObject({ facts: 'applies', clause: { text: '《关于建立湛江市失业人员就业服务制度的通知》 第二部分第（一）项第8点' } });
    expect(await db.prisma.auditEvent.count({ where: { action: 'outreach.fact_filed', subjectId: fact?.caseId ?? '' } })).toBe(1);
    await service.tick(clock);
    expect(await casesOf(person.jobSeekerId)).toHaveLength(1);
  });
});
