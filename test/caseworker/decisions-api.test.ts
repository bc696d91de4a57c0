// Reviews and decisions on the real service: a web-chat registration on a credit promise is listed with its
// working-day countdown and clause, confirmed (the user is told in their Direct Line conversation), and a
// second caseworker's stale confirm changes nothing; hardship categories are decided one by one; a Wenzhou
// deregistration on "no contact" alone is refused with its clause; other regions and anonymous callers see nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { registerOverWebchat } from '../support/register-over-webchat.ts';
import { seedDeregistrationFact, seedHardshipCase, seedPerson, wenzhouPrescreen } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { addCaseworker, callApi, loginAs } from '../support/console-api.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

const config = tempServiceConfig();
let service: RunningService;
let db: Database;
let user: DirectlineTestClient;
let demo = '';
let second = '';
let wenzhou = '';
let registrationId = '';

interface RegistrationJson {
  id: string;
  status: string;
  person: { jobSeekerId: string; name: string; idNumber: string; phone: string };
  clause: { ref: string; text: string };
  creditPromise: { dueBy: string; workingDaysLeft: number; overdue: boolean; clause: { text: string } } | null;
}

beforeAll(async () => {
  service = await startTestService(config);
  await addCaseworker(config, { username: 'zj2', password: 'pw-zj2-123', displayName: '李四', regionCode: '440800' });
  await addCaseworker(config, { username: 'wz', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
  demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
  second = await loginAs(service.url, 'zj2', 'pw-zj2-123');
  wenzhou = await loginAs(service.url, 'wz', 'pw-wz-123');
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  user = await connect(service.url);
  await registerOverWebchat(user, { name: '张三', idNumber: '440802199005150139', phone: '138 1234 5678', creditPromise: true });
}, 60_000);

afterAll(async () => {
  user?.end();
  await db?.close();
  await service?.stop();
});

describe('pending registrations', () => {
  it('lists the credit-promise registration with 7 working days left, masked numbers and the clauses in words', async () => {
    const answer = await callApi(service.url, demo, 'GET', '/reviews/registrations');
    expect(answer.status).toBe(200);
    const rows = (answer.body as unknown as { registrations: RegistrationJson[] }).registrations;
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (!row) throw new Error('no row');
    registrationId = row.id;
    expect(row.person.name).toBe('张三');
    expect(row.person.idNumber).toBe('4408************39');
    expect(JSON.stringify(answer.body)).not.toContain('440802199005150139');
    expect(row.creditPromise).toMatchObject({ workingDaysLeft: 7, overdue: false });
    expect(row.creditPromise?.clause.text).toBe('《关于建立湛江市失业人员就业服务制度的通知》 第五部分第（一）项');
    expect(row.clause.text).not.toMatch(/#|decision:/);
  });

  it('refuses anonymous callers, other regions and bad bodies, changing nothing', async () => {
    expect((await callApi(service.url, null, 'GET', '/reviews/registrations')).status).toBe(401);
    const elsewhere = await callApi(service.url, wenzhou, 'GET', '/reviews/registrations');
    expect((elsewhere.body as unknown as { registrations: unknown[] }).registrations).toEqual([]);
    const foreign = await callApi(service.url, wenzhou, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'registered' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe('找不到该事项，或它不属于您所在的地区。');
    const noReason = await callApi(service.url, demo, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('不予登记时请选择原因');
    const junk = await callApi(service.url, demo, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'approve-all', reason: 'x'.repeat(5000) });
    expect(junk.status).toBe(400);
    const row = await db.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } });
    expect(row.status).toBe('pending_review');
  });

  it('confirms: the registration is registered, the user is told in web chat in the language they chose, and the decision is audited', async () => {
    await ask(user, 'English');
    const before = user.botMessages().length;
    const answer = await callApi(service.url, demo, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'registered' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ told: true, registration: { status: 'registered' } });
    const notice = await user.waitForBotReply((m) => user.botMessages().indexOf(m) >= before);
    expect(notice.text).toBe('Your unemployment registration has been approved. A caseworker will contact you as the rules require.');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'registration.decided', subjectId: registrationId } });
    expect(audit.actor).toBe('caseworker:demo');
    expect(JSON.parse(audit.details)).toMatchObject({ outcome: 'registered', clause: expect.stringMatching(/#/) });
  });

  it('a second caseworker deciding the same registration gets a clear Chinese message and changes nothing', async () => {
    const stale = await callApi(service.url, second, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'rejected', reason: '材料不符' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('该事项已由演示工作人员处理（当前状态：已登记），您的操作未生效，请刷新后查看。');
    const row = await db.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } });
    expect(row.status).toBe('registered');
    expect(await db.prisma.registrationEvent.count({ where: { registrationId } })).toBe(2);
  });
});

