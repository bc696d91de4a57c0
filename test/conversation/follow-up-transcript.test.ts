// 报告近况 in both languages: every answer writes a ledger row and an audit event; a job, self-employment,
// school or military service also files a deregistration FACT for a caseworker (never a status change);
// stopping the monthly messages follows the region pack (Wenzhou: every 6 months; Zhanjiang: still monthly).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Locale } from '../../src/conversation/locales.ts';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { seedPerson, type SeededPerson } from './follow-up-fixtures.ts';

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

async function open(locale: Locale, regionCode?: string): Promise<SeededPerson> {
  h = await createEngineHarness(regionCode ? { regionCode } : {});
  const person = await seedPerson(h, regionCode ? { regionCode } : {});
  if (locale === 'en') await h.say('English');
  return person;
}

const CHOICES = ['looking', 'hired', 'self_employed', 'school', 'military', 'other', 'refused_service', 'stop_monthly'] as const;
const detailsSchema = z.object({ facts: z.record(z.string(), z.boolean()), grounds: z.array(z.object({ code: z.string(), source: z.string(), requiresCaseworkerConfirmation: z.literal(true) })) });

const TABLE = [
  { answer: 'looking', fact: null },
  { answer: 'hired', fact: { code: 'HIRED', facts: { hired: true } } },
  { answer: 'self_employed', fact: { code: 'SELF_EMPLOYED', facts: { selfEmployedOrFoundedBusiness: true } } },
  { answer: 'school', fact: { code: 'SCHOOL', facts: { enteredSchool: true } } },
  { answer: 'military', fact: { code: 'MILITARY_SERVICE', facts: { militaryService: true } } },
  { answer: 'other', fact: null },
  // "不需要服务": the outcome three of which in a row make the REFUSED_SERVICES fact (scheduler), not one alone.
  { answer: 'refused_service', fact: null },
] as const;

