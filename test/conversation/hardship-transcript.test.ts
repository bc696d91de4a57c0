// Transcripts of the hardship pre-screen (就业困难人员预审) in Harbin, Wenzhou, Hangzhou and Zhanjiang, zh-CN and
// en: only the questions the region pack still needs are asked (checked against nextHardshipQuestions), the
// result names each category with its clause, and the filed request is a masked hardship_recognition case.
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';
import { nextHardshipQuestions } from '../../src/domain/hardship/next-hardship-questions.ts';
import { hardshipProfileSchema, type HardshipProfileField } from '../../src/domain/hardship/hardship-profile.ts';
import { selectRegionPack } from '../../src/domain/regions/select-region-pack.ts';
import type { Locale } from '../../src/conversation/locales.ts';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';

const TODAY = '2025-03-11';
const HARBIN = '230102';
const WENZHOU = '330302';
const HANGZHOU = '330100';
const HARBIN_MAN_52 = '230102197205151236';
const HARBIN_MAN_30 = '230102199505151237';
const WENZHOU_WOMAN_52 = '330302197301101225';
const WENZHOU_SOURCE = 'wenzhou-2022#一(二)';
const PHONE = '13812345678';
/** Who to call back, given after "file it" by a conversation linked to nobody (consent, name, [ID], phone). */
const contact = (id?: string): string[] => ['同意', '王五', ...(id ? [id] : []), PHONE];

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

type Answer = string | boolean | null;

/** The fields the domain asks, in order, for these answers (what the dialog should ask, no more). */
function domainQuestions(regionCode: string, answers: Partial<Record<HardshipProfileField, Answer>>): HardshipProfileField[] {
  const pack = selectRegionPack(loadRegionPacks(), regionCode, TODAY);
  const asked: HardshipProfileField[] = [];
  for (;;) {
    const known = Object.fromEntries(asked.flatMap((f) => (answers[f] === null || answers[f] === undefined ? [] : [[f, answers[f]]])));
    const next = nextHardshipQuestions(pack, hardshipProfileSchema.parse(known), TODAY).find((f) => !asked.includes(f));
    if (!next) return asked;
    asked.push(next);
  }
}

/** Says each reply in turn and returns the question keys the bot asked (hardship.ask.*), in order. */
async function answerAll(locale: Locale, replies: readonly string[]): Promise<{ asked: string[]; last: string }> {
  const asked: string[] = [];
  let last = '';
  for (const said of replies) {
    last = textOf(await h.say(said));
    const key = ['idNumber', 'retirementCategory', 'registeredSince', 'unemployedSince', 'drawingUnemploymentInsuranceSince', 'familyPovertyAlleviated', 'familyMinimumLivingAllowance', 'familyLowIncomeEdge', 'familyExtremePoverty', 'zeroEmploymentFamily', 'disabilityCertified', 'supportsSeriouslyIllRelative', 'communityCorrection', 'landRequisitioned', 'singleParentOfMinor', 'modelWorkerCountyLevel', 'martyrFamily', 'militarySpouse'].find(
      (f) => last === h.t(locale, `hardship.ask.${f}`),
    );
    if (key) asked.push(key);
  }
  return { asked, last };
}

const line = (locale: Locale, status: string, code: string, source = '') =>
  h.t(locale, `hardship.result.line.${status}`, { name: h.t(locale, `hardship.categories.${code}`), source: source ? h.t(locale, 'hardship.result.source', { source }) : '' });

