// The common questions (issue 9 item 2) answered from the person's region pack, with the document and section
// each line rests on, in zh-CN and en, for every bundled region; where the region's notice says nothing the bot
// says so and offers a person (for 失业保险金: the service's own channels), and never invents an answer.
import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';
import type { Locale } from '../../src/conversation/locales.ts';
import type { FaqTopic } from '../../src/domain/faq/answer-faq.ts';

const QUESTIONS: Record<Locale, Record<FaqTopic, string>> = {
  'zh-CN': {
    whoCanRegister: '谁可以登记',
    papers: '要带什么材料',
    contactFrequency: '你们多久联系我一次',
    quota: '一年能享受哪些服务',
    hardship: '什么是就业困难人员',
    deregistration: '什么情况下会注销登记',
    benefit: '失业金怎么领',
    where: '在哪里办理',
  },
  en: {
    whoCanRegister: 'who can register',
    papers: 'what documents do I need',
    contactFrequency: 'how often will you contact me',
    quota: 'what services do I get each year',
    hardship: 'what are the hardship categories',
    deregistration: 'when does my registration end',
    benefit: 'how do I get unemployment benefit',
    where: 'where is the office',
  },
};

/** What a person must read: substrings of the answer, or `none` (the notice does not say). */
type Expected = readonly string[] | 'none';
type RegionCase = { name: string; code: string; locale: Locale; expect: Partial<Record<FaqTopic, Expected>>; absent?: Partial<Record<FaqTopic, readonly string[]>> };

const ZJ = '《关于建立湛江市失业人员就业服务制度的通知》';
const AS = '鞍山市《加快促进全市失业人员就业创业实施方案》';

const CASES: readonly RegionCase[] = [
  {
    name: 'Zhanjiang',
    code: '440800',
    locale: 'zh-CN',
    expect: {
      whoCanRegister: ['年满16周岁、未到领取基本养老金的年龄', '可以在户籍地、常住地办理', `${ZJ} 第一部分第（二）项`],
      papers: ['提交《失业人员登记表》', `${ZJ} 第一部分第（四）项`, '书面承诺后可以先办，7个工作日内办结', `${ZJ} 第五部分第（一）项`],
      contactFrequency: ['登记后5个工作日内', '本地设定，参照温人社发〔2022〕37号 第二部分第（一）项第1点', '之后每月至少跟踪联系1次', `${ZJ} 第四部分第（二）项`],
      quota: ['政策对接2次、职业指导3次、推荐岗位信息3次、免费技能培训信息3次', `${ZJ} 第四部分第（三）项`],
      hardship: ['本地通知没有列出具体类别，按有关规定认定', `${ZJ} 第三部分第（二）项第（5）目`, '申请认定前，需要先办理失业登记', '困难人员预审'],
      deregistration: ['被用人单位录用', '无正当理由连续3次拒绝公共就业服务', '连续6个月无法取得联系', `${ZJ} 第二部分第（一）项）`],
      benefit: ['办理失业登记时一并办理失业保险金发放', `${ZJ} 第三部分第（二）项第（4）目`],
      where: ['各县（市、区）就业服务机构的办理窗口', `${ZJ} 第一部分第（三）项`, '电话：12333'],
    },
    absent: { deregistration: ['不会仅因为'], whoCanRegister: ['失业农民工'], contactFrequency: ['每6个月'] },
  },
  {
    name: 'Harbin',
    code: '230102',
    locale: 'zh-CN',
    expect: {
      whoCanRegister: ['在常住地办理', '《就业服务与就业管理规定》 第六十三条'],
      papers: 'none',
      quota: 'none',
      hardship: ['“4050”人员', '军人配偶', '哈人社发〔2010〕230号 第三条', '认定前要先公示（依据：哈人社发〔2010〕230号 第四条第（一）项）'],
      benefit: ['本地通知只写到', '一次性领取', '哈人社发〔2010〕230号 第六条第（三）项'],
      where: ['负责就业援助的专人', '电话：12333（依据：哈人社发〔2010〕230号 第五条第（三）项）'],
    },
    absent: { hardship: ['申请认定前'] },
  },
  {
    name: 'Wenzhou',
    code: '330302',
    locale: 'zh-CN',
    expect: {
      papers: 'none',
      quota: 'none',
      contactFrequency: ['登记后5个工作日内，工作人员会主动联系您（依据：温人社发〔2022〕37号 第二部分第（一）项第1点）', '从登记之日起每6个月联系1次'],
      hardship: ['脱贫家庭成员', '被征地人员', '温人社发〔2022〕37号 第一部分第（二）项', '申请认定前，需要先办理失业登记', '低保家庭成员、低保边缘家庭成员、持证残疾人申请认定时免于公示'],
      deregistration: ['已领基本养老金', '不会仅因为无正当理由连续3次拒绝公共就业服务；连续6个月无法取得联系就注销您的登记', '温人社发〔2022〕37号 第二部分第（三）项第1点'],
      where: ['登记地的公共就业服务机构或基层服务平台'],
    },
    absent: { deregistration: ['死亡'], where: ['12333', '12345'], hardship: ['认定前要先公示'] },
  },
  {
    name: 'Anshan',
    code: '210302',
    locale: 'zh-CN',
    expect: {
      whoCanRegister: ['失业农民工还可以在常住地、就业地、参保地办理', `${AS} 第四部分第（二）项`],
      papers: 'none',
      benefit: ['线上线下都可以申领', `${AS} 第四部分第（一）项`],
      where: ['公共就业服务机构', '失业登记全国统一服务平台', '社区“15分钟”就业服务圈', `${AS} 第四部分第（四）项`, '电话：12345'],
      hardship: ['按有关规定认定', `${AS} 第四部分第（九）项`],
    },
    absent: { where: ['12333'] },
  },
  {
    name: 'Hangzhou (rules to be confirmed)',
    code: '330100',
    locale: 'zh-CN',
    expect: { benefit: 'none', where: 'none', papers: 'none', hardship: ['大龄失业人员', '浙人社发〔2025〕59号 第一部分', '本地区适用的政策版本还待工作人员确认'] },
    absent: { hardship: ['公示'] },
  },
  {
    name: 'a region without its own pack (national)',
    code: '110101',
    locale: 'zh-CN',
    expect: { where: ['电话：12333（依据：本地设定，以经办机构确认为准）'], quota: 'none', papers: 'none' },
  },
  {
    name: 'Zhanjiang',
    code: '440800',
    locale: 'en',
    expect: {
      whoCanRegister: ['Aged 16 or over', 'place of household registration (户籍地), place where you live (常住地)', ZJ],
      papers: ['unemployment registration form (失业人员登记表)', 'within 7 working days'],
      contactFrequency: ['Within 5 working days', 'at least once a month'],
      quota: ['2 policy briefings, 3 career guidance sessions, 3 job recommendations, 3 free training notices'],
      hardship: ['The local notice lists no categories', 'Hardship pre-screen'],
      deregistration: ['refusing public employment services 3 times in a row without good reason', 'no contact for 6 months in a row'],
      benefit: ['arranged together with your unemployment registration'],
      where: ['Phone: 12333'],
    },
  },
  {
    name: 'Wenzhou',
    code: '330302',
    locale: 'en',
    expect: {
      papers: 'none',
      quota: 'none',
      deregistration: ['never ended only because of: refusing public employment services 3 times'],
      hardship: ['Who can be recognised here:'],
      where: ['or the local service platform'],
    },
  },
  {
    name: 'Harbin',
    code: '230102',
    locale: 'en',
    expect: { papers: 'none', quota: 'none', benefit: ['The local notice only says', 'one lump sum'], where: ['Phone: 12333'] },
  },
];

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