describe.each(['zh-CN', 'en'] as const)('report news in %s', (locale) => {
  it('asks with a button for each situation and for stopping the monthly messages', async () => {
    await open(locale);
    const messages = await h.say('start:followUp');
    expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'followUp.ask')]);
    expect(buttonsOf(messages)).toEqual(CHOICES.map((c) => h.t(locale, `followUp.choices.${c}`)));
  });

  it.each(TABLE)('"$answer": a ledger row, an audit event and (for a job, business, school, army) a fact for a caseworker', async ({ answer, fact }) => {
    const person = await open(locale);
    await h.say('start:followUp');
    const messages = await h.say(h.t(locale, `followUp.choices.${answer}`), { value: answer });
    expect(messages.map((m) => m.text)).toEqual([h.t(locale, `followUp.thanks.${answer}`), ...(fact ? [h.t(locale, 'followUp.caseworkerWillConfirm')] : []), h.t(locale, 'menu.after')]);

    const rows = await h.db.contactRecord.findMany({ where: { jobSeekerId: person.jobSeekerId } });
    expect(rows).toMatchObject([{ kind: 'follow_up_reply', channel: 'test', outcome: answer, actor: 'job_seeker', registrationId: person.registrationId }]);
    expect(await h.db.auditEvent.count({ where: { action: 'followUp.replied', subjectId: rows[0]?.id } })).toBe(1);

    const cases = await h.db.handoffCase.findMany({ where: { jobSeekerId: person.jobSeekerId } });
    if (fact) {
      expect(cases).toMatchObject([{ kind: 'deregistration_fact', reason: answer, status: 'open', regionCode: '440800' }]);
      const details = detailsSchema.parse(JSON.parse(cases[0]?.details ?? '{}'));
      expect(details.facts).toEqual(fact.facts);
      expect(details.grounds.map((g) => g.code)).toEqual([fact.code]);
      expect(details.grounds[0]?.source).toMatch(/^zhanjiang-2021#二\(一\)/);
    } else {
      expect(cases).toEqual([]);
    }
    // The bot never deregisters: the registration and its history are as they were.
    expect(await h.db.registration.findUnique({ where: { id: person.registrationId } })).toMatchObject({ status: 'pending_review' });
    expect(await h.db.registrationEvent.count({ where: { registrationId: person.registrationId } })).toBe(1);
    expect(await h.mode()).toBe('bot');
  });

  it('without buttons: numbered lines, "2" means found a job', async () => {
    const person = await open(locale);
    const [question] = await h.say('start:followUp', { buttons: false });
    expect(question?.text.split('\n')).toEqual([h.t(locale, 'followUp.ask'), ...CHOICES.map((c, i) => `${i + 1}. ${h.t(locale, `followUp.choices.${c}`)}`), h.t(locale, 'engine.replyWithNumber')]);
    expect(textOf(await h.say('2', { buttons: false }))).toContain(h.t(locale, 'followUp.thanks.hired'));
    expect(await h.db.handoffCase.count({ where: { jobSeekerId: person.jobSeekerId, kind: 'deregistration_fact' } })).toBe(1);
  });

  it('a wrong answer re-asks; "没找到工作" is still looking, never a job', async () => {
    const person = await open(locale);
    await h.say('start:followUp');
    expect((await h.say('明天再说')).map((m) => m.text)).toEqual([h.t(locale, 'engine.pickAChoice'), h.t(locale, 'followUp.ask')]);
    await h.say('没找到工作');
    expect(await h.db.contactRecord.findMany({ where: { jobSeekerId: person.jobSeekerId } })).toMatchObject([{ outcome: 'looking' }]);
    expect(await h.db.handoffCase.count()).toBe(0);
  });

  it('"不需要服务" is a refusal of the service this time, not "stop monthly messages": the cadence stays, nothing is filed', async () => {
    const person = await open(locale);
    await h.say('start:followUp');
    expect(textOf(await h.say(locale === 'en' ? 'no service needed' : '不需要服务'))).toContain(h.t(locale, 'followUp.thanks.refused_service'));
    await h.say('start:followUp');
    expect(textOf(await h.say('不用每月联系'))).not.toContain(h.t(locale, 'followUp.thanks.refused_service'));
    expect((await h.db.contactRecord.findMany({ where: { jobSeekerId: person.jobSeekerId } })).map((r) => r.outcome)).toEqual(['refused_service']);
    expect(await h.db.registration.findUnique({ where: { id: person.registrationId } })).toMatchObject({ followUpPreference: 'refused' });
    expect(await h.db.handoffCase.count()).toBe(0);
  });

  it('typed from the menu, "找到工作了" is both the way in and the answer', async () => {
    const person = await open(locale);
    expect(textOf(await h.say('找到工作了'))).toContain(h.t(locale, 'followUp.caseworkerWillConfirm'));
    expect(await h.db.handoffCase.count({ where: { jobSeekerId: person.jobSeekerId, reason: 'hired' } })).toBe(1);
  });

  it('a person who is not registered is told so before any question and offered registration; nothing is stored', async () => {
    h = await createEngineHarness();
    if (locale === 'en') await h.say('English');
    const messages = await h.say('start:followUp');
    expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'followUp.notRegistered')]);
    expect(buttonsOf(messages)).toEqual([h.t(locale, 'menu.buttons.registration'), h.t(locale, 'menu.buttons.menu')]);
    expect(await h.state()).toMatchObject({ active: null });
    expect(textOf(await h.say(locale === 'en' ? 'I found a job' : '找到工作了'))).toBe(h.t(locale, 'followUp.notRegistered'));
    await h.say('start:registration');
    expect(await h.state()).toMatchObject({ active: { dialog: 'registration' } });
    expect(await h.db.contactRecord.count()).toBe(0);
  });

  it('Wenzhou: stopping the monthly messages → every 6 months from registration (W 二(二)); "恢复每月联系" turns them back on', async () => {
    const person = await open(locale, '330302');
    await h.say('start:followUp');
    const messages = await h.say('stop_monthly');
    expect(messages.map((m) => m.text)).toEqual([
      h.t(locale, 'followUp.stopped.everyN', { months: 6, next: '2025-09-11', source: 'wenzhou-2022#二(二)' }),
      h.t(locale, 'followUp.canResume'),
    ]);
    expect(buttonsOf(messages)[0]).toBe(h.t(locale, 'followUp.choices.resume_monthly'));
    expect(await h.db.registration.findUnique({ where: { id: person.registrationId } })).toMatchObject({ followUpPreference: 'refused', status: 'pending_review' });
    expect((await h.say(h.t(locale, 'followUp.choices.resume_monthly'))).map((m) => m.text)[0]).toBe(h.t(locale, 'followUp.resumed'));
    expect(await h.db.registration.findUnique({ where: { id: person.registrationId } })).toMatchObject({ followUpPreference: 'monthly' });
    expect(await h.db.auditEvent.count({ where: { action: 'followUp.preference', subjectId: person.registrationId } })).toBe(2);
  });

  it('Zhanjiang: typed "不要再发了" / "unsubscribe" records the wish, and says the office still contacts monthly', async () => {
    const person = await open(locale);
    const messages = await h.say(locale === 'en' ? 'unsubscribe' : '不要再发了');
    expect(messages.map((m) => m.text)[0]).toBe(h.t(locale, 'followUp.stopped.stillMonthly', { source: 'decision:REFUSAL_MONTHLY_WITH_FLAG@zhanjiang-2021#四(二)' }));
    expect(await h.db.registration.findUnique({ where: { id: person.registrationId } })).toMatchObject({ followUpPreference: 'refused' });
    const status = (await h.say('start:status')).map((m) => m.text);
    expect(status).toContain(h.t(locale, 'status.monthlyOff'));
  });
});