describe('Harbin (harbin-2010, 4050 and nine more categories)', () => {
  it('a man aged 52: consent, ID number, and no more questions once the age meets "4050"; the request is filed, masked', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    const consent = await h.say('困难人员预审');
    expect(textOf(consent)).toBe(h.t('zh-CN', 'hardship.consent.ask'));
    expect(buttonsOf(consent)).toEqual(['同意', '不同意']);
    const { asked, last } = await answerAll('zh-CN', ['同意', HARBIN_MAN_52]);
    expect(asked).toEqual(['idNumber']);
    expect(asked).toEqual(domainQuestions(HARBIN, { idNumber: HARBIN_MAN_52 }));
    expect(last).toContain('预审结果（仅供参考）');
    expect(last).toContain(line('zh-CN', 'met', 'AGE_4050', 'harbin-2010#第三条(一)'));
    expect(last).toContain('· “4050”人员：可能符合（依据：哈人社发〔2010〕230号 第三条第（一）项）');
    expect(last).not.toMatch(/\.txt|SPEC|§|#|decision:/u);
    expect(last).toContain(line('zh-CN', 'unknown', 'DISABLED', 'harbin-2010#第三条(三)'));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.noticeRequired', { source: 'harbin-2010#第四条(一)' }));
    expect(last).toContain('这只是预审，不是认定，最终由工作人员核实确认。');
    expect(last).not.toContain(h.t('zh-CN', 'hardship.result.packUnconfirmed'));

    expect(textOf(await h.say('提交给工作人员'))).toBe(h.t('zh-CN', 'hardship.contact.consent'));
    expect(textOf(await h.say('同意'))).toBe(h.t('zh-CN', 'hardship.contact.name'));
    expect(textOf(await h.say('王五'))).toBe(h.t('zh-CN', 'hardship.contact.phone'));
    const filed = await h.say(PHONE);
    expect(textOf(filed)).toContain(h.t('zh-CN', 'hardship.filed'));
    expect(buttonsOf(filed)).toEqual(['主菜单', '转人工']);
    const [request, ...more] = await h.db.handoffCase.findMany();
    expect(more).toHaveLength(0);
    expect(request).toMatchObject({ kind: 'hardship_recognition', status: 'open', regionCode: HARBIN, conversationKey: h.conversationKey() });
    expect(request?.reason.split(',')[0]).toBe('AGE_4050');
    expect(request?.reason).toContain('MINIMUM_LIVING_ALLOWANCE');
    const details = JSON.parse(request?.details ?? '{}');
    expect(details).toMatchObject({ pack: 'harbin-2010', asOf: TODAY, publicNoticeExempt: false, needsConfirmation: false, answers: { idNumber: '2301************36' } });
    expect(details.categories[0]).toEqual({ code: 'AGE_4050', status: 'met', source: 'harbin-2010#第三条(一)', reasons: ['AGE_REACHED'] });
    expect(request?.details).not.toContain(HARBIN_MAN_52);
    expect(await h.mode()).toBe('bot');
    expect(await h.db.auditEvent.count({ where: { action: 'hardship.prescreen_filed', subjectId: request?.id ?? '' } })).toBe(1);
  });

  it('a man aged 30 in English: every category not met; exactly the questions the domain asks', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    await h.say('English');
    expect(textOf(await h.say('hardship'))).toBe(h.t('en', 'hardship.consent.ask'));
    const flags = ['familyMinimumLivingAllowance', 'zeroEmploymentFamily', 'disabilityCertified', 'landRequisitioned', 'singleParentOfMinor', 'modelWorkerCountyLevel', 'martyrFamily', 'militarySpouse'] as const;
    const { asked, last } = await answerAll('en', ['I agree', HARBIN_MAN_30, '2024-09-01', ...flags.map(() => 'No')]);
    const expected = domainQuestions(HARBIN, { idNumber: HARBIN_MAN_30, unemployedSince: '2024-09-01', ...Object.fromEntries(flags.map((f) => [f, false])) });
    expect(asked).toEqual(expected);
    expect(asked).toHaveLength(10);
    expect(last).toContain('Pre-screen result (for reference only):');
    expect(last).toContain(line('en', 'not_met', 'AGE_4050', 'harbin-2010#第三条(一)'));
    expect(last).toContain(line('en', 'not_met', 'LONG_TERM_UNEMPLOYED', 'harbin-2010#第三条(五)'));
    expect(last).not.toContain('likely met');
    expect(last).toContain('This is a pre-screen, not a decision: a caseworker checks and confirms.');
    expect(buttonsOf(await h.say('Not now'))).toContain('Talk to a person');
    expect(await h.db.handoffCase.count()).toBe(0);
  });

  it('"Not sure" and "Rather not say" leave categories to be checked, and are filed as unknown answers', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    await h.say('English');
    await h.say('hardship');
    const { asked, last } = await answerAll('en', ['I agree', 'Rather not say', 'Not sure', ...Array.from({ length: 8 }, () => 'Not sure')]);
    expect(asked).toEqual(domainQuestions(HARBIN, {}));
    expect(last).toContain(line('en', 'unknown', 'AGE_4050', 'harbin-2010#第三条(一)'));
    expect(last).not.toContain('not met');
    await h.say('Send to a caseworker');
    for (const said of ['I agree', '王五', HARBIN_MAN_30, PHONE]) await h.say(said);
    const request = await h.db.handoffCase.findFirstOrThrow();
    expect(request.reason.split(',')).toHaveLength(10);
    expect(JSON.parse(request.details).unknownAnswers).toEqual(domainQuestions(HARBIN, {}));
  });
});

