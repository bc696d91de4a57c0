// Transcripts of the whole registration form (zh-CN, en, numbered-lines channel, full-width digits), and
// what ends up stored: a pending_review registration with the ID encrypted and the rest of the form in details.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { buttonsOf, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, ID, PHONE, summaryText } from './registration-form.ts';

const ID_FULL_WIDTH = '３３０３０２１９９００５１５１２３５';
/** Registered Tue 2025-03-11 (harness clock); five working days later (R1.3.1, zhanjiang pack). */
const FIRST_CONTACT_BY = '2025-03-18';
/** Zhanjiang's notice sets no first-contact deadline: the 5 working days are Wenzhou's, applied as a local setting. */
const FIRST_CONTACT_SOURCE = 'decision:FIRST_CONTACT_DEFAULT_FROM_WENZHOU@wenzhou-2022#二(一)1';
/** What the person reads for it: a local setting, the notice it follows (文号, section), and that the office confirms. */
const FIRST_CONTACT_CITED = {
  zh: '本地设定，参照温人社发〔2022〕37号 第二部分第（一）项第1点，以经办机构确认为准',
  en: 'local setting, following 温人社发〔2022〕37号, part 2, item (1), point 1, to be confirmed by the office',
};
/** The same day as the person reads it (dates in words). */
const FIRST_CONTACT_ZH = '2025年3月18日';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

/** Says `text` and checks the bot's whole answer is the question `key` (and its buttons). */
async function expectAsked(text: string, key: string, buttons?: string[], locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  const messages = await h.say(text);
  expect(textOf(messages)).toBe(h.t(locale, key));
  if (buttons) expect(buttonsOf(messages)).toEqual(buttons);
}

describe('registration in Chinese', () => {
  it('walks the whole form and stores a pending_review registration with the form in details', async () => {
    const welcome = await h.say('你好');
    expect(textOf(welcome)).toContain('您好！我是就业帮');
    expect(buttonsOf(welcome)).toEqual(['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助']);

    await expectAsked('失业登记', 'registration.consent.ask', ['同意', '不同意']);
    await expectAsked('同意', 'registration.name.ask');
    await expectAsked('张 三', 'registration.idNumber.ask');
    await expectAsked(ID, 'registration.household.ask');
    await expectAsked('湛江市赤坎区', 'registration.residence.ask', ['与户籍地相同']);
    await expectAsked('湛江市霞山区', 'registration.phone.ask');
    await expectAsked('138 1234 5678', 'registration.unemployedSince.ask');
    await expectAsked('2025年3月1日', 'registration.reason.ask');
    await expectAsked('离职/被辞退', 'registration.education.ask', ['初中及以下', '高中/中专', '大专', '本科', '研究生']);
    await expectAsked('大专', 'registration.skills.ask');
    await expectAsked('无', 'registration.jobWanted.ask');
    await expectAsked('叉车司机', 'registration.training.ask', ['是', '否']);
    await expectAsked('是', 'registration.business.ask', ['是', '否']);
    await expectAsked('否', 'registration.followUp.ask', ['可以每月联系', '不用每月联系']);
    await expectAsked('可以每月联系', 'registration.papers.ask', ['材料齐全', '暂时不全']);

    const confirm = await h.say('材料齐全');
    expect(textOf(confirm)).toBe(
      summaryText(h, 'zh-CN', { name: '张 三', residence: '湛江市霞山区', education: '大专', skills: '无', jobWanted: '叉车司机', training: '是', business: '否' }),
    );
    expect(textOf(confirm)).toContain('身份证：3303************35\n户籍地：湛江市赤坎区\n常住地：湛江市霞山区\n手机：138****5678\n失业日期：2025年3月1日');
    expect(buttonsOf(confirm)).toEqual(['确认提交', '修改某项']);

    const done = await h.say('确认提交');
    expect(done.map((m) => m.text)).toEqual([
      h.t('zh-CN', 'registration.submitted', { date: FIRST_CONTACT_BY, source: FIRST_CONTACT_SOURCE }),
      h.t('zh-CN', 'registration.firmDate'),
      h.t('zh-CN', 'menu.after'),
    ]);
    expect(textOf(done)).toContain(`工作人员会在 ${FIRST_CONTACT_ZH} 前联系您（依据：${FIRST_CONTACT_CITED.zh}）`);
    expect(buttonsOf(done)).toEqual(['主菜单', '转人工']);

    const registrations = await h.db.registration.findMany({ include: { jobSeeker: true } });
    expect(registrations).toHaveLength(1);
    const [registration] = registrations;
    expect(registration).toMatchObject({ status: 'pending_review', kind: 'unemployment', reason: 'lost_job', followUpPreference: 'monthly' });
    expect(JSON.parse(registration?.details ?? '')).toEqual({
      retirementCategory: 'MALE',
      household: '湛江市赤坎区',
      residence: '湛江市霞山区',
      residenceSameAsHousehold: false,
      unemployedSince: '2025-03-01',
      education: 'college',
      skills: '无',
      jobWanted: '叉车司机',
      wantsTraining: true,
      wantsBusiness: false,
      papersComplete: true,
      creditPromise: null,
    });
    const person = registration?.jobSeeker;
    expect(person).toMatchObject({ name: '张 三', locale: 'zh-CN', idNumberMask: '3303************35' });
    // Birth date and sex are read from the encrypted ID number, never kept in plain text beside the mask.
    expect(person).not.toHaveProperty('birthDate');
    expect(person).not.toHaveProperty('sex');
    expect(person?.idNumberEnc?.startsWith('v1:')).toBe(true);
    expect(h.cipher.decrypt(person?.idNumberEnc ?? '')).toBe(ID);
    expect(h.cipher.decrypt(person?.phoneEnc ?? '')).toBe(PHONE);
    expect(JSON.stringify(registrations)).not.toContain(ID);
    expect(JSON.stringify(registrations)).not.toContain(PHONE);

    expect(await h.mode()).toBe('bot');
    expect(await h.state()).toMatchObject({ active: null, jobSeekerId: person?.id });
  });

  it('never writes the plain ID or phone number into transcript, audit or conversation rows', async () => {
    await fillForm(h);
    await h.say('submit');
    expect(await h.db.registration.count()).toBe(1);
    const rows = JSON.stringify([await h.db.transcriptMessage.findMany(), await h.db.auditEvent.findMany(), await h.db.conversationState.findMany()]);
    expect(rows).not.toContain(ID);
    expect(rows).not.toContain(PHONE);
  });
});

