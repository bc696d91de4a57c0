// Transcripts of the whole registration dialog (zh-CN, en, numbered-lines channel, full-width digits), and
// what ends up stored: a pending_review registration with the ID encrypted, nothing on decline, one on repeat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';

const ID = '330302199005151235';
const ID_FULL_WIDTH = '３３０３０２１９９００５１５１２３５';
const PHONE = '13812345678';
/** Registered Tue 2025-03-11 (harness clock); five working days later (R1.3.1, zhanjiang pack). */
const FIRST_CONTACT_BY = '2025-03-18';
const FIRST_CONTACT_SOURCE = '000_aba3bb2308e92d1e.txt §二(一)1';

let h: EngineHarness;
beforeEach(async () => {
  h = await createEngineHarness();
});
afterEach(async () => {
  await h.close();
});

describe('registration in Chinese', () => {
  it('walks consent → name → ID → phone → reason → confirm and stores a pending_review registration', async () => {
    const welcome = await h.say('你好');
    expect(textOf(welcome)).toContain('抱歉，我没听懂');
    expect(buttonsOf(welcome)).toEqual(['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助']);

    const consent = await h.say('失业登记');
    expect(textOf(consent)).toBe(h.t('zh-CN', 'registration.consent.ask'));
    expect(buttonsOf(consent)).toEqual(['同意', '不同意']);

    expect(textOf(await h.say('同意'))).toBe('请告诉我您的姓名（与身份证一致）。');
    expect(textOf(await h.say('张 三'))).toBe('请输入您的18位身份证号码。');
    expect(textOf(await h.say(ID))).toBe('请输入您的手机号码，工作人员会用它联系您。');
    const reason = await h.say('138 1234 5678');
    expect(textOf(reason)).toBe('您失业的原因是？');
    expect(buttonsOf(reason)).toContain('离职/被辞退');

    const confirm = await h.say('离职/被辞退');
    expect(textOf(confirm)).toBe('请核对：\n姓名：张 三\n身份证：3303**********1235\n手机：138****5678\n原因：离职/被辞退\n确认提交吗？');
    expect(buttonsOf(confirm)).toEqual(['确认提交', '重新填写']);

    const done = await h.say('确认提交');
    const said = textOf(done);
    expect(said).toContain('已提交！您的失业登记待工作人员审核');
    expect(said).toContain(`工作人员会在 ${FIRST_CONTACT_BY} 前联系您（依据：${FIRST_CONTACT_SOURCE}）`);
    expect(said).toContain(h.t('zh-CN', 'registration.firmDate'));
    expect(buttonsOf(done)).toEqual(['主菜单', '转人工']);

    const registrations = await h.db.registration.findMany({ include: { jobSeeker: true } });
    expect(registrations).toHaveLength(1);
    const [registration] = registrations;
    expect(registration?.status).toBe('pending_review');
    expect(registration?.reason).toBe('lost_job');
    const person = registration?.jobSeeker;
    expect(person?.name).toBe('张 三');
    expect(person?.locale).toBe('zh-CN');
    expect(person?.birthDate).toBe('1990-05-15');
    expect(person?.sex).toBe('M');
    expect(person?.idNumberMask).toBe('3303**********1235');
    expect(person?.idNumberEnc?.startsWith('v1:')).toBe(true);
    expect(h.cipher.decrypt(person?.idNumberEnc ?? '')).toBe(ID);
    expect(h.cipher.decrypt(person?.phoneEnc ?? '')).toBe(PHONE);
    expect(JSON.stringify(person)).not.toContain(ID);
    expect(JSON.stringify(person)).not.toContain(PHONE);

    expect(await h.mode()).toBe('bot');
    expect(await h.state()).toMatchObject({ active: null, jobSeekerId: person?.id });
  });

  it('never writes the plain ID or phone number into transcript, audit or conversation rows', async () => {
    for (const text of ['登记', '同意', '张三', ID, PHONE, 'lost_job', 'submit']) await h.say(text);
    expect(await h.db.registration.count()).toBe(1);
    const rows = JSON.stringify([await h.db.transcriptMessage.findMany(), await h.db.auditEvent.findMany(), await h.db.conversationState.findMany()]);
    expect(rows).not.toContain(ID);
    expect(rows).not.toContain(PHONE);
  });
});

