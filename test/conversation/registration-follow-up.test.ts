// The end of the form: refusing monthly follow-up (R1.4.2 — every 6 months where the region allows it, else
// still monthly) and missing papers (R1.7.1 — a credit promise with its completion date where the region has it).
import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { followUpAfterRefusal } from '../../src/domain/registration/follow-up-after-refusal.ts';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';
import { selectRegionPack } from '../../src/domain/regions/select-region-pack.ts';
import { fillForm } from './registration-form.ts';

const WENZHOU = '330302';
const WENZHOU_REFUSAL = 'wenzhou-2022#二(二)';
const ZHANJIANG_PROMISE = 'zhanjiang-2021#五(一)';
/** Tue 2025-03-11 + 7 working days (start day not counted). */
const PROMISE_DUE = '2025-03-20';

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

describe('refusing monthly follow-up', () => {
  it('in Wenzhou: every 6 months from registration, with the clause; stored as refused', async () => {
    h = await createEngineHarness({ regionCode: WENZHOU });
    await fillForm(h, { until: 'followUp' });
    const said = await h.say('不用每月联系');
    expect(said.map((m) => m.text)).toEqual([h.t('zh-CN', 'registration.followUp.everyNMonths', { months: 6, source: WENZHOU_REFUSAL }), h.t('zh-CN', 'registration.papers.ask')]);
    expect(said[0]?.text).toContain('每6个月');
    expect(said[0]?.text).toContain('（依据：温人社发〔2022〕37号 第二部分第（二）项）');
    expect(textOf(await h.say('材料齐全'))).toContain('每月联系：不用每月联系');
    const submitted = textOf(await h.say('确认提交'));
    // Wenzhou's own notice sets the 5 working days: cited as its rule, not as a local setting.
    expect(submitted).toContain('前联系您（依据：温人社发〔2022〕37号 第二部分第（一）项第1点）');
    expect(submitted).not.toContain('本地设定');
    expect(await h.db.registration.findFirstOrThrow()).toMatchObject({ followUpPreference: 'refused', regionCode: WENZHOU });
  });

  it('in Zhanjiang: the office still follows up monthly, with the clause', async () => {
    h = await createEngineHarness();
    await h.say('English');
    await fillForm(h, { until: 'followUp' });
    const fallback = followUpAfterRefusal(selectRegionPack(loadRegionPacks(), '440800', '2025-03-11'));
    expect(fallback.cadence).toBe('monthly');
    const said = await h.say('No monthly contact');
    expect(said.map((m) => m.text)).toEqual([h.t('en', 'registration.followUp.stillMonthly', { source: fallback.source }), h.t('en', 'registration.papers.ask')]);
    await h.say('I have them');
    await h.say('Submit');
    expect(await h.db.registration.findFirstOrThrow()).toMatchObject({ followUpPreference: 'refused' });
  });

  it('the answer adapter per region pack: 6-monthly where allowed, else monthly', () => {
    const packs = loadRegionPacks();
    expect(followUpAfterRefusal(selectRegionPack(packs, WENZHOU, '2025-03-11'))).toEqual({ cadence: 'every_n_months', everyMonths: 6, source: WENZHOU_REFUSAL });
    expect(followUpAfterRefusal(selectRegionPack(packs, '210302', '2025-03-11')).cadence).toBe('monthly');
  });
});

describe('papers and the credit promise', () => {
  it('in Zhanjiang: explains 容缺办理, asks for the promise, states the date and repeats it after submitting', async () => {
    h = await createEngineHarness();
    await fillForm(h, { until: 'papers' });
    const asked = await h.say('暂时不全');
    expect(textOf(asked)).toBe(h.t('zh-CN', 'registration.creditPromise.ask', { date: PROMISE_DUE, source: ZHANJIANG_PROMISE }));
    expect(textOf(asked)).toContain('容缺办理');
    expect(buttonsOf(asked)).toEqual(['我承诺', '不承诺']);
    const summary = textOf(await h.say('我承诺'));
    expect(summary).toContain('材料：暂时不全\n信用承诺：我承诺');
    const done = await h.say('确认提交');
    expect(done.map((m) => m.text)).toEqual([
      '已提交！您的失业登记待工作人员审核。工作人员会在 2025年3月18日 前联系您（依据：本地设定，参照温人社发〔2022〕37号 第二部分第（一）项第1点，以经办机构确认为准）。',
      `您已作信用承诺，材料将在 2025年3月20日 前核实完成，结果会告诉您（依据：《关于建立湛江市失业人员就业服务制度的通知》 第五部分第（一）项）。`,
      h.t('zh-CN', 'registration.firmDate'),
      h.t('zh-CN', 'menu.after'),
    ]);
    const stored = await h.db.registration.findFirstOrThrow();
    expect(JSON.parse(stored.details)).toMatchObject({ papersComplete: false, creditPromise: { promisedOn: '2025-03-11', dueBy: PROMISE_DUE, provisional: false, source: ZHANJIANG_PROMISE } });
  });

  it('declining the promise: bring the papers later; nothing promised is stored', async () => {
    h = await createEngineHarness();
    await fillForm(h, { until: 'papers' });
    await h.say('暂时不全');
    const said = await h.say('不承诺');
    expect(said[0]?.text).toBe(h.t('zh-CN', 'registration.creditPromise.bringPapers'));
    await h.say('确认提交');
    expect(JSON.parse((await h.db.registration.findFirstOrThrow()).details)).toMatchObject({ papersComplete: false, creditPromise: null });
  });

  it('where the region has no credit promise (Wenzhou): papers can be brought later, straight to the summary', async () => {
    h = await createEngineHarness({ regionCode: WENZHOU });
    await fillForm(h, { until: 'papers' });
    const said = await h.say('暂时不全');
    expect(said[0]?.text).toBe(h.t('zh-CN', 'registration.papers.bringLater'));
    expect(said[1]?.text).toContain('确认提交吗？');
    expect(said[1]?.text).not.toContain('信用承诺');
    const done = textOf(await h.say('确认提交'));
    expect(done).not.toContain('核实完成');
    expect(JSON.parse((await h.db.registration.findFirstOrThrow()).details)).toMatchObject({ papersComplete: false, creditPromise: null });
  });
});