describe('registration in English', () => {
  it('switches language with "English" and finishes the whole form in English', async () => {
    const switched = await h.say('English');
    expect(textOf(switched)).toContain('Switched to English.');
    expect(buttonsOf(switched)).toEqual(['Register as unemployed', 'Hardship pre-screen', 'My status', 'Report news', 'Talk to a person', 'Help']);

    const en = (text: string, key: string, buttons?: string[]) => expectAsked(text, key, buttons, 'en');
    await en('Register as unemployed', 'registration.consent.ask', ['I agree', 'I do not agree']);
    await en('I agree', 'registration.name.ask');
    await en('Li Wei', 'registration.idNumber.ask');
    await en(ID, 'registration.household.ask');
    await en('Chikan District, Zhanjiang', 'registration.residence.ask', ['Same as household registration']);
    await en('Same as household registration', 'registration.phone.ask');
    await en(`+86 ${PHONE}`, 'registration.unemployedSince.ask');
    await en('1 February 2025', 'registration.reason.ask');
    // A graduate is asked whether the family is in hardship (R1.4.3: more frequent contact).
    await en('Graduated, no job yet', 'registration.hardshipFamily.ask', ['Yes', 'No']);
    await en('Yes', 'registration.education.ask');
    await en('Bachelor', 'registration.skills.ask');
    await en('none', 'registration.jobWanted.ask');
    await en('office clerk', 'registration.training.ask', ['Yes', 'No']);
    await en('No', 'registration.business.ask');
    await en('Yes', 'registration.followUp.ask', ['Yes, monthly', 'No monthly contact']);
    await en('Yes, monthly', 'registration.papers.ask', ['I have them', 'Not all']);
    const confirm = textOf(await h.say('I have them'));
    expect(confirm).toBe(
      summaryText(h, 'en', {
        name: 'Li Wei', household: 'Chikan District, Zhanjiang', residence: 'Chikan District, Zhanjiang', unemployedSince: '2025-02-01',
        reason: 'Graduated, no job yet', hardshipFamily: 'Yes', education: 'Bachelor', skills: 'none', jobWanted: 'office clerk', training: 'No', business: 'Yes',
      }),
    );
    expect(confirm).toContain('ID: 3303************35');
    const done = textOf(await h.say('Submit'));
    expect(done).toContain("Submitted! Your registration is waiting for a caseworker's review.");
    expect(done).toContain(`The office will contact you by 18 Mar 2025 (rule: ${FIRST_CONTACT_CITED.en})`);

    const person = await h.db.jobSeeker.findFirstOrThrow({ include: { registrations: true } });
    expect(person.locale).toBe('en');
    expect(person.registrations.map((r) => [r.status, r.kind, r.reason, r.hardshipFamily])).toEqual([['pending_review', 'unemployment', 'graduated', true]]);
    expect(JSON.parse(person.registrations[0]?.details ?? '')).toMatchObject({ unemployedSince: '2025-02-01', education: 'bachelor', wantsTraining: false, wantsBusiness: true, residenceSameAsHousehold: true });
    expect(h.cipher.decrypt(person.idNumberEnc ?? '')).toBe(ID);
  });
});

