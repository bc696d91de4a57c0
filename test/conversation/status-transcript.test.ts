// 我的进度 in both languages: not registered (offers registration), pending with a planned contact, the yearly
// quota after services are recorded (Zhanjiang), a region without a quota (Wenzhou), open requests.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/conversation/locales.ts';
import { endOfServiceDay } from '../../src/config/service-time-zone.ts';
import { buttonsOf, createEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import { beijing, seedPerson } from './follow-up-fixtures.ts';

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

async function open(locale: Locale, options: { regionCode?: string } = {}): Promise<void> {
  h = await createEngineHarness(options);
  if (locale === 'en') await h.say('English');
}

describe.each(['zh-CN', 'en'] as const)('my status in %s', (locale) => {
  const menuAfter = (): string => h.t(locale, 'menu.after');

  it('says a person who is not registered is not, and offers registration', async () => {
    await open(locale);
    const messages = await h.say(locale === 'en' ? 'my status' : '我的进度');
    expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'status.notRegistered')]);
    expect(buttonsOf(messages)).toEqual([h.t(locale, 'menu.buttons.registration'), h.t(locale, 'menu.buttons.menu')]);
    await h.say('start:registration');
    expect(await h.state()).toMatchObject({ active: { dialog: 'registration' } });
  });

  it('without buttons: numbered choices, "1" starts registration', async () => {
    await open(locale);
    const [message] = await h.say('start:status', { buttons: false });
    expect(message?.text).toBe([h.t(locale, 'status.notRegistered'), `1. ${h.t(locale, 'menu.buttons.registration')}`, `2. ${h.t(locale, 'menu.buttons.menu')}`, h.t(locale, 'engine.replyWithNumber')].join('\n'));
    await h.say('1', { buttons: false });
    expect(await h.state()).toMatchObject({ active: { dialog: 'registration' } });
  });

  it('pending registration: status in plain words, the provisional next contact, quota at zero, open requests', async () => {
    await open(locale);
    const person = await seedPerson(h);
    await h.repos.outreach.plan([
      { jobSeekerId: person.jobSeekerId, registrationId: person.registrationId, kind: 'first_contact', dueAt: endOfServiceDay('2025-03-18'), provisional: true, idempotencyKey: 'fc:1' },
    ]);
    await h.repos.handoffs.fileCase({ conversationKey: h.conversationKey(), jobSeekerId: person.jobSeekerId, kind: 'deregistration_fact', reason: 'hired', details: {} });
    const messages = await h.say('start:status');
    const zero = ['policy', 'guidance', 'jobs', 'training'].map((k) => h.t(locale, 'status.quotaItem', { kind: h.t(locale, `status.quotaKinds.${k}`), delivered: 0, required: k === 'policy' ? 2 : 3 })).join('\n');
    expect(messages.map((m) => m.text)).toEqual([
      h.t(locale, 'status.registration', { status: h.t(locale, 'status.statuses.pending_review'), date: '2025-03-11' }),
      h.t(locale, 'status.nextContactProvisional', { date: '2025-03-18' }),
      h.t(locale, 'status.quota', { from: '2025-03-11', to: '2026-03-10', items: zero, source: 'zhanjiang-2021#四(三)' }),
      h.t(locale, 'status.openCases', { list: h.t(locale, 'status.caseKinds.deregistration_fact') }),
      menuAfter(),
    ]);
    if (locale === 'zh-CN') expect(messages[0]?.text).toBe('登记状态：待审核（2025年3月11日 提交）');
    else expect(messages[1]?.text).toContain('18 Mar 2025');
  });

  it('counts services recorded in the ledger this quota year against the minimums, with the clause', async () => {
    await open(locale);
    const person = await seedPerson(h, { status: 'registered' });
    const rows: [string, string[]][] = [
      ['2025-03-01', ['policy', 'jobs']], // before registration: not this year
      ['2025-04-02', ['policy']],
      ['2025-05-06', ['jobs', 'training']],
      ['2025-06-03', ['jobs', 'unknown']],
    ];
    for (const [date, serviceKinds] of rows) {
      await h.repos.ledger.record({ jobSeekerId: person.jobSeekerId, registrationId: person.registrationId, kind: 'service', channel: 'phone', outcome: 'delivered', serviceKinds, actor: 'caseworker:1', at: beijing(date) });
    }
    const messages = await h.say('start:status', { at: beijing('2025-06-10') });
    // In words, one kind per line, dates as people write them.
    const quota = messages.map((m) => m.text).find((t) => t.includes('2026'));
    if (locale === 'zh-CN') {
      expect(quota).toBe('本年度服务（2025年3月11日 至 2026年3月10日）：\n· 政策对接：已 1 次，全年至少 2 次\n· 职业指导：已 0 次，全年至少 3 次\n· 岗位推荐：已 2 次，全年至少 3 次\n· 培训信息：已 1 次，全年至少 3 次\n依据：《关于建立湛江市失业人员就业服务制度的通知》 第四部分第（三）项');
    } else {
      expect(quota).toBe('Services this year (11 Mar 2025 to 10 Mar 2026):\n· policy matching: 1 so far, at least 2 a year\n· career guidance: 0 so far, at least 3 a year\n· job recommendations: 2 so far, at least 3 a year\n· training notices: 1 so far, at least 3 a year\nRule: 《关于建立湛江市失业人员就业服务制度的通知》, part 4, item (3)');
    }
    expect(messages[0]?.text).toBe(h.t(locale, 'status.registration', { status: h.t(locale, 'status.statuses.registered'), date: '2025-03-11' }));
    expect(messages.map((m) => m.text)).toContain(h.t(locale, 'status.noContactPlanned'));
    expect(messages.map((m) => m.text)).toContain(h.t(locale, 'status.noOpenCases'));
  });

  it('in a region without a yearly quota (Wenzhou) says so', async () => {
    await open(locale, { regionCode: '330302' });
    await seedPerson(h, { regionCode: '330302' });
    const texts = (await h.say('start:status')).map((m) => m.text);
    expect(texts).toContain(h.t(locale, 'status.noQuota'));
    expect(texts.some((t) => t.includes(h.t(locale, 'status.quotaKinds.policy')))).toBe(false);
  });
});
