// Commands in everyday words ("客服", "退出", "返回主菜单", "我不想办了") at every kind of step: free text (name,
// phone), a choice with free text (residence), pure choices (consent, education) and the follow-up situation.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, type FormStep } from './registration-form.ts';
import { seedPerson } from './follow-up-fixtures.ts';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

const STEPS: readonly FormStep[] = ['consent', 'name', 'residence', 'phone', 'education'];
const texts = async (said: string) => (await h.say(said)).map((m) => m.text);

describe('commands in everyday words at every step kind', () => {
  for (const step of STEPS) {
    it(`"客服" at ${step} opens a handoff and stores nothing`, async () => {
      await fillForm(h, { until: step });
      await h.say('客服');
      expect(await h.mode()).toBe('awaiting_caseworker');
      expect(await h.db.registration.count()).toBe(0);
    });
    for (const said of ['退出', '我不想办了']) {
      it(`"${said}" at ${step} cancels`, async () => {
        await fillForm(h, { until: step });
        expect(await texts(said)).toEqual([h.t('zh-CN', 'engine.cancelled'), h.t('zh-CN', 'menu.again')]);
        expect(await h.state()).toMatchObject({ active: null });
      });
    }
    it(`"返回主菜单" at ${step} goes back to the menu`, async () => {
      await fillForm(h, { until: step });
      expect(await texts('返回主菜单')).toEqual([h.t('zh-CN', 'engine.cancelled'), h.t('zh-CN', 'menu.again')]);
    });
  }
  it('"人工客服" is never stored as a name', async () => {
    await fillForm(h, { until: 'name' });
    await h.say('人工客服');
    expect(await h.mode()).toBe('awaiting_caseworker');
    expect(JSON.stringify(await h.state())).not.toContain('"name":"人工客服"');
  });

  for (const [said, expected] of [['客服', 'awaiting_caseworker'], ['退出', 'bot'], ['返回主菜单', 'bot'], ['我不想办了', 'bot']] as const) {
    it(`"${said}" at the follow-up situation question is a command, not an answer`, async () => {
      await seedPerson(h);
      await h.say('start:followUp');
      await h.say(said);
      expect(await h.mode()).toBe(expected);
      expect(await h.db.contactRecord.count()).toBe(0);
      if (expected === 'bot') expect(await h.state()).toMatchObject({ active: null });
    });
  }

  for (const step of ['name', 'residence', 'education'] as const) {
    it(`English at ${step}: "customer service" opens a handoff, "quit" cancels, "main menu" goes to the menu`, async () => {
      await h.say('English');
      await fillForm(h, { until: step });
      expect(await texts('quit')).toEqual([h.t('en', 'engine.cancelled'), h.t('en', 'menu.again')]);
      await fillForm(h, { until: step });
      expect(await texts('main menu')).toEqual([h.t('en', 'engine.cancelled'), h.t('en', 'menu.again')]);
      await fillForm(h, { until: step });
      await h.say('customer service');
      expect(await h.mode()).toBe('awaiting_caseworker');
    });
  }
});
