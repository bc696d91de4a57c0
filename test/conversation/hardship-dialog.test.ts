// The hardship pre-screen around its edges: declining sensitive consent, filing twice, a channel without
// buttons, interruptions mid-way (帮助/返回/取消/English), wrong answers, dates as people type them, and PII.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';

const HARBIN = '230102';
const WENZHOU = '330302';
const HARBIN_MAN_52 = '230102197205151236';
const HARBIN_MAN_30 = '230102199505151237';
const PHONE = '13812345678';
const MENU = ['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助'];

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

describe('sensitive-data consent', () => {
  beforeEach(async () => {
    h = await createEngineHarness({ regionCode: WENZHOU });
  });

  it('declining stores nothing, says so kindly and offers a person', async () => {
    await h.say('困难人员预审');
    const declined = await h.say('不同意');
    expect(textOf(declined)).toContain(h.t('zh-CN', 'hardship.consent.declined'));
    expect(buttonsOf(declined)).toEqual(MENU);
    expect(await h.db.handoffCase.count()).toBe(0);
    expect(await h.db.jobSeeker.count()).toBe(0);
    expect(await h.state()).toMatchObject({ active: null });
    expect(await h.mode()).toBe('bot');
  });

  it('no question comes before the consent, and declining in English works the same', async () => {
    await h.say('English');
    const consent = await h.say('hardship');
    expect(textOf(consent)).toBe(h.t('en', 'hardship.consent.ask'));
    expect(buttonsOf(consent)).toEqual(['I agree', "I don't agree"]);
    expect(textOf(await h.say("I don't agree"))).toContain('We have not kept any of your information.');
    expect(await h.db.handoffCase.count()).toBe(0);
  });
});

describe('filing', () => {
  it('filing twice keeps one open request, updated with the latest answers; the bot keeps the conversation', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    for (const said of ['困难人员预审', '同意', HARBIN_MAN_52, '提交给工作人员', '同意', '王五']) await h.say(said);
    expect(textOf(await h.say(PHONE))).toContain(h.t('zh-CN', 'hardship.filed'));
    const first = await h.db.handoffCase.findFirstOrThrow();
    expect(await h.mode()).toBe('bot');

    for (const said of ['困难人员预审', '同意', HARBIN_MAN_30, '不清楚', '是']) await h.say(said);
    expect(textOf(await h.say('提交给工作人员'))).toContain(h.t('zh-CN', 'hardship.filedAgain'));
    const rows = await h.db.handoffCase.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(first.id);
    expect(rows[0]?.reason.split(',')[0]).toBe('MINIMUM_LIVING_ALLOWANCE');
    expect(JSON.parse(rows[0]?.details ?? '{}').answers).toEqual({ idNumber: '2301************37', familyMinimumLivingAllowance: true });
    expect(await h.db.auditEvent.count({ where: { action: 'hardship.prescreen_filed' } })).toBe(2);
    expect(await h.mode()).toBe('bot');
    expect(textOf(await h.say('你好'))).toContain('您好！我是就业帮');
  });

  it('never keeps the plain ID number in the case, transcript, audit or conversation rows', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    for (const said of ['困难人员预审', '同意', HARBIN_MAN_52, '提交给工作人员', '同意', '王五', PHONE]) await h.say(said);
    expect(await h.db.handoffCase.count()).toBe(1);
    const rows = JSON.stringify([await h.db.handoffCase.findMany(), await h.db.transcriptMessage.findMany(), await h.db.auditEvent.findMany(), await h.db.conversationState.findMany()]);
    expect(rows).not.toContain(HARBIN_MAN_52);
    expect(rows).not.toContain(PHONE);
    expect(rows).toContain('2301************36');
    const person = await h.db.jobSeeker.findFirstOrThrow();
    expect(JSON.stringify(person)).not.toMatch(new RegExp(`${HARBIN_MAN_52}|${PHONE}`));
    expect(h.cipher.decrypt(person.phoneEnc ?? '')).toBe(PHONE);
  });
});

describe('a channel without buttons', () => {
  it('numbered lines and "1", "2", "3" answers through the whole pre-screen', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    const plain = { buttons: false } as const;
    const consent = await h.say('困难人员预审', plain);
    expect(consent.every((m) => m.choices.length === 0)).toBe(true);
    expect(textOf(consent)).toBe(`${h.t('zh-CN', 'hardship.consent.ask')}\n1. 同意\n2. 不同意\n请回复序号。`);
    expect(textOf(await h.say('1', plain))).toBe(`${h.t('zh-CN', 'hardship.ask.idNumber')}\n1. 不方便提供\n${h.t('zh-CN', 'engine.replyWithNumberOrText')}`);
    expect(textOf(await h.say(HARBIN_MAN_30, plain))).toContain(h.t('zh-CN', 'hardship.ask.unemployedSince'));
    const allowance = textOf(await h.say('2024-12-01', plain));
    expect(allowance).toBe(`${h.t('zh-CN', 'hardship.ask.familyMinimumLivingAllowance')}\n1. 是\n2. 否\n3. 不清楚\n请回复序号。`);
    const result = textOf(await h.say('1', plain));
    expect(result).toContain('· 城镇低保人员：可能符合');
    expect(result).toContain('· 长期失业人员：不符合');
    expect(result).toContain('1. 提交给工作人员\n2. 暂不提交');
    expect(textOf(await h.say('1', plain))).toBe(`${h.t('zh-CN', 'hardship.contact.consent')}\n1. 同意\n2. 不同意\n请回复序号。`);
    await h.say('1', plain);
    await h.say('王五', plain);
    expect(textOf(await h.say(PHONE, plain))).toContain('1. 主菜单\n2. 转人工');
    const request = await h.db.handoffCase.findFirstOrThrow();
    expect(request.reason.split(',')[0]).toBe('MINIMUM_LIVING_ALLOWANCE');
    expect(JSON.parse(request.details).unknownAnswers).toEqual([]);
  });
});

