// Who may register (R1.1.1, SPEC §2.8) inside the dialog: women are asked their last post type, which sets
// their statutory age; past it → 求职登记 (R1.1.5) stored as kind job_seeker; under 16 → explained, nothing stored.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { buttonsOf, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { withCheck } from './registration-form.ts';

/** Woman born 1970-06-15: on the 55 track she retires 2025-08 (still working age); on the 50 track in 2020. */
const WOMAN_1970 = withCheck('44080219700615002');
/** Woman born 1990-03-01: working age on either track. */
const WOMAN_1990 = withCheck('44080219900301002');
const MAN_1960 = withCheck('44080219600101001');
const CHILD_2010 = withCheck('44080220100101001');
const CONDITIONS = 'zhanjiang-2021#一(一)';
const JOB_SEEKER = 'decision:JOB_SEEKER_REGISTRATION_OFFER@anshan-2022#四(一)';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

async function upToId(id: string): Promise<string> {
  for (const text of ['登记', '同意', '李梅']) await h.say(text);
  return textOf(await h.say(id));
}

describe('women: the last post type decides the statutory age', () => {
  it('are asked the post type with three buttons', async () => {
    await upToId(WOMAN_1990);
    const state = await h.state();
    expect(state).toMatchObject({ active: { step: 'jobType', slots: { sex: 'F', birthDate: '1990-03-01' } } });
    for (const text of ['登记', '同意', '李梅']) await h.say(text, { conversationId: 'c2' });
    const asked = await h.say(WOMAN_1990, { conversationId: 'c2' });
    expect(textOf(asked)).toBe(h.t('zh-CN', 'registration.jobType.ask'));
    expect(buttonsOf(asked)).toEqual(['管理/技术岗位', '生产/服务岗位', '没工作过/灵活就业']);
  });

  it('management/technical (55 track, retires 2025-08): may register as unemployed', async () => {
    await upToId(WOMAN_1970);
    expect(textOf(await h.say('管理/技术岗位'))).toBe(h.t('zh-CN', 'registration.household.ask'));
    for (const text of ['湛江市赤坎区', 'same', '13812345678', '2025-01-15', 'lost_job', 'senior', '无', '保洁', 'no', 'no', 'monthly', 'yes']) await h.say(text);
    expect(textOf(await h.say('submit'))).toContain('已提交！您的失业登记待工作人员审核');
    const stored = await h.db.registration.findFirstOrThrow();
    expect(stored).toMatchObject({ kind: 'unemployment', status: 'pending_review' });
    expect(JSON.parse(stored.details)).toMatchObject({ retirementCategory: 'FEMALE_55' });
  });

  it('production/service (50 track, past her age): offered job-seeker registration with the clauses', async () => {
    await upToId(WOMAN_1970);
    const offer = await h.say('生产/服务岗位');
    expect(textOf(offer)).toBe(h.t('zh-CN', 'jobSeeker.offer', { source: CONDITIONS, jobSeekerSource: JOB_SEEKER }));
    expect(buttonsOf(offer)).toEqual(['办理求职登记', '不用了']);
  });

  it('never employed / flexible: a caseworker confirms the track, and the form goes on', async () => {
    await upToId(WOMAN_1970);
    const next = await h.say('没工作过/灵活就业');
    expect(next.map((m) => m.text)).toEqual([h.t('zh-CN', 'registration.jobType.caseworkerConfirms'), h.t('zh-CN', 'registration.household.ask')]);
    for (const text of ['湛江市赤坎区', 'same', '13812345678', '2025-01-15', 'other', 'senior', '无', '保洁', 'no', 'no', 'monthly']) await h.say(text);
    const summary = textOf(await h.say('yes'));
    expect(summary).toContain(`岗位类别：没工作过/灵活就业`);
    await h.say('submit');
    const stored = await h.db.registration.findFirstOrThrow();
    expect(stored.kind).toBe('unemployment');
    expect(JSON.parse(stored.details)).toMatchObject({ retirementCategory: null });
  });
});

describe('past the statutory age: job-seeker registration (求职登记)', () => {
  it('a man born 1960 takes the shorter form and is stored as kind job_seeker', async () => {
    const offer = await upToId(MAN_1960);
    expect(offer).toBe(h.t('zh-CN', 'jobSeeker.offer', { source: CONDITIONS, jobSeekerSource: JOB_SEEKER }));
    expect(textOf(await h.say('办理求职登记'))).toBe(h.t('zh-CN', 'registration.household.ask'));
    await h.say('湛江市赤坎区');
    await h.say('与户籍地相同');
    expect(textOf(await h.say('13812345678'))).toBe(h.t('zh-CN', 'registration.education.ask'));
    for (const text of ['初中及以下', '无']) await h.say(text);
    await h.say('门卫');
    await h.say('否');
    const summary = textOf(await h.say('否'));
    expect(summary).toContain('办理：求职登记\n姓名：李梅');
    expect(summary).not.toContain('失业日期');
    expect(summary).not.toContain('原因：');
    const done = await h.say('确认提交');
    expect(done.map((m) => m.text)).toEqual([h.t('zh-CN', 'jobSeeker.submitted'), h.t('zh-CN', 'menu.after')]);
    const stored = await h.db.registration.findFirstOrThrow();
    expect(stored).toMatchObject({ kind: 'job_seeker', status: 'pending_review', reason: 'other', followUpPreference: 'monthly' });
    expect(JSON.parse(stored.details)).toMatchObject({ retirementCategory: 'MALE', unemployedSince: null, papersComplete: null, creditPromise: null, jobWanted: '门卫' });
    // The outreach planner owes a job-seeker registration no first contact (R1.3.1 is for registered unemployed people).
    expect(await h.repos.outreach.candidates({ refillBefore: '9999-12', afterId: null, limit: 10 })).toEqual([]);
  });

  it('in English, and "No, thanks" stores nothing', async () => {
    await h.say('English');
    for (const text of ['register', 'I agree', 'Wang Gang']) await h.say(text);
    expect(textOf(await h.say(MAN_1960))).toBe(h.t('en', 'jobSeeker.offer', { source: CONDITIONS, jobSeekerSource: JOB_SEEKER }));
    const declined = await h.say('No, thanks');
    expect(declined.map((m) => m.text)).toEqual([h.t('en', 'jobSeeker.declined'), h.t('en', 'menu.again')]);
    expect(await h.db.jobSeeker.count()).toBe(0);
    expect(await h.state()).toMatchObject({ active: null });
  });
});

describe('under 16', () => {
  it.each(['zh-CN', 'en'] as const)('a 15-year-old gets a kind explanation with its clause, the menu with a person, and nothing is stored (%s)', async (locale) => {
    if (locale === 'en') await h.say('English');
    const said = await upToId(CHILD_2010);
    expect(said).toBe([h.t(locale, 'registration.eligibility.underAge', { minAge: 16, source: CONDITIONS }), h.t(locale, 'menu.again')].join('\n'));
    expect(said).toContain(locale === 'en' ? 'not yet 16' : '未满16周岁');
    const last = await h.say('x');
    expect(textOf(last)).toContain(h.t(locale, 'menu.unknown'));
    expect(await h.db.jobSeeker.count()).toBe(0);
    expect(await h.db.registration.count()).toBe(0);
  });
});
