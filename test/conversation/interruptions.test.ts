// Global commands at every step of the registration form (SPEC §1.12), in both languages: help repeats the question,
// back goes one step back, cancel stores nothing, restart starts over, a language switch re-asks in the other.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { MENU_ENTRIES } from '../../src/conversation/main-menu.ts';

const MENU_VALUES = [...MENU_ENTRIES.map((e) => `start:${e.dialog}`), 'human', 'help'];
import type { Locale } from '../../src/conversation/locales.ts';
import { type EngineHarness } from '../support/engine-harness.ts';
import { FORM, FORM_STEPS, summaryText, type FormStep } from './registration-form.ts';

const STEPS = FORM_STEPS;
type Step = FormStep;
/** A good answer for each step, by step id, typed as the button value where the step has buttons. */
const ANSWERS: Record<string, string> = Object.fromEntries(FORM);

/** The words a person of each language types for each command. */
const WORDS = {
  'zh-CN': { help: '帮助', back: '返回', cancel: '取消', restart: '重新开始', switch: 'English', other: 'en' },
  en: { help: 'help', back: 'back', cancel: 'cancel', restart: 'start over', switch: '中文', other: 'zh-CN' },
} as const;

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

function question(locale: Locale, step: Step): string {
  if (step === 'confirm') return summaryText(h, locale);
  return h.t(locale, `registration.${step}.ask`);
}

async function activeStep(): Promise<unknown> {
  const state = await h.state();
  return state && typeof state === 'object' && 'active' in state && state.active && typeof state.active === 'object' && 'step' in state.active ? state.active.step : null;
}

/** Starts the dialog in `locale` and answers until `step` is being asked. */
async function reach(step: Step, locale: Locale): Promise<void> {
  if (locale === 'en') await h.say('English');
  await h.say('登记');
  for (const s of STEPS.slice(0, STEPS.indexOf(step))) {
    expect(await activeStep()).toBe(s);
    if (s !== 'confirm') await h.say(ANSWERS[s] ?? '');
  }
  expect(await activeStep()).toBe(step);
}

describe.each(['zh-CN', 'en'] as const)('interruptions in %s', (locale) => {
  const words = WORDS[locale];

  describe.each(STEPS)('at step %s', (step) => {
    it(`"${words.help}" shows help, then the same question`, async () => {
      await reach(step, locale);
      const messages = await h.say(words.help);
      expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'engine.help'), question(locale, step)]);
      expect(await activeStep()).toBe(step);
    });

    it(`"${words.back}" goes back one step`, async () => {
      await reach(step, locale);
      const messages = await h.say(words.back);
      const index = STEPS.indexOf(step);
      const previous = STEPS[index - 1];
      if (previous === undefined) {
        expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'engine.nothingToUndo'), question(locale, step)]);
        expect(await activeStep()).toBe(step);
      } else {
        expect(messages.map((m) => m.text)).toEqual([question(locale, previous)]);
        expect(await activeStep()).toBe(previous);
        expect(await h.state()).toMatchObject({ active: { slots: expect.not.objectContaining({ [previous]: expect.anything() }) } });
      }
    });

    it(`"${words.cancel}" ends the dialog and stores nothing`, async () => {
      await reach(step, locale);
      const messages = await h.say(words.cancel);
      expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'engine.cancelled'), h.t(locale, 'menu.again')]);
      expect(messages[1]?.choices.map((c) => c.value)).toEqual(MENU_VALUES);
      expect(await h.state()).toMatchObject({ active: null });
      expect(await h.db.jobSeeker.count()).toBe(0);
      expect(await h.db.registration.count()).toBe(0);
    });

    it(`"${words.restart}" starts over from the first question`, async () => {
      await reach(step, locale);
      const messages = await h.say(words.restart);
      expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'engine.restarted'), question(locale, 'consent')]);
      expect(await h.state()).toMatchObject({ active: { step: 'consent', slots: {}, history: [] } });
    });

    it(`"${words.switch}" switches language and repeats the question in it`, async () => {
      await reach(step, locale);
      const other = words.other;
      const messages = await h.say(words.switch);
      expect(messages.map((m) => m.text)).toEqual([h.t(other, 'engine.languageSwitched'), question(other, step)]);
      expect(await h.state()).toMatchObject({ locale: other, active: { step } });
      const backAgain = await h.say(WORDS[other].switch);
      expect(backAgain.map((m) => m.text)).toEqual([h.t(locale, 'engine.languageSwitched'), question(locale, step)]);
    });
  });
});

describe('commands are recognised loosely', () => {
  it.each(['帮助。', ' HELP ', '帮助!', '怎么用？'])('"%s" is help', async (text) => {
    await reach('name', 'zh-CN');
    const messages = await h.say(text);
    expect(messages[0]?.text).toBe(h.t('zh-CN', 'engine.help'));
  });

  // Regression (found by these transcript tests, fixed in the engine).
  it.each(['？', '?'])('"%s" alone is help', async (text) => {
    await reach('name', 'zh-CN');
    const messages = await h.say(text);
    expect(messages[0]?.text).toBe(h.t('zh-CN', 'engine.help'));
  });

  it('"返回" twice walks back two steps and the answers can be given again', async () => {
    await reach('household', 'zh-CN');
    await h.say('返回');
    expect((await h.say('返回')).map((m) => m.text)).toEqual([question('zh-CN', 'name')]);
    expect((await h.say('李四')).map((m) => m.text)).toEqual([question('zh-CN', 'idNumber')]);
    expect(await h.state()).toMatchObject({ active: { step: 'idNumber', slots: { name: '李四' } } });
  });
});
