// What a person reads as "依据": a real document (文号 or title) and its section in the notice's own numbering,
// or a local setting that the office confirms. Never our file names, spec numbers or reference ids.
import { describe, expect, it } from 'vitest';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import { numberOf } from '../../src/conversation/cite-clause.ts';
import { collectClauseRefs } from '../../src/domain/clauses/pack-citations.ts';
import { SERVICE_CATALOGUE } from '../../src/domain/service-catalogue/services-for.ts';
import { PRIORITY_FLAG_SOURCES } from '../../src/domain/registration/priority-flags.ts';
import { SERVICE_LOCATION_SOURCES } from '../../src/domain/service-location/determine-service-location.ts';
import { SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE, SUBSIDY_DURATION_SOURCE } from '../../src/domain/subsidy/subsidy-duration.ts';
import { RETIREMENT_AGE_SOURCE } from '../../src/domain/retirement/statutory-retirement.ts';
import { AGE_SOURCE } from '../../src/domain/identity/age.ts';
import { JOB_LOSS_REASON_SOURCE } from '../../src/domain/registration/job-loss-reasons.ts';
import { PACKS } from '../domain/regions/test-packs.ts';

const words = createLocalizer(readLocaleResources());
const zh = (ref: string) => words.cite('zh-CN', ref);
const en = (ref: string) => words.cite('en', ref);

const everyRef = [
  ...PACKS.flatMap((p) => collectClauseRefs(p, p.code)),
  ...[...Object.values(SERVICE_CATALOGUE).map((s) => s.source), ...Object.values(PRIORITY_FLAG_SOURCES), ...Object.values(SERVICE_LOCATION_SOURCES),
    SUBSIDY_DURATION_SOURCE, SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE, RETIREMENT_AGE_SOURCE, AGE_SOURCE, JOB_LOSS_REASON_SOURCE].map((ref) => ({ path: ref, ref })),
];

describe('citations', () => {
  it.each([
    ['wenzhou-2022#二(一)1', '温人社发〔2022〕37号 第二部分第（一）项第1点'],
    ['harbin-2010#第三条(五)', '哈人社发〔2010〕230号 第三条第（五）项'],
    ['zhanjiang-2021#三(二)(5)', '《关于建立湛江市失业人员就业服务制度的通知》 第三部分第（二）项第（5）目'],
    ['zhanjiang-2021', '《关于建立湛江市失业人员就业服务制度的通知》'],
    ['anshan-2022#四(一)', '鞍山市《加快促进全市失业人员就业创业实施方案》 第四部分第（一）项'],
    ['employment-services-provisions#第六十六条', '《就业服务与就业管理规定》 第六十六条'],
    ['zhejiang-2025#一(三)', '浙人社发〔2025〕59号 第一部分第（三）项'],
    ['decision:FIRST_CONTACT_DEFAULT_FROM_WENZHOU@wenzhou-2022#二(一)1', '本地设定，参照温人社发〔2022〕37号 第二部分第（一）项第1点，以经办机构确认为准'],
    ['decision:QUOTA_YEAR_ROLLING', '本地设定，以经办机构确认为准'],
  ])('zh: %s → %s', (ref, text) => expect(zh(ref)).toBe(text));

  it.each([
    ['wenzhou-2022#二(一)1', '温人社发〔2022〕37号, part 2, item (1), point 1'],
    ['employment-services-provisions#第六十六条', '《就业服务与就业管理规定》, article 66'],
    ['decision:FIRST_CONTACT_DEFAULT_FROM_WENZHOU@wenzhou-2022#二(一)1', 'local setting, following 温人社发〔2022〕37号, part 2, item (1), point 1, to be confirmed by the office'],
    ['decision:HARDSHIP_CONTACT_INTERVAL', 'local setting, to be confirmed by the office'],
  ])('en: %s → %s', (ref, text) => expect(en(ref)).toBe(text));

  it.each(['000_aba3bb2308e92d1e.txt §二(一)1', 'SPEC §R1.4.3 (14-day interval)', 'nowhere-2020#一', 'decision:NOT_A_DECISION', ''])(
    'an unreadable reference %j becomes "相关政策规定", never the raw string',
    (ref) => {
      expect(zh(ref)).toBe('相关政策规定');
      expect(en(ref)).toBe('the applicable policy');
    },
  );

  it.each(everyRef)('$path: $ref reads as a Chinese citation with no file name, spec number or English', ({ ref }) => {
    const text = zh(ref);
    expect(text.length).toBeGreaterThan(4);
    expect(text).not.toBe('相关政策规定');
    expect(text).not.toMatch(/\.txt|SPEC|§|#|decision:|[A-Za-z]/u);
  });

  it('message values named source / …Source are shown as citations', () => {
    expect(words.t('zh-CN', 'registration.submitted', { date: '2025-03-18', source: 'wenzhou-2022#二(一)1' }))
      .toBe('已提交！您的失业登记待工作人员审核。工作人员会在 2025年3月18日 前联系您（依据：温人社发〔2022〕37号 第二部分第（一）项第1点）。');
  });

  it('a value that is already a citation in words is kept; an unresolvable reference is never shown raw', () => {
    const line = words.t('zh-CN', 'hardship.result.source', { source: 'harbin-2010#第三条(一)' });
    expect(line).toBe('（依据：哈人社发〔2010〕230号 第三条第（一）项）');
    expect(words.t('zh-CN', 'hardship.result.line.met', { name: '“4050”人员', source: line })).toBe('· “4050”人员：可能符合（依据：哈人社发〔2010〕230号 第三条第（一）项）');
    for (const raw of ['000_aba3bb2308e92d1e.txt §二(一)1', 'SPEC §6 (conflict 8)', 'nowhere-2020#一', 'nowhere-2020'])
      expect(words.t('zh-CN', 'registration.submitted', { date: '2025-03-18', source: raw })).toContain('（依据：相关政策规定）');
    expect(words.t('zh-CN', 'hardship.result.line.met', { name: '残疾人', source: '' })).toBe('· 残疾人：可能符合');
  });

  it.each([['三', 3], ['十', 10], ['十一', 11], ['二十', 20], ['六十三', 63], ['12', 12]])('numberOf(%s) = %i', (numeral, n) => expect(numberOf(numeral)).toBe(n));
});