describe('Wenzhou (wenzhou-2022: registration first, public notice waived for allowance families)', () => {
  it('registered 9 months: long-term unemployed is met, then only the questions that could waive public notice', async () => {
    h = await createEngineHarness({ regionCode: WENZHOU });
    await h.say('就业困难');
    const { asked, last } = await answerAll('zh-CN', ['同意', '2024年6月1日', '是']);
    expect(asked).toEqual(['registeredSince', 'familyMinimumLivingAllowance']);
    expect(asked).toEqual(domainQuestions(WENZHOU, { registeredSince: '2024-06-01', familyMinimumLivingAllowance: true }));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.allFrom', { source: WENZHOU_SOURCE }));
    expect(last).toContain(line('zh-CN', 'met', 'LONG_TERM_UNEMPLOYED'));
    expect(last).toContain(line('zh-CN', 'met', 'LOW_INCOME_FAMILY'));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.registered', { source: WENZHOU_SOURCE }));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.noticeExempt', { source: WENZHOU_SOURCE }));
    await h.say('提交给工作人员');
    for (const said of contact(WENZHOU_WOMAN_52)) await h.say(said);
    const request = await h.db.handoffCase.findFirstOrThrow();
    expect(request.reason.split(',').slice(0, 2)).toEqual(['LOW_INCOME_FAMILY', 'LONG_TERM_UNEMPLOYED']);
    expect(JSON.parse(request.details)).toMatchObject({ pack: 'wenzhou-2022', publicNoticeExempt: true, answers: { registeredSince: '2024-06-01', familyMinimumLivingAllowance: true } });
  });

  it('a woman of 52 registered 3 months is asked her post type; as management staff she is within 5 years of retirement', async () => {
    h = await createEngineHarness({ regionCode: WENZHOU });
    await h.say('困难人员预审');
    const post = await h.say('同意').then(() => h.say('2024-12-01')).then(() => h.say(WENZHOU_WOMAN_52));
    expect(textOf(post)).toBe(h.t('zh-CN', 'hardship.ask.retirementCategory'));
    expect(buttonsOf(post)).toEqual(['管理或技术岗位', '生产或服务岗位', '不清楚']);
    const { asked, last } = await answerAll('zh-CN', ['管理或技术岗位', '否', '否', '否']);
    expect(asked).toEqual(['familyMinimumLivingAllowance', 'familyLowIncomeEdge', 'disabilityCertified']);
    const answers = { registeredSince: '2024-12-01', idNumber: WENZHOU_WOMAN_52, retirementCategory: 'FEMALE_55', familyMinimumLivingAllowance: false, familyLowIncomeEdge: false, disabilityCertified: false };
    expect(['registeredSince', 'idNumber', 'retirementCategory', ...asked]).toEqual(domainQuestions(WENZHOU, answers));
    expect(last).toContain(line('zh-CN', 'met', 'NEAR_RETIREMENT'));
    expect(last).toContain(line('zh-CN', 'not_met', 'LONG_TERM_UNEMPLOYED'));
    expect(last).toContain(line('zh-CN', 'not_met', 'DISABLED'));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.noticeRequired', { source: WENZHOU_SOURCE }));
  });

  it('in English, a worker-post woman of 52 is past her statutory age: older unemployed is not met', async () => {
    h = await createEngineHarness({ regionCode: WENZHOU });
    await h.say('English');
    await h.say('Hardship pre-screen');
    const { last } = await answerAll('en', ['I agree', '2024-12-01', WENZHOU_WOMAN_52, 'Production or service', ...Array.from({ length: 9 }, () => 'No')]);
    expect(last).toContain(line('en', 'not_met', 'NEAR_RETIREMENT'));
    expect(last).toContain(h.t('en', 'hardship.result.registered', { source: WENZHOU_SOURCE }));
    expect(last).toContain(h.t('en', 'hardship.result.noticeRequired', { source: WENZHOU_SOURCE }));
    await h.say('Send to a caseworker');
    expect(buttonsOf(await h.say('I agree'))).toEqual([]);
    await h.say('王五');
    expect(buttonsOf(await h.say(PHONE))).toEqual(['Main menu', 'Talk to a person']);
    expect((await h.db.handoffCase.findFirstOrThrow()).reason).toBe('NONE_MET');
  });
});

describe('other packs', () => {
  it('Hangzhou (zhejiang-2025) says its rules still need confirmation', async () => {
    h = await createEngineHarness({ regionCode: HANGZHOU });
    await h.say('困难人员预审');
    const { asked, last } = await answerAll('zh-CN', ['同意', '不清楚', '不方便提供', '不清楚', '否', '否', '否', '否']);
    expect(asked).toEqual(domainQuestions(HANGZHOU, {}));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.packUnconfirmed'));
    expect(last).toContain(h.t('zh-CN', 'hardship.result.needsRegistration', { source: 'zhejiang-2025#一' }));
  });

  it('Zhanjiang (no categories in the seed): says so, asks nothing sensitive, and files on request', async () => {
    h = await createEngineHarness();
    const offer = await h.say('困难人员预审');
    expect(textOf(offer)).toBe(h.t('zh-CN', 'hardship.noCategories.ask', { source: 'zhanjiang-2021#三(二)(5)' }));
    expect(buttonsOf(offer)).toEqual(['提交给工作人员', '暂不提交']);
    await h.say('提交给工作人员');
    for (const said of contact(HARBIN_MAN_52).slice(0, -1)) await h.say(said);
    expect(textOf(await h.say(PHONE))).toContain(h.t('zh-CN', 'hardship.filed'));
    const request = await h.db.handoffCase.findFirstOrThrow();
    expect(request).toMatchObject({ kind: 'hardship_recognition', status: 'open', reason: 'NO_CATEGORIES_IN_PACK', regionCode: '440800' });
    expect(JSON.parse(request.details)).toMatchObject({ pack: 'zhanjiang-2021', categories: [], answers: {} });
  });

  it('Zhanjiang in English, not now: nothing is stored', async () => {
    h = await createEngineHarness();
    await h.say('English');
    expect(textOf(await h.say('hardship'))).toContain('Here the hardship categories follow the provincial rules');
    expect(textOf(await h.say('Not now'))).toContain(h.t('en', 'hardship.notFiled'));
    expect(await h.db.handoffCase.count()).toBe(0);
  });
});