describe('registration in English', () => {
  it('switches language with "English" and finishes in English', async () => {
    const switched = await h.say('English');
    expect(textOf(switched)).toContain('Switched to English.');
    expect(textOf(switched)).toContain('What else can I do for you?');
    expect(buttonsOf(switched)).toEqual(['Register as unemployed', 'Hardship pre-screen', 'My status', 'Report news', 'Talk to a person', 'Help']);

    expect(textOf(await h.say('Register as unemployed'))).toBe(h.t('en', 'registration.consent.ask'));
    expect(textOf(await h.say('I agree'))).toBe('What is your name (as on your ID card)?');
    expect(textOf(await h.say('Li Wei'))).toBe('Please enter your 18-digit resident ID number.');
    expect(textOf(await h.say(ID))).toBe('Please enter your mobile number so a caseworker can reach you.');
    expect(textOf(await h.say(`+86 ${PHONE}`))).toBe('Why are you out of work?');
    const confirm = await h.say('Graduated, no job yet');
    expect(textOf(confirm)).toBe('Please check:\nName: Li Wei\nID: 3303**********1235\nMobile: 138****5678\nReason: Graduated, no job yet\nSubmit?');
    const done = textOf(await h.say('Submit'));
    expect(done).toContain("Submitted! Your registration is waiting for a caseworker's review.");
    expect(done).toContain(`The office will contact you by ${FIRST_CONTACT_BY} (rule: ${FIRST_CONTACT_SOURCE})`);

    const person = await h.db.jobSeeker.findFirstOrThrow({ include: { registrations: true } });
    expect(person.locale).toBe('en');
    expect(person.registrations.map((r) => [r.status, r.reason])).toEqual([['pending_review', 'graduated']]);
    expect(person.idNumberEnc).not.toContain(ID);
    expect(h.cipher.decrypt(person.idNumberEnc ?? "")).toBe(ID);
  });
});

describe('full-width digits', () => {
  it('accepts a full-width ID number and phone number and stores them in ASCII', async () => {
    for (const text of ['登记', '同意', '王五']) await h.say(text);
    expect(textOf(await h.say(ID_FULL_WIDTH))).toBe(h.t('zh-CN', 'registration.phone.ask'));
    expect(textOf(await h.say('１３８１２３４５６７８'))).toBe(h.t('zh-CN', 'registration.reason.ask'));
    expect(textOf(await h.say('其他'))).toContain('身份证：3303**********1235\n手机：138****5678');
    await h.say('确认提交');
    const person = await h.db.jobSeeker.findFirstOrThrow();
    expect(h.cipher.decrypt(person.idNumberEnc ?? "")).toBe(ID);
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
  it('shows choices as numbered lines and takes "1", "2"… as answers, through the whole registration', async () => {
    const plain = { buttons: false } as const;
    const consent = await h.say('登记', plain);
    expect(consent.every((m) => m.choices.length === 0)).toBe(true);
    expect(textOf(consent)).toBe(`${h.t('zh-CN', 'registration.consent.ask')}\n1. 同意\n2. 不同意\n请回复序号。`);
    expect(textOf(await h.say('1', plain))).toBe(h.t('zh-CN', 'registration.name.ask'));
    await h.say('赵六', plain);
    await h.say(ID, plain);
    const reasons = textOf(await h.say(PHONE, plain));
    expect(reasons).toContain('1. 毕业未就业\n2. 离职/被辞退');
    const confirm = textOf(await h.say('2', plain));
    expect(confirm).toContain('原因：离职/被辞退');
    expect(confirm).toContain('1. 确认提交\n2. 重新填写');
    const done = textOf(await h.say('1', plain));
    expect(done).toContain(`${FIRST_CONTACT_BY} 前联系您`);
    expect(done).toContain('1. 主菜单\n2. 转人工');
    expect(await h.db.registration.count({ where: { status: 'pending_review', reason: 'lost_job' } })).toBe(1);
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
      for (const text of ['登记', '同意', '张三', ID, PHONE, '离职/被辞退']) await h.say(text, { conversationId });
      return textOf(await h.say('确认提交', { conversationId }));
    };
    expect(await register('c1')).toContain('已提交');
    const second = await register('c2');
    expect(second).toContain('您已经提交过失业登记，正在等待审核，无需重复办理');
    expect(second).toContain(`${FIRST_CONTACT_BY} 前联系您`);
    expect(await h.db.registration.count()).toBe(1);
    expect(await h.db.jobSeeker.count()).toBe(1);
    const again = await register('c1');
    expect(again).toContain('您已经提交过失业登记');
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

  it('"重新填写" at the confirmation asks again from the name', async () => {
    for (const text of ['登记', '同意', '张三', ID, PHONE, '其他']) await h.say(text);
    expect(textOf(await h.say('重新填写'))).toBe(h.t('zh-CN', 'registration.name.ask'));
    expect(textOf(await h.say('张四'))).toBe(h.t('zh-CN', 'registration.idNumber.ask'));
  });
});