describe('full-width digits', () => {
  it('accepts a full-width ID number, phone number and date and stores them in ASCII', async () => {
    for (const text of ['登记', '同意', '王五']) await h.say(text);
    expect(textOf(await h.say(ID_FULL_WIDTH))).toBe(h.t('zh-CN', 'registration.household.ask'));
    await h.say('湛江市赤坎区');
    await h.say('与户籍地相同');
    expect(textOf(await h.say('１３８１２３４５６７８'))).toBe(h.t('zh-CN', 'registration.unemployedSince.ask'));
    expect(textOf(await h.say('２０２５年３月１日'))).toBe(h.t('zh-CN', 'registration.reason.ask'));
    for (const text of ['其他', '本科', '无', '无', '否', '否', '可以每月联系']) await h.say(text);
    expect(textOf(await h.say('材料齐全'))).toContain('身份证：3303************35\n户籍地：湛江市赤坎区\n常住地：湛江市赤坎区\n手机：138****5678');
    await h.say('确认提交');
    const person = await h.db.jobSeeker.findFirstOrThrow();
    expect(h.cipher.decrypt(person.idNumberEnc ?? '')).toBe(ID);
    expect(h.cipher.decrypt(person.phoneEnc ?? '')).toBe(PHONE);
  });

  // Regression (found by these transcript tests, fixed in the engine).
  it('does not keep a full-width ID number in the transcript', async () => {
    for (const text of ['登记', '同意', '王五', ID_FULL_WIDTH]) await h.say(text);
    const stored = (await h.db.transcriptMessage.findMany()).map((m) => m.text ?? '').join('\n');
    expect(stored).not.toContain(ID_FULL_WIDTH);
  });
});

