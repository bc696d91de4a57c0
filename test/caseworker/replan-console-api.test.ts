// Issue 12 on the real service: what a caseworker decides in the console, and what the person says in web chat,
// re-plans the person's open outreach rows on the next tick, never duplicating one. A confirmed hardship category
// moves check-ins to the hardship interval; a reported job stops the quota offers until a caseworker keeps the
// registration (offers back) or deregisters it (everything cancelled); a withdrawal recorded in the console leaves
// nothing planned or sent until consent is recorded again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { registerOverWebchat } from '../support/register-over-webchat.ts';
import { seedHardshipCase, seedPerson, wenzhouPrescreen } from '../support/review-fixtures.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { callApi, loginAs } from '../support/console-api.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createOutreachRepository } from '../../src/persistence/outreach-repository.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { RunningService } from '../../src/main.ts';

const t = createLocalizer(readLocaleResources()).t;
// A quota year planned ahead, so every offer row exists before anything changes.
const config = tempServiceConfig({ OUTREACH_HORIZON_DAYS: '400' });
const clock = officeHoursClock();
let service: RunningService;
let db: Database;
let demo = '';
/** Ticks at the service's clock, a little later each time (the planner sees every change made before it). */
let tickCount = 0;
const tick = () => service.tick(new Date(clock().getTime() + (tickCount += 1) * 60_000));

const rows = async (personId: string) => createOutreachRepository(db.prisma).listForJobSeeker(personId);
const pending = async (personId: string, prefix: string) => (await rows(personId)).filter((r) => r.status === 'pending' && r.kind.startsWith(prefix)).map((r) => `${r.kind}:${r.period}`);

beforeAll(async () => {
  service = await startTestService(config, { now: clock });
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

describe('hardship confirmed in the console', () => {
  it('moves the check-ins to the hardship interval on the next tick; rejecting another category keeps it', async () => {
    const { jobSeekerId } = await seedPerson(db.prisma, { regionCode: '440802', name: '困难甲' });
    const caseId = await seedHardshipCase(db.prisma, { jobSeekerId, regionCode: '440802', prescreen: wenzhouPrescreen() });
    await tick();
    expect((await pending(jobSeekerId, 'check_in')).slice(0, 2)).toEqual(['check_in:m1', 'check_in:m2']);

    const decided = await callApi(service.url, demo, 'POST', `/reviews/hardship/${caseId}/categories/LOW_INCOME_FAMILY/decision`, { outcome: 'confirmed' });
    expect(decided.status).toBe(200);
    await tick();
    // Registered 2026-03-02: every 14 days from then (Z has no number; the pack's HARDSHIP_CONTACT_INTERVAL).
    const hardship = await pending(jobSeekerId, 'check_in');
    expect(hardship.slice(0, 3)).toEqual(['check_in:d14', 'check_in:d28', 'check_in:d42']);
    expect(hardship.every((k) => k.startsWith('check_in:d'))).toBe(true);
    const view = (await callApi(service.url, demo, 'GET', `/people/${jobSeekerId}`)).body as unknown as { registrations: { hardshipConfirmedAt: string | null }[] };
    expect(view.registrations[0]?.hardshipConfirmedAt).not.toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { action: 'registration.hardship_confirmed', details: { contains: caseId } } })).toBe(1);

    expect((await callApi(service.url, demo, 'POST', `/reviews/hardship/${caseId}/categories/DISABLED/decision`, { outcome: 'rejected', reason: '未持残疾证' })).status).toBe(200);
    await tick();
    expect(await pending(jobSeekerId, 'check_in')).toEqual(hardship);
  });
});

