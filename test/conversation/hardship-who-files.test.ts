// Nobody is filed for hardship recognition without a way to call them back (issue 9 item 5): a conversation
// linked to nobody gives name, ID number and phone with consent after "file it" (also in Zhanjiang, whose
// notice defines no categories); a linked person files at once; an ID number on file for someone else is
// never used (offered the one-time code or a caseworker instead), and declining keeps nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, createEngineHarness, HARNESS_CHANNEL, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, ID } from './registration-form.ts';
import { listCases } from '../../src/persistence/case-desk-queries.ts';

const HARBIN = '230102';
const HARBIN_MAN_52 = '230102197205151236';
const ZHANJIANG_WOMAN = '440802199203041224';
const PHONE = '13912345678';
const MENU = ['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助'];

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

describe('Zhanjiang (no categories): the offer to file asks who to call back first', () => {
  it('zh-CN: consent, name, ID number and phone, then the request is filed for that person, encrypted and masked', async () => {
    h = await createEngineHarness();
    await h.say('困难人员预审');
    const consent = await h.say('提交给工作人员');
    expect(textOf(consent)).toBe(h.t('zh-CN', 'hardship.contact.consent'));
    expect(buttonsOf(consent)).toEqual(['同意', '不同意']);
    expect(await h.db.handoffCase.count()).toBe(0);
    expect(textOf(await h.say('同意'))).toBe(h.t('zh-CN', 'hardship.contact.name'));
    expect(textOf(await h.say('我叫赵敏。'))).toBe(h.t('zh-CN', 'hardship.contact.idNumber'));
    expect(textOf(await h.say('12345'))).toContain(h.t('zh-CN', 'errors.idNumber.too_short', { count: 5, missing: 13 }));
    expect(textOf(await h.say(ZHANJIANG_WOMAN))).toBe(h.t('zh-CN', 'hardship.contact.phone'));
    const filed = await h.say(PHONE);
    expect(textOf(filed)).toContain(h.t('zh-CN', 'hardship.filed'));
    expect(buttonsOf(filed)).toEqual(['主菜单', '转人工']);

    const person = await h.db.jobSeeker.findFirstOrThrow({ include: { addresses: true } });
    expect(person).toMatchObject({ name: '赵敏', idNumberMask: '4408************24', phoneMask: '139****5678', idNumberHash: h.cipher.lookupHash(ZHANJIANG_WOMAN) });
    expect(h.cipher.decrypt(person.phoneEnc ?? '')).toBe(PHONE);
    expect(h.cipher.decrypt(person.idNumberEnc ?? '')).toBe(ZHANJIANG_WOMAN);
    expect(person.addresses.map((a) => a.channel)).toEqual([HARNESS_CHANNEL]);
    const request = await h.db.handoffCase.findFirstOrThrow();
    expect(request).toMatchObject({ kind: 'hardship_recognition', reason: 'NO_CATEGORIES_IN_PACK', jobSeekerId: person.id });
    const stored = JSON.stringify([await h.db.handoffCase.findMany(), await h.db.transcriptMessage.findMany(), await h.db.auditEvent.findMany(), await h.db.conversationState.findMany()]);
    expect(stored).not.toContain(ZHANJIANG_WOMAN);
    expect(stored).not.toContain(PHONE);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'hardship.prescreen_filed' } });
    expect(JSON.parse(audit.details)).toMatchObject({ identifiedBy: 'contact_given', jobSeekerId: person.id });
    // What the caseworker's desk shows: who to call back, masked.
    const [onDesk] = await listCases(h.db, { prefixes: ['4408'] }, 'new');
    expect(onDesk).toMatchObject({ kind: 'hardship_recognition', person: { jobSeekerId: person.id, name: '赵敏', idNumber: '4408************24', phone: '139****5678' } });
  });

  it('en: the same questions in English; a wrong phone is refused with its reason', async () => {
    h = await createEngineHarness();
    await h.say('English');
    await h.say('hardship');
    expect(textOf(await h.say('Send to a caseworker'))).toBe(h.t('en', 'hardship.contact.consent'));
    expect(textOf(await h.say('I agree'))).toBe(h.t('en', 'hardship.contact.name'));
    expect(textOf(await h.say('赵敏'))).toBe(h.t('en', 'hardship.contact.idNumber'));
    expect(textOf(await h.say(ZHANJIANG_WOMAN))).toBe(h.t('en', 'hardship.contact.phone'));
    expect(textOf(await h.say('1391234'))).toContain(h.t('en', 'errors.phone.too_short', { count: 7, missing: 4 }));
    expect(await h.db.handoffCase.count()).toBe(0);
    expect(textOf(await h.say(PHONE))).toContain(h.t('en', 'hardship.filed'));
    expect((await h.db.handoffCase.findFirstOrThrow()).jobSeekerId).toBe((await h.db.jobSeeker.findFirstOrThrow()).id);
  });

  it('declining to give contact details files nothing, keeps nothing and offers a person', async () => {
    h = await createEngineHarness();
    await h.say('困难人员预审');
    await h.say('提交给工作人员');
    const declined = await h.say('不同意');
    expect(textOf(declined)).toContain(h.t('zh-CN', 'hardship.contact.declined'));
    expect(buttonsOf(declined)).toEqual(MENU);
    expect(await h.db.handoffCase.count()).toBe(0);
    expect(await h.db.jobSeeker.count()).toBe(0);
  });
});

