// Wrong answers: each says what is wrong and asks the same question again; three wrong answers to one
// question offer a person (转人工) instead of looping, and the handoff holds the conversation until cancelled.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { checkCharacter } from '../../src/domain/identity/id-number.ts';
import type { Locale } from '../../src/conversation/locales.ts';
import { buttonsOf, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, type FormStep } from './registration-form.ts';

const ID = '330302199005151235';
const withCheck = (first17: string) => first17 + checkCharacter(first17);

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

async function reach(step: FormStep, locale: Locale): Promise<void> {
  if (locale === 'en') await h.say('English');
  await fillForm(h, { until: step });
}

const BAD_ANSWERS = [
  { step: 'name', input: '张3', error: 'errors.name.digits' },
  { step: 'name', input: '张@三', error: 'errors.name.characters' },
  { step: 'name', input: '阿'.repeat(31), error: 'errors.name.too_long' },
  { step: 'idNumber', input: '330302199005151234', error: 'errors.idNumber.checksum' },
  { step: 'idNumber', input: withCheck('44080219900230001'), error: 'errors.idNumber.date' },
  { step: 'idNumber', input: withCheck('44080220250601001'), error: 'errors.idNumber.future' },
  { step: 'idNumber', input: '33030219900515', error: 'errors.idNumber.too_short', params: { missing: 4, count: 14 } },
  { step: 'idNumber', input: '3303021990051512356', error: 'errors.idNumber.too_long_digits', params: { extra: 1, count: 19 } },
  { step: 'idNumber', input: '33030219900515123A', error: 'errors.idNumber.format' },
  { step: 'idNumber', input: withCheck('00030219900515123'), error: 'errors.idNumber.province' },
  { step: 'phone', input: '1234567', error: 'errors.phone.too_short', params: { missing: 4, count: 7 } },
  { step: 'phone', input: '23812345678', error: 'errors.phone.format' },
  { step: 'consent', input: '也许吧', error: 'engine.pickAChoice' },
  { step: 'household', input: '123', error: 'errors.place.format' },
  { step: 'household', input: '湛'.repeat(61), error: 'errors.place.too_long' },
  { step: 'residence', input: '!!', error: 'errors.place.format' },
  { step: 'unemployedSince', input: '不记得了', error: 'errors.unemployedSince.format' },
  { step: 'reason', input: '不想说', error: 'engine.pickAChoice' },
  { step: 'education', input: '幼儿园', error: 'engine.pickAChoice' },
  { step: 'skills', input: '字'.repeat(101), error: 'errors.text.too_long' },
  { step: 'training', input: '看情况', error: 'engine.pickAChoice' },
  { step: 'followUp', input: '随便', error: 'engine.pickAChoice' },
  { step: 'papers', input: '有一些', error: 'engine.pickAChoice' },
  { step: 'confirm', input: '好的吧', error: 'engine.pickAChoice' },
] as const;

describe.each(['zh-CN', 'en'] as const)('reprompts (%s)', (locale) => {
  it.each(BAD_ANSWERS)('$step: "$input" → $error, then the same question', async (bad) => {
    const { step, input, error } = bad;
    await reach(step, locale);
    const before = await h.state();
    const messages = await h.say(input);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.text).toBe(h.t(locale, error, { max: 100, ...('params' in bad ? bad.params : {}) }));
    const question = messages[1]?.text ?? '';
    if (step === 'confirm') expect(question).toContain(locale === 'en' ? 'Submit?' : '确认提交吗？');
    else expect(question).toBe(h.t(locale, `registration.${step}.ask`));
    if (['consent', 'reason', 'education', 'training', 'followUp', 'papers', 'confirm'].includes(step)) expect(messages[1]?.choices.length).toBeGreaterThan(1);
    expect(await h.state()).toMatchObject({ active: { step, failures: 1 } });
    expect(before).toMatchObject({ active: { step, failures: 0 } });
  });

  it('an empty message says nothing was received and repeats the question', async () => {
    await reach('name', locale);
    const messages = await h.say('   ');
    expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'engine.empty'), h.t(locale, 'registration.name.ask')]);
  });
});