describe('a rejection reason in the person\'s language', () => {
  const pendingIdOf = async (name: string) => {
    const rows = (await callApi(service.url, demo, 'GET', '/reviews/registrations')).body as unknown as { registrations: { id: string; person: { name: string } }[] };
    return rows.registrations.find((r) => r.person.name === name)?.id ?? '';
  };
  const rejectAndRead = async (client: DirectlineTestClient, name: string, body: Record<string, string>) => {
    const id = await pendingIdOf(name);
    const before = client.botMessages().length;
    const answer = await callApi(service.url, demo, 'POST', `/reviews/registrations/${id}/decision`, { outcome: 'rejected', ...body });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ told: true, registration: { status: 'rejected' } });
    const notice = await client.waitForBotReply((m) => client.botMessages().indexOf(m) >= before);
    return { id, text: notice.text };
  };

  it('offers the common reasons as choices, worded in the console\'s language, with "other" for free text', async () => {
    const zh = (await callApi(service.url, demo, 'GET', '/reviews/registrations')).body as unknown as { rejectionReasons: { code: string; label: string }[] };
    expect(zh.rejectionReasons.find((r) => r.code === 'student')?.label).toBe('在校学生不能办理失业登记');
    expect(zh.rejectionReasons.at(-1)).toEqual({ code: 'other', label: '其他（填写原因）' });
    const en = (await callApi(service.url, demo, 'GET', '/reviews/registrations?lang=en')).body as unknown as { rejectionReasons: { code: string; label: string }[] };
    expect(en.rejectionReasons.find((r) => r.code === 'student')?.label).toBe('Students still in school cannot register as unemployed.');
    const noWords = await callApi(service.url, demo, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'rejected', reasonCode: 'other' });
    expect(noWords.status).toBe(400);
    const unknown = await callApi(service.url, demo, 'POST', `/reviews/registrations/${registrationId}/decision`, { outcome: 'rejected', reasonCode: 'because' });
    expect(unknown.status).toBe(400);
  });

  it('a chosen reason is told in English to a person who chose English, and recorded in Chinese', async () => {
    const english = await connect(service.url);
    try {
      await registerOverWebchat(english, { name: '王二', idNumber: '440802199207210435', phone: '139 0000 1111' });
      await ask(english, 'English');
      const chosen = await rejectAndRead(english, '王二', { reasonCode: 'student' });
      expect(chosen.text).toBe('Your registration was not approved. Reason: Students still in school cannot register as unemployed.\nIf you have questions, type "human".');
      expect((await db.prisma.registrationEvent.findFirstOrThrow({ where: { registrationId: chosen.id, toStatus: 'rejected' } })).note).toBe('在校学生不能办理失业登记');
    } finally {
      english.end();
    }
  }, 90_000);

  it('free text without a chosen reason reaches an English reader as "Your caseworker wrote (in Chinese)"', async () => {
    const english = await connect(service.url);
    try {
      await registerOverWebchat(english, { name: '钱七', idNumber: '44080219850101051X', phone: '139 0000 3333' });
      await ask(english, 'English');
      const quoted = await rejectAndRead(english, '钱七', { reason: '材料与实际情况不符' });
      expect(quoted.text).toBe('Your registration was not approved. Your caseworker wrote (in Chinese): “材料与实际情况不符”\nIf you have questions, type "human".');
    } finally {
      english.end();
    }
  }, 90_000);
});

