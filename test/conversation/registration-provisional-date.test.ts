// A deadline that reaches a year without holiday data (2027 in these tests: no notice is bundled or in the
// shipped override table) is told to the person as provisional, to be confirmed by a caseworker.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm } from './registration-form.ts';

const ZHANJIANG_FIRST_CONTACT = 'decision:FIRST_CONTACT_DEFAULT_FROM_WENZHOU@wenzhou-2022#二(一)1';
let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

describe('deadlines in a year without holiday data', () => {
  it('registered Mon 2026-12-28: first contact by 2027-01-04 (Mon–Fri assumed) and the date is provisional', async () => {
    h = await createEngineHarness();
    await h.say('你好', { at: new Date('2026-12-28T10:00:00+08:00') });
    await fillForm(h, { until: 'papers' });
    await h.say('暂时不全');
    await h.say('我承诺');
    const done = await h.say('确认提交');
    const texts = done.map((m) => m.text);
    expect(texts[0]).toBe(h.t('zh-CN', 'registration.submitted', { date: '2027-01-04', source: ZHANJIANG_FIRST_CONTACT }));
    expect(texts).toContain(h.t('zh-CN', 'registration.provisionalDate'));
    expect(texts).not.toContain(h.t('zh-CN', 'registration.firmDate'));
    const stored = await h.db.registration.findFirstOrThrow();
    expect(JSON.parse(stored.details)).toMatchObject({ creditPromise: { promisedOn: '2026-12-28', provisional: true } });
  });

  it('registered Mon 2026-12-07: first contact 2026-12-14, within 2026, is firm', async () => {
    h = await createEngineHarness();
    await h.say('你好', { at: new Date('2026-12-07T10:00:00+08:00') });
    await fillForm(h);
    const texts = (await h.say('确认提交')).map((m) => m.text);
    expect(texts[0]).toBe(h.t('zh-CN', 'registration.submitted', { date: '2026-12-14', source: ZHANJIANG_FIRST_CONTACT }));
    expect(texts).toContain(h.t('zh-CN', 'registration.firmDate'));
  });
});