describe('three wrong answers to one question', () => {
  it('offers a person; "人工" opens a handoff, the bot waits, "取消" returns to the same step', async () => {
    await reach('idNumber', 'zh-CN');
    expect(textOf(await h.say('330302199005151234'))).toContain('校验位不对');
    expect(textOf(await h.say('33030219900515'))).toContain('身份证号少了4位（您输入了14位）');
    const stuck = await h.say('330302199005151233');
    expect(stuck.map((m) => m.text)).toEqual([h.t('zh-CN', 'errors.idNumber.checksum'), h.t('zh-CN', 'engine.tooManyTries')]);
    expect(buttonsOf(stuck)).toEqual(['转人工', '取消']);
    expect(textOf(stuck)).not.toContain(h.t('zh-CN', 'registration.idNumber.ask'));

    const opened = await h.say('人工');
    expect(textOf(opened)).toBe(h.t('zh-CN', 'handoff.opened'));
    expect(await h.mode()).toBe('awaiting_caseworker');
    const cases = await h.db.handoffCase.findMany();
    expect(cases).toHaveLength(1);
    const handoff = cases[0];
    expect(handoff).toMatchObject({ status: 'open', conversationKey: h.conversationKey(), reason: 'dialog:registration:idNumber', regionCode: '440800' });
    const excerpt: unknown = JSON.parse(handoff?.excerpt ?? '[]');
    expect(excerpt).toEqual(expect.arrayContaining(['> 3303************34', `< ${h.t('zh-CN', 'engine.tooManyTries')}`, '> 人工']));
    expect(handoff?.excerpt).not.toContain('330302199005151234');
    const listed = await h.repos.handoffs.listOpen('440800');
    expect(listed.map((c) => c.conversationKey)).toEqual([h.conversationKey()]);

    expect(textOf(await h.say('你好，有人吗？'))).toBe(h.t('zh-CN', 'handoff.waiting'));
    expect(textOf(await h.say(ID))).toBe(h.t('zh-CN', 'handoff.waiting'));
    expect(textOf(await h.say('帮助'))).toBe(h.t('zh-CN', 'handoff.waiting'));
    expect(await h.db.handoffCase.count()).toBe(1);
    expect(await h.mode()).toBe('awaiting_caseworker');
    const audit = await h.db.auditEvent.findMany({ where: { action: 'turn', subjectId: h.conversationKey() } });
    expect(audit.some((a) => a.details.includes('"mode":"awaiting_caseworker"'))).toBe(true);

    const back = await h.say('取消');
    expect(back.map((m) => m.text)).toEqual([h.t('zh-CN', 'handoff.cancelled'), h.t('zh-CN', 'registration.idNumber.ask')]);
    expect(await h.mode()).toBe('bot');
    expect((await h.db.handoffCase.findFirstOrThrow()).status).toBe('cancelled');
    expect(textOf(await h.say(ID))).toBe(h.t('zh-CN', 'registration.household.ask'));
    expect(await h.state()).toMatchObject({ active: { step: 'household', slots: { name: '张三', idNumber: ID } } });
  });

  it('in English, the "Talk to a person" button opens the handoff too', async () => {
    await reach('phone', 'en');
    for (const bad of ['123', '456']) await h.say(bad);
    const stuck = await h.say('789');
    expect(buttonsOf(stuck)).toEqual(['Talk to a person', 'Cancel']);
    expect(textOf(await h.say('Talk to a person'))).toBe(h.t('en', 'handoff.opened'));
    expect(await h.mode()).toBe('awaiting_caseworker');
    expect(textOf(await h.say('hello?'))).toBe(h.t('en', 'handoff.waiting'));
    expect((await h.say('cancel')).map((m) => m.text)).toEqual([h.t('en', 'handoff.cancelled'), h.t('en', 'registration.phone.ask')]);
  });

  it('on a channel without buttons the offer is numbered and "1" opens the handoff', async () => {
    const plain = { buttons: false } as const;
    await h.say('登记', plain);
    await h.say('1', plain);
    await h.say('张三', plain);
    for (const bad of ['12345', '67890']) await h.say(bad, plain);
    const stuck = await h.say('11111', plain);
    expect(stuck.every((m) => m.choices.length === 0)).toBe(true);
    expect(textOf(stuck)).toContain(`${h.t('zh-CN', 'engine.tooManyTries')}\n1. 转人工\n2. 取消\n请回复序号。`);
    expect(textOf(await h.say('1', plain))).toBe(h.t('zh-CN', 'handoff.opened'));
    expect(await h.mode()).toBe('awaiting_caseworker');
    expect(await h.db.handoffCase.count({ where: { status: 'open' } })).toBe(1);
  });

  it('the "取消" button of the offer ends the dialog with nothing stored', async () => {
    await reach('idNumber', 'zh-CN');
    for (const bad of ['1', '2', '3']) await h.say(bad);
    const cancelled = await h.say('取消');
    expect(textOf(cancelled)).toContain(h.t('zh-CN', 'engine.cancelled'));
    expect(await h.db.jobSeeker.count()).toBe(0);
    expect(await h.db.handoffCase.count()).toBe(0);
  });

  // Regression (found by these transcript tests, fixed in the engine).
  it('after coming back from a handoff, one wrong answer is an ordinary reprompt', async () => {
    await reach('idNumber', 'zh-CN');
    for (const bad of ['1', '2', '3']) await h.say(bad);
    await h.say('人工');
    await h.say('取消');
    const again = await h.say('4');
    expect(again.map((m) => m.text)).toEqual([h.t('zh-CN', 'errors.idNumber.too_short', { missing: 17, count: 1 }), h.t('zh-CN', 'registration.idNumber.ask')]);
  });
});