describe('who is already known', () => {
  it('a person who registered in this conversation files at once, as themselves', async () => {
    h = await createEngineHarness();
    await fillForm(h);
    await h.say('submit');
    const registered = await h.db.jobSeeker.findFirstOrThrow();
    await h.say('困难人员预审');
    expect(textOf(await h.say('提交给工作人员'))).toContain(h.t('zh-CN', 'hardship.filed'));
    const request = await h.db.handoffCase.findFirstOrThrow({ where: { kind: 'hardship_recognition' } });
    expect(request.jobSeekerId).toBe(registered.id);
    expect(await h.db.jobSeeker.count()).toBe(1);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'hardship.prescreen_filed' } });
    expect(JSON.parse(audit.details)).toMatchObject({ identifiedBy: 'linked' });
  });

  it('an ID number on file for someone else is not taken: the one-time code or a caseworker is offered', async () => {
    h = await createEngineHarness({ conversationId: 'owner' });
    await fillForm(h);
    await h.say('submit');
    const other = { conversationId: 'other' } as const;
    for (const said of ['困难人员预审', '提交给工作人员', '同意', '李四']) await h.say(said, other);
    const offer = await h.say(ID, other);
    expect(textOf(offer)).toContain(h.t('zh-CN', 'identity.alreadyRegistered'));
    expect(buttonsOf(offer)).toEqual(['发送验证码到登记手机', '请工作人员核实']);
    expect(await h.db.handoffCase.count({ where: { kind: 'hardship_recognition' } })).toBe(0);
    expect(await h.db.jobSeeker.count()).toBe(1);
  });

  it('an ID number on file given at the age question stops the pre-screen there: code or caseworker', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    await h.db.jobSeeker.create({ data: { id: 'p1', regionCode: HARBIN, idNumberHash: h.cipher.lookupHash(HARBIN_MAN_52), idNumberEnc: h.cipher.encrypt(HARBIN_MAN_52), idNumberMask: '2301************36', phoneMask: '139****5678' } });
    for (const said of ['困难人员预审', '同意']) await h.say(said);
    const offer = await h.say(HARBIN_MAN_52);
    expect(textOf(offer)).toContain(h.t('zh-CN', 'identity.alreadyRegistered'));
    expect(buttonsOf(offer)).toEqual(['发送验证码到登记手机', '请工作人员核实']);
    expect(await h.db.handoffCase.count()).toBe(0);
  });

  it('the desk itself refuses a contact whose ID number is on file for someone else (two instances racing)', async () => {
    h = await createEngineHarness({ regionCode: HARBIN });
    await h.db.jobSeeker.create({ data: { id: 'p1', regionCode: HARBIN, idNumberHash: h.cipher.lookupHash(HARBIN_MAN_52), idNumberEnc: h.cipher.encrypt(HARBIN_MAN_52), idNumberMask: '2301************36' } });
    const prescreen = { pack: 'harbin-2010', asOf: '2025-03-11', categories: [], categoriesSource: 'harbin-2010#第三条', publicNoticeExempt: false, publicNoticeSource: 'harbin-2010#第四条(一)', registrationPrecondition: null, needsConfirmation: false, answers: {}, unknownAnswers: [] };
    const contact = { name: '王五', idNumber: HARBIN_MAN_52, phone: PHONE, locale: 'zh-CN' as const, channel: 'test', userKey: 'u9', reference: '{}' };
    const filed = await h.repos.hardshipRequests.file({ conversationKey: 'k9', jobSeekerId: null, reason: 'NONE_MET', prescreen, at: h.now(), contact });
    expect(filed).toEqual({ unverified: true });
    expect(await h.db.handoffCase.count()).toBe(0);
    expect(await h.db.channelAddress.count()).toBe(0);
    expect(await h.db.auditEvent.count({ where: { action: 'hardship.refusedUnverified' } })).toBe(1);
  });

  it('two instances filing the same contact from the same address make one person and one request', async () => {
    h = await createEngineHarness();
    await h.say('你好'); // connection settings applied before the race
    const prescreen = { pack: 'zhanjiang-2021', asOf: '2025-03-11', categories: [], categoriesSource: 'zhanjiang-2021#三(二)(5)', publicNoticeExempt: false, publicNoticeSource: 'zhanjiang-2021#五(二)', registrationPrecondition: null, needsConfirmation: false, answers: {}, unknownAnswers: [] };
    const contact = { name: '赵敏', idNumber: ZHANJIANG_WOMAN, phone: PHONE, locale: 'zh-CN' as const, channel: 'test', userKey: 'u7', reference: '{}' };
    const request = { conversationKey: 'k7', jobSeekerId: null, reason: 'NO_CATEGORIES_IN_PACK', prescreen, at: h.now(), contact };
    const [a, b] = await Promise.all([h.repos.hardshipRequests.file(request), h.repos.hardshipRequests.file(request)]);
    expect([a, b].every((r) => !('unverified' in r))).toBe(true);
    expect(await h.db.jobSeeker.count()).toBe(1);
    expect(await h.db.handoffCase.count()).toBe(1);
    expect(await h.db.channelAddress.count()).toBe(1);
  });
});
