// Registration is data: a question added to a copy of the step list (with its locale keys) shows up in the
// summary, in "edit a field" and in the stored registration, with no other code changed.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { buildRegistrationDialog, REGISTRATION_QUESTIONS } from '../../dialogs/registration.dialog.ts';
import { DIALOGS } from '../../dialogs/index.ts';
import type { DialogStep } from '../../src/conversation/dialog-types.ts';
import { freeTextAnswer } from '../../src/conversation/answers/registration-answers.ts';
import { readLocaleResources, type LocaleResources } from '../../src/conversation/localizer.ts';
import { formSummaryLines } from '../../src/conversation/form/form-summary.ts';
import { buttonsOf, textOf } from '../support/engine-harness.ts';
import { fillForm } from './registration-form.ts';

/** The new question: a driving licence, asked after the papers, stored in the registration's details. */
const licence: DialogStep = {
  id: 'drivingLicence',
  prompt: 'registration.drivingLicence.ask',
  parse: freeTextAnswer,
  display: 'text',
  field: {
    summary: 'registration.summary.drivingLicence',
    edit: 'registration.fields.drivingLicence',
    stores: { 'details.drivingLicence': (slots) => slots.drivingLicence ?? null },
  },
};

const WORDS = {
  'zh-CN': { ask: '您有驾驶证吗？是哪一类？', summary: '驾驶证：', field: '驾驶证' },
  en: { ask: 'Do you hold a driving licence? Which class?', summary: 'Driving licence: ', field: 'Driving licence' },
} as const;

/** locales/*.json plus the new question's keys, as a bureau would add them. */
function localesWithLicence(): LocaleResources {
  const base = readLocaleResources();
  const add = (locale: keyof typeof WORDS): Record<string, unknown> => {
    const registration = base[locale].registration;
    const section = registration && typeof registration === 'object' ? Object.fromEntries(Object.entries(registration)) : {};
    const nested = (key: string): Record<string, unknown> => {
      const value: unknown = section[key];
      return value && typeof value === 'object' ? Object.fromEntries(Object.entries(value)) : {};
    };
    const w = WORDS[locale];
    return {
      ...base[locale],
      registration: { ...section, drivingLicence: { ask: w.ask }, summary: { ...nested('summary'), drivingLicence: w.summary }, fields: { ...nested('fields'), drivingLicence: w.field } },
    };
  };
  return { 'zh-CN': add('zh-CN'), en: add('en') };
}

const papersAt = REGISTRATION_QUESTIONS.findIndex((s) => s.id === 'papers');
const questions = [...REGISTRATION_QUESTIONS.slice(0, papersAt + 1), licence, ...REGISTRATION_QUESTIONS.slice(papersAt + 1)];

describe('registration as data: a step added to a copy of the list', () => {
  it.override({ harnessOptions: { dialogs: { ...DIALOGS, registration: buildRegistrationDialog(questions) }, locales: localesWithLicence() } });

  it('is asked, summarised, editable and stored', async ({ harness: h }) => {
    await fillForm(h, { until: 'papers' });
    expect(textOf(await h.say('yes'))).toBe(WORDS['zh-CN'].ask);

    const summary = textOf(await h.say('C1'));
    expect(summary).toContain('材料：');
    expect(summary).toContain(`\n${WORDS['zh-CN'].summary}C1`);

    const edit = await h.say('修改某项');
    expect(buttonsOf(edit)).toContain(WORDS['zh-CN'].field);
    expect(textOf(await h.say(WORDS['zh-CN'].field))).toBe(WORDS['zh-CN'].ask);
    const again = textOf(await h.say('B2'));
    expect(again).toContain(`${WORDS['zh-CN'].summary}B2`);
    expect(again).not.toContain(`${WORDS['zh-CN'].summary}C1`);

    await h.say('确认提交');
    const stored = await h.db.registration.findFirstOrThrow();
    expect(JSON.parse(stored.details)).toMatchObject({ drivingLicence: 'B2', education: 'senior', papersComplete: true });
  });

});

describe('registration as data: the shipped list', () => {
  it.override({ harnessOptions: { locales: localesWithLicence() } });

  it('has no such line or choice (the test can fail)', async ({ harness: h }) => {
    await fillForm(h, { until: 'papers' });
    const summary = textOf(await h.say('yes'));
    expect(summary).not.toContain(WORDS['zh-CN'].summary);
    expect(buttonsOf(await h.say('修改某项'))).not.toContain(WORDS['zh-CN'].field);
  });

  it('the summary lists the answered fields that apply, in form order, sensitive ones masked', () => {
    const env = { today: '2025-03-11', locale: 'en' as const, policy: undefined as never, mask: () => '***', label: (k: string) => `[${k}]`, cite: String };
    const lines = formSummaryLines(questions, { name: '张三', phone: '13812345678', drivingLicence: 'C1', jobType: 'FEMALE_55' }, env);
    // jobType applies to women only: without sex F it is left out even though answered.
    expect(lines).toEqual(['[registration.summary.name]张三', '[registration.summary.phone]***', '[registration.summary.drivingLicence]C1']);
  });
});
