// Time and restarts: a dialog continues on a new engine over the same database, greets a person back after a
// pause, starts fresh after the idle limit, and a repeated inbound activity is answered only once.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { buttonsOf, textOf, type EngineHarness } from '../support/engine-harness.ts';

const ID = '330302199005151235';
const HOUR = 3_600_000;

let h: EngineHarness;
const extra: EngineHarness[] = [];
// The engine harness comes from the shared fixture, which closes it; restarted engines are closed here.
it.beforeEach(({ harness }) => {
  h = harness;
});
it.afterEach(async () => {
  await Promise.all(extra.splice(0).map((x) => x.close()));
});

const later = (ms: number) => new Date(h.now().getTime() + ms);

describe('restart of the service', () => {
  it('a new engine on the same database and key continues at the same step', async () => {
    await h.say('登记');
    await h.say('同意');
    await h.say('张三');
    const second = await h.restart();
    extra.push(second);
    expect(second.engine).not.toBe(h.engine);
    expect(textOf(await second.say(ID))).toBe(second.t('zh-CN', 'registration.household.ask'));
    for (const text of ['湛江市赤坎区', '与户籍地相同', '13812345678', '2025年3月1日', '其他', '大专', '无', '司机', '否', '否', '可以每月联系', '材料齐全']) await second.say(text);
    expect(textOf(await second.say('确认提交'))).toContain('已提交');
    const person = await second.db.jobSeeker.findFirstOrThrow({ include: { registrations: true } });
    expect(person.name).toBe('张三');
    expect(person.registrations).toHaveLength(1);
  });

  it('keeps the language across a restart', async () => {
    await h.say('English');
    await h.say('register');
    await h.say('I agree');
    const second = await h.restart();
    extra.push(second);
    expect(textOf(await second.say('Li Wei'))).toBe(second.t('en', 'registration.idNumber.ask'));
  });
});

describe('coming back after a pause', () => {
  it('two days later: "welcome back" naming the dialog, then the same question', async () => {
    await h.say('登记');
    await h.say('同意');
    await h.say('张三');
    const back = await h.say(ID, { at: later(48 * HOUR) });
    expect(back.map((m) => m.text)).toEqual(['欢迎回来！您上次办理“失业登记”还没完成，我们接着来。', h.t('zh-CN', 'registration.idNumber.ask')]);
    expect(await h.state()).toMatchObject({ active: { step: 'idNumber', slots: { consent: 'agree', name: '张三' } } });
    expect(textOf(await h.say(ID))).toBe(h.t('zh-CN', 'registration.household.ask'));
  });

  it('in English the reminder names the dialog in English; after a restart too', async () => {
    await h.say('English');
    await h.say('register');
    const second = await h.restart();
    extra.push(second);
    const back = await second.say('I agree', { at: later(50 * HOUR) });
    expect(back.map((m) => m.text)).toEqual(['Welcome back! You had not finished "unemployment registration". Let\'s continue.', second.t('en', 'registration.consent.ask')]);
    expect(buttonsOf(back)).toEqual(['I agree', 'I do not agree']);
  });

  it('a few minutes later the answer is simply taken', async () => {
    await h.say('登记');
    expect(textOf(await h.say('同意', { at: later(20 * 60_000) }))).toBe(h.t('zh-CN', 'registration.name.ask'));
  });

  it('opening the chat again (join) greets back and asks the pending question', async () => {
    await h.say('登记');
    await h.say('同意');
    const joined = await h.say('', { kind: 'join', at: later(5 * HOUR) });
    expect(joined.map((m) => m.text)).toEqual([h.t('zh-CN', 'engine.welcomeBack', { title: '失业登记' }), h.t('zh-CN', 'registration.name.ask')]);
  });

  it('longer than the idle limit (72 h): the dialog is cleared, saying so, and starts fresh', async () => {
    await h.say('登记');
    await h.say('同意');
    await h.say('张三');
    const reset = await h.say(ID, { at: later(73 * HOUR) });
    expect(reset.map((m) => m.text)).toEqual(['上次的办理已超时，为保护您的信息已清空，请重新开始。', h.t('zh-CN', 'menu.again')]);
    expect(buttonsOf(reset)).toEqual(['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助']);
    expect(await h.state()).toMatchObject({ active: null });
    expect(textOf(await h.say('失业登记'))).toBe(h.t('zh-CN', 'registration.consent.ask'));
    expect(await h.state()).toMatchObject({ active: { step: 'consent', slots: {} } });
    expect(await h.db.jobSeeker.count()).toBe(0);
  });

  it('the idle limit is the configured one: 24 h resets where 72 h would only greet back', async () => {
    await h.say('登记');
    await h.say('同意');
    const strict = await h.restart({ idleHours: 24 });
    extra.push(strict);
    const reset = await strict.say('张三', { at: later(25 * HOUR) });
    expect(reset.map((m) => m.text)).toEqual([h.t('zh-CN', 'engine.idleReset'), h.t('zh-CN', 'menu.again')]);

    const c2 = { conversationId: 'c2' } as const;
    await h.say('登记', c2);
    await h.say('同意', c2);
    const greeted = await h.say('张三', { ...c2, at: later(25 * HOUR) });
    expect(greeted[0]?.text).toBe(h.t('zh-CN', 'engine.welcomeBack', { title: '失业登记' }));
  });

  it('in English the idle reset is said in English', async () => {
    await h.say('English');
    await h.say('register');
    const reset = await h.say('I agree', { at: later(100 * HOUR) });
    expect(reset.map((m) => m.text)).toEqual([h.t('en', 'engine.idleReset'), h.t('en', 'menu.again')]);
  });

  // Regression (found by these transcript tests, fixed in the engine).
  it('after the idle limit, "帮助" does not bring back the old answers', async () => {
    await h.say('登记');
    await h.say('同意');
    await h.say('张三');
    await h.say('帮助', { at: later(80 * HOUR) });
    expect(await h.state()).toMatchObject({ active: null });
  });
});

describe('duplicate inbound activity', () => {
  it('the same activity id twice: the second gets no reply and changes nothing', async () => {
    await h.say('登记');
    const first = await h.say('同意', { activityId: 'act-1' });
    expect(textOf(first)).toBe(h.t('zh-CN', 'registration.name.ask'));
    const counts = async () => ({
      state: await h.db.conversationState.findUniqueOrThrow({ where: { conversationKey: h.conversationKey() } }),
      transcript: await h.db.transcriptMessage.count(),
      audit: await h.db.auditEvent.count(),
    });
    const before = await counts();
    expect(await h.say('同意', { activityId: 'act-1' })).toEqual([]);
    expect(await h.say('不同意', { activityId: 'act-1' })).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(await h.state()).toMatchObject({ active: { step: 'name' } });
  });

  it('is still recognised by a restarted engine, and another conversation may reuse the id', async () => {
    await h.say('登记', { activityId: 'act-9' });
    const second = await h.restart();
    extra.push(second);
    expect(await second.say('登记', { activityId: 'act-9' })).toEqual([]);
    expect(textOf(await second.say('登记', { activityId: 'act-9', conversationId: 'other' }))).toBe(h.t('zh-CN', 'registration.consent.ask'));
  });
});
