// Answers taken as people give them (issue 9 part 3): voice-input full stops, "我叫…", IDs and phones with
// spaces and prefixes, relative dates with the recorded day said back, and button synonyms — both languages.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, ID } from './registration-form.ts';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

async function slots(): Promise<Record<string, unknown>> {
  const state: unknown = await h.state();
  const found = JSON.stringify(state);
  return (JSON.parse(found) as { active: { slots: Record<string, unknown> } }).active.slots;
}

describe('names', () => {
  it.each([['王芳。', '王芳'], ['我叫王芳', '王芳'], ['我是王芳！', '王芳'], ['姓名：王芳', '王芳']])('"%s" is stored as %s and the ID is asked next', async (said, name) => {
    await fillForm(h, { until: 'name' });
    expect(textOf(await h.say(said))).toBe(h.t('zh-CN', 'registration.idNumber.ask'));
    expect((await slots()).name).toBe(name);
  });

  it('English: "My name is Li Lei." is stored as Li Lei', async () => {
    await h.say('English');
    await fillForm(h, { until: 'name' });
    expect(textOf(await h.say('My name is Li Lei.'))).toBe(h.t('en', 'registration.idNumber.ask'));
    expect((await slots()).name).toBe('Li Lei');
  });

  it('digits in a name are refused for that reason', async () => {
    await fillForm(h, { until: 'name' });
    expect(textOf(await h.say('王芳123'))).toContain(h.t('zh-CN', 'errors.name.digits'));
  });
});

describe('ID numbers and phones', () => {
  it.each([`身份证号是 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, `我的身份证：${ID.slice(0, 6)}-${ID.slice(6)}`, ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))])('"%s" is accepted', async (said) => {
    await fillForm(h, { until: 'idNumber' });
    expect(textOf(await h.say(said))).toBe(h.t('zh-CN', 'registration.household.ask'));
    expect((await slots()).idNumber).toBe(ID);
  });

  it('17 digits: "身份证号少了1位（您输入了17位）"; a wrong last digit: the check digit', async () => {
    await fillForm(h, { until: 'idNumber' });
    const short = textOf(await h.say(ID.slice(0, 17)));
    expect(short).toContain('身份证号少了1位（您输入了17位）');
    expect(textOf(await h.say(`${ID.slice(0, 17)}9`))).toContain(h.t('zh-CN', 'errors.idNumber.checksum'));
  });

  it.each(['我的手机是138-1234-5678', '手机号是 138 1234 5678', '电话13812345678。'])('"%s" is accepted', async (said) => {
    await fillForm(h, { until: 'phone' });
    expect(textOf(await h.say(said))).toBe(h.t('zh-CN', 'registration.unemployedSince.ask'));
    expect((await slots()).phone).toBe('13812345678');
  });

  it('a phone one digit short says so, in English too', async () => {
    await h.say('English');
    await fillForm(h, { until: 'phone' });
    expect(textOf(await h.say('my phone is 1381234567'))).toContain(h.t('en', 'errors.phone.too_short', { missing: 1, count: 10 }));
  });
});

describe('dates (today 2025-03-11)', () => {
  it('"去年十月" is stored as 2024-10-01 and the next message says so', async () => {
    await fillForm(h, { until: 'unemployedSince' });
    const said = textOf(await h.say('去年十月'));
    expect(said).toContain('按 2024年10月1日 记录，如不对');
    expect(said).toContain(h.t('zh-CN', 'registration.reason.ask'));
    expect((await slots()).unemployedSince).toBe('2024-10-01');
  });

  it('"上个月中旬" is the 15th of February', async () => {
    await fillForm(h, { until: 'unemployedSince' });
    expect(textOf(await h.say('上个月中旬'))).toContain('按 2025年2月15日 记录');
    expect((await slots()).unemployedSince).toBe('2025-02-15');
  });

  it('English: "October 2024" is recorded as 2024-10-01 and said back', async () => {
    await h.say('English');
    await fillForm(h, { until: 'unemployedSince' });
    expect(textOf(await h.say('October 2024'))).toContain(h.t('en', 'registration.unemployedSince.assumed', { date: '2024-10-01' }));
  });

  it('an exact day is not said back; a future day is refused as later than today', async () => {
    await fillForm(h, { until: 'unemployedSince' });
    expect(textOf(await h.say('明年三月'))).toContain(h.t('zh-CN', 'errors.unemployedSince.format'));
    expect(textOf(await h.say('2025年12月1日'))).toContain('日期不能晚于今天');
    expect(textOf(await h.say('2025年3月1日'))).toBe(h.t('zh-CN', 'registration.reason.ask'));
  });
});

describe('choices in everyday words', () => {
  it.each(['跟户籍一样', '和户口一样', '同上'])('"%s" at the residence is "same as household", not a place', async (said) => {
    await fillForm(h, { until: 'residence' });
    expect(textOf(await h.say(said))).toBe(h.t('zh-CN', 'registration.phone.ask'));
    expect((await slots()).residence).toBe('same');
  });

  it('English: "same as above" at the residence is "same as household"', async () => {
    await h.say('English');
    await fillForm(h, { until: 'residence' });
    await h.say('same as above');
    expect((await slots()).residence).toBe('same');
  });

  it.each([['大学本科', 'bachelor'], ['大专', 'college'], ['中专', 'senior'], ['初中毕业', 'junior_or_below']])('education "%s" is %s', async (said, level) => {
    await fillForm(h, { until: 'education' });
    expect(textOf(await h.say(said))).toBe(h.t('zh-CN', 'registration.skills.ask'));
    expect((await slots()).education).toBe(level);
  });

  it('yes/no in other words: "是的" wants training, "没有" no business plan; on channels without buttons too', async () => {
    await fillForm(h, { until: 'training', buttons: false });
    await h.say('是的', { buttons: false });
    await h.say('没有', { buttons: false });
    expect(await slots()).toMatchObject({ training: 'yes', business: 'no' });
  });
});