describe('a channel without buttons', () => {
  it('shows choices as numbered lines and takes "1", "2"… as answers, through the whole form', async () => {
    const plain = { buttons: false } as const;
    const say = async (text: string) => textOf(await h.say(text, plain));
    const consent = await h.say('登记', plain);
    expect(consent.every((m) => m.choices.length === 0)).toBe(true);
    expect(textOf(consent)).toBe(`${h.t('zh-CN', 'registration.consent.ask')}\n1. 同意\n2. 不同意\n请回复序号。`);
    expect(await say('1')).toBe(h.t('zh-CN', 'registration.name.ask'));
    await say('赵六');
    await say(ID);
    expect(await say('湛江市赤坎区')).toBe(`${h.t('zh-CN', 'registration.residence.ask')}\n1. 与户籍地相同\n${h.t('zh-CN', 'engine.replyWithNumberOrText')}`);
    expect(await say('1')).toBe(h.t('zh-CN', 'registration.phone.ask'));
    await say(PHONE);
    expect(await say('3月1日')).toContain('1. 毕业未就业\n2. 离职/被辞退');
    expect(await say('2')).toBe(`${h.t('zh-CN', 'registration.education.ask')}\n1. 初中及以下\n2. 高中/中专\n3. 大专\n4. 本科\n5. 研究生\n请回复序号。`);
    await say('1');
    await say('无');
    expect(await say('保洁')).toBe(`${h.t('zh-CN', 'registration.training.ask')}\n1. 是\n2. 否\n请回复序号。`);
    await say('1');
    expect(await say('2')).toContain('1. 可以每月联系\n2. 不用每月联系');
    expect(await say('1')).toContain('1. 材料齐全\n2. 暂时不全');
    const promise = await say('2');
    expect(promise).toContain(h.t('zh-CN', 'registration.creditPromise.ask', { date: '2025-03-20', source: 'zhanjiang-2021#五(一)' }));
    expect(promise).toContain('1. 我承诺\n2. 不承诺');
    const confirm = await say('1');
    expect(confirm).toContain('原因：离职/被辞退\n学历：初中及以下');
    expect(confirm).toContain('1. 确认提交\n2. 修改某项');
    const done = await say('1');
    expect(done).toContain(`${FIRST_CONTACT_ZH} 前联系您`);
    expect(done).toContain('2025年3月20日 前核实完成');
    expect(done).toContain('1. 主菜单\n2. 转人工');
    const stored = await h.db.registration.findFirstOrThrow({ where: { status: 'pending_review', reason: 'lost_job' } });
    expect(JSON.parse(stored.details)).toMatchObject({ education: 'junior_or_below', wantsTraining: true, wantsBusiness: false, papersComplete: false, creditPromise: { dueBy: '2025-03-20' } });
  });

  it('a number out of range is not a choice: says so and repeats the question', async () => {
    const plain = { buttons: false } as const;
    await h.say('登记', plain);
    const again = textOf(await h.say('7', plain));
    expect(again).toContain(h.t('zh-CN', 'engine.pickAChoice'));
    expect(again).toContain('1. 同意\n2. 不同意');
  });
});

describe('choices typed in other forms', () => {
  // Regression (found by these transcript tests, fixed in the engine).
  it('a full-width "１" picks the first numbered choice', async () => {
    await h.say('登记', { buttons: false });
    expect(textOf(await h.say('１', { buttons: false }))).toBe(h.t('zh-CN', 'registration.name.ask'));
  });

  // Regression (found by these transcript tests, fixed in the engine).
  it('a button title in the other language is understood', async () => {
    await h.say('English');
    await h.say('register');
    expect(textOf(await h.say('同意'))).toBe(h.t('en', 'registration.name.ask'));
  });
});

describe('repeat and refusal', () => {
  it('registering the same ID twice says "already registered" and stores one registration', async () => {
    const register = async (conversationId: string) => {
      await fillForm(h, { conversationId });
      return textOf(await h.say('确认提交', { conversationId }));
    };
    expect(await register('c1')).toContain('已提交');
    const again = await register('c1');
    expect(again).toContain('您已经提交过失业登记，正在等待审核，无需重复办理');
    expect(again).toContain(`${FIRST_CONTACT_ZH} 前联系您`);
    expect(await h.db.registration.count()).toBe(1);
    expect(await h.db.jobSeeker.count()).toBe(1);
    // Another conversation giving the same ID is stopped right after the ID step (identity-link-transcript.test.ts).
    for (const text of ['登记', '同意', '张三']) await h.say(text, { conversationId: 'c2' });
    expect(textOf(await h.say(ID, { conversationId: 'c2' }))).toContain('这个身份证号已经登记过了');
    expect(await h.db.registration.count()).toBe(1);
  });

  it('declining consent ends the dialog and stores no person', async () => {
    await h.say('登记');
    const declined = await h.say('不同意');
    expect(textOf(declined)).toContain('好的，我们没有保存您的任何信息');
    expect(buttonsOf(declined)).toEqual(['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助']);
    expect(await h.db.jobSeeker.count()).toBe(0);
    expect(await h.db.registration.count()).toBe(0);
    expect(await h.state()).toMatchObject({ active: null });
  });
});