describe('a job reported in web chat, then decided in the console', () => {
  it('pauses the offers; "继续服务" brings them back; a later deregistration cancels every open row', async () => {
    const user = await connect(service.url);
    try {
      await registerOverWebchat(user, { name: '吴十一', idNumber: '440802199005150139', phone: '138 1234 5678' });
      const registration = await db.prisma.registration.findFirstOrThrow({ where: { jobSeeker: { name: '吴十一' } } });
      const personId = registration.jobSeekerId;
      expect((await callApi(service.url, demo, 'POST', `/reviews/registrations/${registration.id}/decision`, { outcome: 'registered' })).status).toBe(200);
      await tick();
      const offers = await pending(personId, 'quota_');
      expect(offers.filter((k) => k.startsWith('quota_jobs:y1'))).toEqual(['quota_jobs:y1-1', 'quota_jobs:y1-2', 'quota_jobs:y1-3']);

      expect((await ask(user, '找到工作了')).texts.join('\n')).toContain(t('zh-CN', 'followUp.caseworkerWillConfirm'));
      await tick();
      expect(await pending(personId, 'quota_')).toEqual([]);
      expect(await pending(personId, 'check_in')).toHaveLength(1);
      const facts = async () => ((await callApi(service.url, demo, 'GET', '/reviews/deregistration')).body as unknown as { facts: { caseId: string; person: { name: string } }[] }).facts.filter((f) => f.person.name === '吴十一');
      const first = (await facts())[0]?.caseId ?? '';
      const seen = (await callApi(service.url, demo, 'GET', `/people/${personId}`)).body as unknown as { registrations: { exitReportedAt: string | null }[] };
      expect(seen.registrations[0]?.exitReportedAt).not.toBeNull();

      expect((await callApi(service.url, demo, 'POST', `/reviews/deregistration/${first}/decision`, { outcome: 'kept', note: '电话核实：试用期未通过，仍在找工作' })).status).toBe(200);
      await tick();
      expect(await pending(personId, 'quota_')).toEqual(offers);
      expect((await pending(personId, 'check_in')).length).toBeGreaterThan(1);

      await ask(user, '找到工作了');
      const second = (await facts()).find((f) => f.caseId !== first)?.caseId ?? '';
      expect((await callApi(service.url, demo, 'POST', `/reviews/deregistration/${second}/decision`, { outcome: 'deregistered', grounds: ['HIRED'], note: '电话核实已入职' })).status).toBe(200);
      const countBefore = (await rows(personId)).length;
      await tick();
      expect((await rows(personId)).filter((r) => r.status === 'pending')).toEqual([]);
      expect((await rows(personId)).length).toBe(countBefore);
    } finally {
      user.end();
    }
  }, 90_000);
});

describe('consent withdrawal recorded in the console', () => {
  it('needs a reason, cancels the open rows, and nothing is planned or sent until consent is recorded again', async () => {
    const { jobSeekerId } = await seedPerson(db.prisma, { regionCode: '440802', name: '撤回乙' });
    await tick();
    expect((await pending(jobSeekerId, '')).length).toBeGreaterThan(10);

    const path = `/people/${jobSeekerId}/consent`;
    expect(await callApi(service.url, demo, 'POST', path, { withdrawn: true })).toMatchObject({ status: 400, body: { message: expect.stringContaining('电话') } });
    const recorded = await callApi(service.url, demo, 'POST', path, { withdrawn: true, reason: '本人 3 月 3 日来电，要求不再联系' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.cancelledTasks).toBeGreaterThan(10);
    expect(await pending(jobSeekerId, '')).toEqual([]);
    expect((await callApi(service.url, demo, 'POST', path, { withdrawn: true, reason: '重复登记' })).status).toBe(409);
    const view = (await callApi(service.url, demo, 'GET', `/people/${jobSeekerId}`)).body as unknown as { person: { consentWithdrawnAt: string | null } };
    expect(view.person.consentWithdrawnAt).not.toBeNull();

    await tick();
    expect(await pending(jobSeekerId, '')).toEqual([]);
    expect((await rows(jobSeekerId)).filter((r) => r.status === 'sent' || r.status === 'sending')).toEqual([]);
    expect(await db.prisma.auditEvent.count({ where: { action: 'consent.withdrawn', subjectId: jobSeekerId, actor: 'caseworker:demo' } })).toBe(1);

    expect((await callApi(service.url, demo, 'POST', path, { withdrawn: false, reason: '本人来窗口，同意恢复联系' })).status).toBe(200);
    await tick();
    expect((await pending(jobSeekerId, '')).length).toBeGreaterThan(10);
  });
});