describe.each(CASES)('$name ($locale)', ({ code, locale, expect: expected, absent }) => {
  it('answers each question from the pack, with its clause, or says the notice does not say and offers a person', async () => {
    h = await createEngineHarness({ regionCode: code });
    if (locale === 'en') await h.say('English');
    const human = h.t(locale, 'menu.buttons.human');
    for (const [topic, want] of Object.entries(expected)) {
      const question = QUESTIONS[locale][topic as FaqTopic];
      const answer = await h.say(question);
      const text = textOf(answer);
      expect(text, question).not.toMatch(/#|decision:|\.txt|SPEC|§|faq\.|\{\{/u);
      expect(text, question).not.toContain(h.t(locale, 'menu.unknown'));
      expect(buttonsOf(answer), question).toContain(human);
      expect(text.split('\n').length, question).toBeLessThanOrEqual(8);
      if (want === 'none') {
        expect(text, question).toContain(h.t(locale, 'faq.noAnswer', { topic: h.t(locale, `faq.topic.${topic}`) }));
        continue;
      }
      expect(text.startsWith(h.t(locale, `faq.title.${topic}`)), question).toBe(true);
      for (const part of want) expect(text, question).toContain(part);
      for (const part of absent?.[topic as FaqTopic] ?? []) expect(text, question).not.toContain(part);
    }
    expect(await h.state()).toMatchObject({ active: null });
  });
});

describe('失业保险金 where the notice says nothing', () => {
  it('Wenzhou: says the notice gives no details and names the office channels the notice does give', async () => {
    h = await createEngineHarness({ regionCode: '330302' });
    const text = textOf(await h.say('失业金怎么领'));
    expect(text).toContain('关于失业保险金，本地的政策通知没有写具体办法，我不能替您回答');
    expect(text).toContain('登记地的公共就业服务机构或基层服务平台（依据：温人社发〔2022〕37号 第二部分第（一）项第1点）');
    expect(text).not.toContain('一并办理');
  });

  it('national fallback in English: points to the 12333 line, marked as a local setting', async () => {
    h = await createEngineHarness({ regionCode: '110101' });
    await h.say('English');
    const text = textOf(await h.say('how do I get unemployment benefit'));
    expect(text).toContain('About unemployment insurance benefit: the local policy notice gives no details');
    expect(text).toContain('Phone: 12333');
  });

  it('the buttons go on: registration after "who can register", the pre-screen after the hardship answer', async () => {
    h = await createEngineHarness();
    expect(buttonsOf(await h.say('谁可以登记'))).toEqual(['失业登记', '转人工', '主菜单']);
    expect(buttonsOf(await h.say('什么是就业困难人员'))).toEqual(['困难人员预审', '转人工', '主菜单']);
    expect(textOf(await h.say('start:hardship'))).toContain(h.t('zh-CN', 'hardship.noCategories.ask', { source: 'zhanjiang-2021#三(二)(5)' }));
  });
});