describe('interruptions in the middle', () => {
  beforeEach(async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    for (const said of ['困难人员预审', '同意', HARBIN_MAN_30]) await h.say(said);
  });

  it('帮助 explains and repeats the question', async () => {
    const help = textOf(await h.say('帮助'));
    expect(help).toContain(h.t('zh-CN', 'engine.help'));
    expect(help).toContain(h.t('zh-CN', 'hardship.ask.unemployedSince'));
  });

  it('返回 goes back to the ID number question', async () => {
    expect(textOf(await h.say('返回'))).toContain(h.t('zh-CN', 'hardship.ask.idNumber'));
    expect(textOf(await h.say(HARBIN_MAN_52))).toContain(h.t('zh-CN', 'hardship.result.line.met', { name: h.t('zh-CN', 'hardship.categories.AGE_4050'), source: h.t('zh-CN', 'hardship.result.source', { source: 'harbin-2010#第三条(一)' }) }));
  });

  it('English switches the language and asks the same question again, and the answers carry on', async () => {
    const switched = textOf(await h.say('English'));
    expect(switched).toContain('Switched to English.');
    expect(switched).toContain(h.t('en', 'hardship.ask.unemployedSince'));
    expect(textOf(await h.say('2025-01-01'))).toBe(h.t('en', 'hardship.ask.familyMinimumLivingAllowance'));
    expect(buttonsOf(await h.say('是'))).toEqual(['Send to a caseworker', 'Not now']);
  });

  it('取消 ends the pre-screen and files nothing', async () => {
    const cancelled = await h.say('取消');
    expect(textOf(cancelled)).toContain(h.t('zh-CN', 'engine.cancelled'));
    expect(buttonsOf(cancelled)).toEqual(MENU);
    expect(await h.db.handoffCase.count()).toBe(0);
  });

  it('three wrong answers offer a person', async () => {
    expect(textOf(await h.say('很久了'))).toContain(h.t('zh-CN', 'hardship.errors.date.format'));
    expect(textOf(await h.say('2099-01-01'))).toContain(h.t('zh-CN', 'hardship.errors.date.future'));
    const stuck = await h.say('2024-02-30');
    expect(textOf(stuck)).toContain(h.t('zh-CN', 'hardship.errors.date.invalid_date'));
    expect(textOf(stuck)).toContain(h.t('zh-CN', 'engine.tooManyTries'));
    expect(buttonsOf(stuck)).toEqual(['转人工', '取消']);
    await h.say('转人工');
    expect(await h.mode()).toBe('awaiting_caseworker');
    expect(await h.db.handoffCase.count({ where: { kind: 'handoff' } })).toBe(1);
  });
});

describe('answers as people type them', () => {
  beforeEach(async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    for (const said of ['困难人员预审', '同意', HARBIN_MAN_30]) await h.say(said);
  });

  it('a date as 2024年12月11日 counts; a yes/no as 没有; a wrong yes/no reprompts with the choices', async () => {
    expect(textOf(await h.say('2024年12月11日'))).toContain(h.t('zh-CN', 'hardship.ask.familyMinimumLivingAllowance'));
    const again = await h.say('也许吧');
    expect(textOf(again)).toContain(h.t('zh-CN', 'engine.pickAChoice'));
    expect(buttonsOf(again)).toEqual(['是', '否', '不清楚']);
    expect(textOf(await h.say('没有'))).toBe(h.t('zh-CN', 'hardship.ask.zeroEmploymentFamily'));
    for (let i = 0; i < 6; i += 1) await h.say('否');
    const result = textOf(await h.say('否'));
    expect(result).toContain('· 长期失业人员：不符合');
    expect(result).not.toContain('可能符合');
  });

  it('a spell of 12 months or more ends the questions in Harbin (no public notice waiver to ask about)', async () => {
    const result = textOf(await h.say('2024年3月11日'));
    expect(result).toContain('· 长期失业人员：可能符合');
    expect(buttonsOf(await h.say('帮助'))).toEqual(['提交给工作人员', '暂不提交']);
  });

  it('a month without a day counts from its last day, so a spell is never made longer', async () => {
    await h.say('2024年3月');
    for (let i = 0; i < 8; i += 1) await h.say('否');
    expect(textOf(await h.say('暂不提交'))).toContain(h.t('zh-CN', 'hardship.notFiled'));
    await h.say('困难人员预审');
    for (const said of ['同意', HARBIN_MAN_30, '2024年3月', ...Array.from({ length: 8 }, () => '否')]) await h.say(said);
    for (const said of ['提交给工作人员', '同意', '王五', PHONE]) await h.say(said);
    const details = JSON.parse((await h.db.handoffCase.findFirstOrThrow()).details);
    expect(details.answers.unemployedSince).toBe('2024-03-31');
    expect(details.categories.find((c: { code: string }) => c.code === 'LONG_TERM_UNEMPLOYED')).toMatchObject({ status: 'not_met', reasons: ['UNEMPLOYED_TOO_SHORT'] });
  });
});
