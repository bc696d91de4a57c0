// Global commands at the registration steps that only some people see (women's post type, the 求职登记
// offer, the credit promise) and at "edit a field": help repeats, back undoes, English re-asks, cancel stores nothing.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, withCheck } from './registration-form.ts';

const WOMAN = withCheck('44080219900301002');
const MAN_1960 = withCheck('44080219600101001');
const PROMISE = { date: '2025-03-20', source: 'zhanjiang-2021#五(一)' };
const OFFER = { source: 'zhanjiang-2021#一(一)', jobSeekerSource: 'decision:JOB_SEEKER_REGISTRATION_OFFER@anshan-2022#四(一)' };

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

const texts = async (said: string) => (await h.say(said)).map((m) => m.text);

describe('interruptions at the branch steps', () => {
  it('post type: "帮助" repeats it, "返回" goes back to the ID number, "English" re-asks in English', async () => {
    await fillForm(h, { until: 'household', answers: { idNumber: WOMAN } });
    expect(await texts('帮助')).toEqual([h.t('zh-CN', 'engine.help'), h.t('zh-CN', 'registration.jobType.ask')]);
    expect(await texts('English')).toEqual([h.t('en', 'engine.languageSwitched'), h.t('en', 'registration.jobType.ask')]);
    expect(await texts('back')).toEqual([h.t('en', 'registration.idNumber.ask')]);
    expect(await h.state()).toMatchObject({ active: { step: 'idNumber' } });
  });

  it('job-seeker offer: "帮助" repeats the offer with its clauses, "取消" stores nothing', async () => {
    await fillForm(h, { until: 'household', answers: { idNumber: MAN_1960 } });
    expect(await texts('帮助')).toEqual([h.t('zh-CN', 'engine.help'), h.t('zh-CN', 'jobSeeker.offer', OFFER)]);
    expect(await texts('取消')).toEqual([h.t('zh-CN', 'engine.cancelled'), h.t('zh-CN', 'menu.again')]);
    expect(await h.db.jobSeeker.count()).toBe(0);
  });

  it('credit promise: "English" re-asks with the same date, "back" returns to the papers question', async () => {
    await fillForm(h, { until: 'papers' });
    await h.say('no');
    expect(await texts('English')).toEqual([h.t('en', 'engine.languageSwitched'), h.t('en', 'registration.creditPromise.ask', PROMISE)]);
    expect(await texts('back')).toEqual([h.t('en', 'registration.papers.ask')]);
    expect(await texts('cancel')).toEqual([h.t('en', 'engine.cancelled'), h.t('en', 'menu.again')]);
    expect(await h.db.registration.count()).toBe(0);
  });

  it('edit a field: "帮助" repeats the field list; "取消" while editing stores nothing', async () => {
    await fillForm(h);
    await h.say('edit');
    expect(await texts('帮助')).toEqual([h.t('zh-CN', 'engine.help'), h.t('zh-CN', 'registration.edit.ask')]);
    await h.say('phone');
    expect(await texts('取消')).toEqual([h.t('zh-CN', 'engine.cancelled'), h.t('zh-CN', 'menu.again')]);
    expect(await h.db.registration.count()).toBe(0);
  });
});