describe('two caseworkers decide one registration at once', () => {
  it('exactly one decision wins; the other is told and changes nothing', async () => {
    const seeded = await seedPerson(db.prisma, { regionCode: '440802', name: '孙九', status: 'pending_review' });
    const path = `/reviews/registrations/${seeded.registrationId}/decision`;
    const answers = await Promise.all([
      callApi(service.url, demo, 'POST', path, { outcome: 'registered' }),
      callApi(service.url, second, 'POST', path, { outcome: 'rejected', reason: '不符合登记条件' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.message).toMatch(/^该事项已由(演示工作人员|李四)处理（当前状态：(已登记|未通过)），您的操作未生效，请刷新后查看。$/);
    expect(await db.prisma.registrationEvent.count({ where: { registrationId: seeded.registrationId } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: 'registration.decided', subjectId: seeded.registrationId } })).toBe(1);
  });
});

describe('hardship pre-screens (Wenzhou)', () => {
  let caseId = '';

  beforeAll(async () => {
    const person = await seedPerson(db.prisma, { regionCode: '330302', name: '王小二' });
    caseId = await seedHardshipCase(db.prisma, { jobSeekerId: person.jobSeekerId, regionCode: '330302', prescreen: wenzhouPrescreen() });
  });

  it("shows the bot's result per category with its clause, and the public-notice exemption", async () => {
    const answer = await callApi(service.url, wenzhou, 'GET', '/reviews/hardship');
    expect(answer.status).toBe(200);
    const [request] = (answer.body as unknown as { requests: { caseId: string; categories: { code: string; label: string; botResult: string; clause: { text: string } }[]; publicNotice: { exempt: boolean; clause: { text: string } } }[] }).requests;
    expect(request?.caseId).toBe(caseId);
    expect(request?.categories.map((c) => [c.label, c.botResult])).toEqual([['低保、低边等困难家庭成员', 'met'], ['残疾人', 'unknown'], ['零就业家庭成员', 'not_met']]);
    expect(request?.categories[0]?.clause.text).toBe('温人社发〔2022〕37号 第一部分第（二）项');
    expect(request?.publicNotice).toEqual({ exempt: true, clause: { ref: 'wenzhou-2022#一(二)', text: '温人社发〔2022〕37号 第一部分第（二）项' } });
    const zhanjiang = await callApi(service.url, demo, 'GET', '/reviews/hardship');
    expect((zhanjiang.body as unknown as { requests: unknown[] }).requests).toEqual([]);
  });

  it('confirms one category once; a second decision on it is refused and changes nothing', async () => {
    const ok = await callApi(service.url, wenzhou, 'POST', `/reviews/hardship/${caseId}/categories/LOW_INCOME_FAMILY/decision`, { outcome: 'confirmed' });
    expect(ok.status).toBe(200);
    const categories = (ok.body as unknown as { request: { categories: { code: string; decision: { outcome: string; by: string } | null }[] } }).request.categories;
    expect(categories.find((c) => c.code === 'LOW_INCOME_FAMILY')?.decision).toMatchObject({ outcome: 'confirmed', by: '温州王五' });
    const again = await callApi(service.url, wenzhou, 'POST', `/reviews/hardship/${caseId}/categories/LOW_INCOME_FAMILY/decision`, { outcome: 'rejected', reason: '复核不符' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已由温州王五处理');
    expect(await db.prisma.hardshipCategoryDecision.findMany({ where: { caseId } })).toMatchObject([{ category: 'LOW_INCOME_FAMILY', outcome: 'confirmed' }]);
  });

  it('refuses a category the pre-screen does not have, a rejection without reason, and another region', async () => {
    expect((await callApi(service.url, wenzhou, 'POST', `/reviews/hardship/${caseId}/categories/MARTYR_FAMILY/decision`, { outcome: 'confirmed' })).status).toBe(400);
    const noReason = await callApi(service.url, wenzhou, 'POST', `/reviews/hardship/${caseId}/categories/DISABLED/decision`, { outcome: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('请填写原因');
    expect((await callApi(service.url, demo, 'POST', `/reviews/hardship/${caseId}/categories/DISABLED/decision`, { outcome: 'confirmed' })).status).toBe(404);
    expect(await db.prisma.hardshipCategoryDecision.count({ where: { caseId } })).toBe(1);
  });
});

describe('reported deregistration facts (Wenzhou: some grounds may never stand alone)', () => {
  let person = { jobSeekerId: '', registrationId: '' };
  let caseId = '';

  beforeAll(async () => {
    person = await seedPerson(db.prisma, { regionCode: '330302', name: '赵六' });
    caseId = await seedDeregistrationFact(db.prisma, { ...person, regionCode: '330302', situation: 'hired', facts: { hired: true } });
  });

  it('shows every ground of the region, which the facts meet, and which may not stand alone', async () => {
    const answer = await callApi(service.url, wenzhou, 'GET', '/reviews/deregistration');
    const fact = (answer.body as unknown as { facts: { caseId: string; situationLabel: string; grounds: { code: string; facts: string; forbiddenAsSoleGround: boolean; clause: { text: string } }[] }[] }).facts.find((f) => f.caseId === caseId);
    expect(fact?.situationLabel).toBe('找到工作了');
    expect(fact?.grounds.find((g) => g.code === 'HIRED')).toMatchObject({ facts: 'applies', forbiddenAsSoleGround: false });
    expect(fact?.grounds.find((g) => g.code === 'NO_CONTACT')).toMatchObject({ forbiddenAsSoleGround: true, clause: { text: '温人社发〔2022〕37号 第二部分第（三）项第1点' } });
  });

  it('is invisible to another region: not listed, and a decision is not found', async () => {
    const listed = await callApi(service.url, demo, 'GET', '/reviews/deregistration');
    expect((listed.body as unknown as { facts: { caseId: string }[] }).facts.map((f) => f.caseId)).not.toContain(caseId);
    const foreign = await callApi(service.url, demo, 'POST', `/reviews/deregistration/${caseId}/decision`, { outcome: 'kept', note: '继续服务' });
    expect(foreign.status).toBe(404);
    expect((await db.prisma.handoffCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('open');
  });

  it('refuses "no contact" as the only ground with the clause, and the registration stays', async () => {
    const refused = await callApi(service.url, wenzhou, 'POST', `/reviews/deregistration/${caseId}/decision`, { outcome: 'deregistered', grounds: ['NO_CONTACT'], note: '半年未联系' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('依据温人社发〔2022〕37号 第二部分第（三）项第1点，“连续多月未与经办机构联系”不得作为注销失业登记的唯一理由。请核实是否有其他注销情形，否则请继续为其提供服务。');
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: person.registrationId } })).status).toBe('registered');
    expect((await db.prisma.handoffCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('open');
  });

  it('deregisters on the job the person reported; a second decision is stale', async () => {
    const ok = await callApi(service.url, wenzhou, 'POST', `/reviews/deregistration/${caseId}/decision`, { outcome: 'deregistered', grounds: ['HIRED', 'NO_CONTACT'], note: '电话核实已入职' });
    expect(ok.status).toBe(200);
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: person.registrationId } })).status).toBe('withdrawn');
    const stale = await callApi(service.url, wenzhou, 'POST', `/reviews/deregistration/${caseId}/decision`, { outcome: 'kept', note: '继续服务' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('已由温州王五处理');
    expect(await db.prisma.auditEvent.count({ where: { action: 'deregistration.decided', subjectId: caseId } })).toBe(1);
  });
});
