// The day unemployment began, as people type it: every accepted form gets to the next question and is stored
// as YYYY-MM-DD; a future date, a date before birth or nonsense says what is wrong and asks again.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { type EngineHarness } from '../support/engine-harness.ts';
import { fillForm } from './registration-form.ts';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

describe('unemployment start date (today is 2025-03-11)', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['3月1日', '2025-03-01'],
    ['上个月', '2025-02-01'],
    ['二零二五年三月', '2025-03-01'],
    ['二〇二五年三月五日', '2025-03-05'],
    ['12月20日', '2024-12-20'],
    ['今天', '2025-03-11'],
  ])('"%s" is accepted as %s', async (said, date) => {
    await fillForm(h, { until: 'unemployedSince' });
    // A month without a day is stored as its 1st and said back first (issue 9: never a guessed day without a word).
    const [y, m, d] = date.split('-').map(Number);
    const assumed = /月$|上个月/.test(said) ? [h.t('zh-CN', 'registration.unemployedSince.assumed', { year: y ?? 0, month: m ?? 0, day: d ?? 0, date })] : [];
    expect((await h.say(said)).map((x) => x.text)).toEqual([...assumed, h.t('zh-CN', 'registration.reason.ask')]);
    expect(await h.state()).toMatchObject({ active: { step: 'reason', slots: { unemployedSince: date } } });
  });

  it.each([
    ['2025-03-12', 'errors.unemployedSince.future'],
    ['2026年1月1日', 'errors.unemployedSince.future'],
    ['1990-05-14', 'errors.unemployedSince.before_birth'],
    ['2025-02-30', 'errors.unemployedSince.invalid_date'],
    ['很久了', 'errors.unemployedSince.format'],
    ['下个月', 'errors.unemployedSince.format'],
  ])('"%s" is refused (%s) and the question is asked again', async (said, error) => {
    await fillForm(h, { until: 'unemployedSince' });
    const again = await h.say(said);
    expect(again.map((m) => m.text)).toEqual([h.t('zh-CN', error), h.t('zh-CN', 'registration.unemployedSince.ask')]);
    expect(await h.state()).toMatchObject({ active: { step: 'unemployedSince', failures: 1 } });
  });

  it('in English: a wrong date reprompts in English, then "last month" is taken', async () => {
    await h.say('English');
    await fillForm(h, { until: 'unemployedSince' });
    expect((await h.say('tomorrow')).map((m) => m.text)).toEqual([h.t('en', 'errors.unemployedSince.format'), h.t('en', 'registration.unemployedSince.ask')]);
    expect((await h.say('last month')).map((m) => m.text)).toEqual([h.t('en', 'registration.unemployedSince.assumed', { date: '2025-02-01' }), h.t('en', 'registration.reason.ask')]);
  });
});
