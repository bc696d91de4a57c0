// Knowing an ID number proves nothing (issue 8): a second conversation that gives an ID already on file is told
// so right after the ID step and offered a one-time code to the phone on file or a caseworker; until it proves
// who it is it sees no status, reports no news and overwrites nothing. Codes: right once, 10 minutes, 5 tries,
// then a cool-down that a restart (or a second instance) keeps.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { buttonsOf, HARNESS_CHANNEL, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, ID, PHONE } from './registration-form.ts';

const OTHER = { conversationId: 'x' } as const;
const MASKED = '138****5678';

let h: EngineHarness;
it.override({ harnessOptions: { conversationId: 'owner' } });
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(async ({ harness }) => {
  h = harness;
  await fillForm(h);
  await h.say('submit');
});

/** The other conversation starts a registration and gives the owner's ID number. */
async function giveOwnersId(o: { conversationId: string } = OTHER): Promise<string[]> {
  await h.say('登记', o);
  await h.say('agree', o);
  await h.say('李四', o);
  return (await h.say(ID, o)).map((m) => m.text);
}

async function owner() {
  const person = await h.db.jobSeeker.findFirstOrThrow({ include: { registrations: true, addresses: true } });
  return { ...person, phone: person.phoneEnc ? h.cipher.decrypt(person.phoneEnc) : null };
}

function lastCode(): string {
  const template = h.outbox.at(-1)?.message.template;
  const code = template?.kind === 'one_time_code' ? template.params.code : undefined;
  if (!code) throw new Error('no code was sent');
  return code;
}

const wrong = (right: string): string => (right === '000000' ? '111111' : '000000');

async function auditActions(): Promise<string[]> {
  return (await h.db.auditEvent.findMany({ where: { action: { startsWith: 'identity.' } }, orderBy: { at: 'asc' } })).map((e) => e.action);
}

describe('a second conversation with an ID already on file', () => {
  it('is told right after the ID step and offered a code to the masked phone on file or a caseworker', async () => {
    expect(await giveOwnersId()).toEqual([h.t('zh-CN', 'identity.alreadyRegistered'), h.t('zh-CN', 'identity.offer', { phone: MASKED })]);
    expect(h.t('zh-CN', 'identity.offer', { phone: MASKED })).toContain('138****5678');
    expect(h.t('zh-CN', 'identity.offer', { phone: MASKED })).toContain('可能有人冒用您的身份证号');
    expect(buttonsOf(await h.say('帮助', OTHER))).toEqual(['发送验证码到登记手机', '请工作人员核实']);
  });

  it('sees no status of that person, cannot report news for them, and overwrites nothing', async () => {
    const before = await owner();
    await giveOwnersId();
    await h.say('取消', OTHER);
    expect((await h.say('我的进度', OTHER)).map((m) => m.text)).toEqual([h.t('zh-CN', 'status.notRegistered')]);
    // "Report news" says first that there is no registration of this conversation to report on.
    expect((await h.say('报告近况', OTHER)).map((m) => m.text)[0]).toBe(h.t('zh-CN', 'followUp.notRegistered'));
    expect((await h.say('找到工作了', OTHER)).map((m) => m.text)[0]).toBe(h.t('zh-CN', 'followUp.notRegistered'));

    const after = await owner();
    expect(after.name).toBe(before.name);
    expect(after.phone).toBe(PHONE);
    expect(after.registrations).toHaveLength(1);
    expect(after.registrations[0]?.followUpPreference).toBe('monthly');
    expect(after.addresses.map((a) => a.userKey)).toEqual(['user-owner']);
    expect(await h.db.contactRecord.count()).toBe(0);
    expect(await h.db.handoffCase.count({ where: { kind: 'deregistration_fact' } })).toBe(0);
    expect(h.outbox).toEqual([]);
  });

  it('the owner giving their own ID again from their own conversation goes on with the form', async () => {
    expect(await giveOwnersId({ conversationId: 'owner' })).toEqual([h.t('zh-CN', 'registration.household.ask')]);
  });
});

describe('the one-time code', () => {
  it('sent to the phone on file; typed back it links the conversation, then status shows the record', async () => {
    await giveOwnersId();
    const asked = await h.say('code', OTHER);
    expect(textOf(asked)).toBe(h.t('zh-CN', 'identity.code.ask', { phone: MASKED, minutes: 10 }));
    expect(h.outbox).toHaveLength(1);
    expect(h.outbox[0]?.to).toBe(PHONE);
    const code = lastCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(h.outbox[0]?.message.text).toBe(h.t('zh-CN', 'identity.sms', { code, minutes: '10' }));
    const stored = await h.db.identityChallenge.findFirstOrThrow();
    expect(stored.codeHash).not.toContain(code);

    const linked = await h.say(code, OTHER);
    const typed = await h.db.transcriptMessage.findMany({ where: { conversationKey: `${HARNESS_CHANNEL}:x`, direction: 'in' }, orderBy: { at: 'asc' } });
    expect(typed.at(-1)?.text).toBe('******');
    expect(textOf(linked)).toBe(h.t('zh-CN', 'identity.linked'));
    expect(buttonsOf(linked)).toEqual(['我的进度', '主菜单', '转人工']);
    const status = await h.say('start:status', OTHER);
    expect(status[0]?.text).toBe(h.t('zh-CN', 'status.registration', { status: h.t('zh-CN', 'status.statuses.pending_review'), date: '2025-03-11' }));
    expect((await owner()).addresses.map((a) => a.userKey).sort()).toEqual(['user-owner', 'user-x']);
    expect(await auditActions()).toEqual(['identity.idAlreadyRegistered', 'identity.codeSent', 'identity.codeVerified', 'identity.linked']);
    // Used once: the same code again is no proof for a third conversation.
    expect(await h.db.identityChallenge.count({ where: { status: 'verified' } })).toBe(1);
  });

  it('a code the SMS channel cannot send now (the number\'s limit) is not stored; the next one goes and works', async () => {
    await giveOwnersId();
    h.refuseSms({ ok: false, retryable: true, code: 'number_limit_min_gap' });
    const refused = await h.say('code', OTHER);
    expect(refused[0]?.text).toBe(h.t('zh-CN', 'identity.code.sendLater'));
    expect(await h.db.identityChallenge.count()).toBe(0);
    expect(await auditActions()).toEqual(['identity.idAlreadyRegistered', 'identity.codeSendFailed']);
    h.refuseSms(null);
    await h.say('code', OTHER);
    expect(await h.db.identityChallenge.count({ where: { status: 'pending' } })).toBe(1);
    expect(textOf(await h.say(lastCode(), OTHER))).toBe(h.t('zh-CN', 'identity.linked'));
  });

  it('5 wrong codes: a 30-minute cool-down that survives a restart, then a code can be sent again', async () => {
    await giveOwnersId();
    await h.say('code', OTHER);
    const bad = wrong(lastCode());
    for (const left of [4, 3, 2, 1]) expect((await h.say(bad, OTHER)).map((m) => m.text)).toEqual([h.t('zh-CN', 'identity.code.wrong', { left }), h.t('zh-CN', 'identity.code.ask', { phone: MASKED, minutes: 10 })]);
    const locked = await h.say(bad, OTHER);
    expect(locked[0]?.text).toBe(h.t('zh-CN', 'identity.code.locked', { minutes: 30 }));
    expect(await h.state('x')).toMatchObject({ active: null, jobSeekerId: null });

    const again = await h.restart();
    try {
      await again.say('登记', OTHER);
      await again.say('agree', OTHER);
      await again.say('李四', OTHER);
      await again.say(ID, OTHER);
      const refused = await again.say('code', OTHER);
      expect(refused[0]?.text).toBe(h.t('zh-CN', 'identity.code.coolingDown', { minutes: 25 }));
      expect(again.outbox).toEqual([]);
      const later = await again.say('code', { ...OTHER, at: new Date(again.now().getTime() + 31 * 60_000) });
      expect(textOf(later)).toBe(h.t('zh-CN', 'identity.code.ask', { phone: MASKED, minutes: 10 }));
      expect(again.outbox).toHaveLength(1);
    } finally {
      await again.close();
    }
    expect(await auditActions()).toEqual([
      'identity.idAlreadyRegistered', 'identity.codeSent', 'identity.codeWrong', 'identity.codeWrong', 'identity.codeWrong', 'identity.codeWrong', 'identity.codeLocked',
      'identity.idAlreadyRegistered', 'identity.codeRefused', 'identity.codeSent',
    ]);
    expect((await owner()).addresses.map((a) => a.userKey)).toEqual(['user-owner']);
  });

  it('a code typed after 10 minutes no longer works: the offer comes again, and a new code does', async () => {
    await giveOwnersId();
    await h.say('code', OTHER);
    const first = lastCode();
    const late = await h.say(first, { ...OTHER, at: new Date(h.now().getTime() + 10 * 60_000 + 1000) });
    expect(late.map((m) => m.text)).toEqual([h.t('zh-CN', 'identity.code.expired'), h.t('zh-CN', 'identity.offer', { phone: MASKED })]);
    expect((await owner()).addresses.map((a) => a.userKey)).toEqual(['user-owner']);
    await h.say('code', OTHER);
    expect(h.outbox).toHaveLength(2);
    expect(textOf(await h.say(lastCode(), OTHER))).toBe(h.t('zh-CN', 'identity.linked'));
    expect(await auditActions()).toContain('identity.codeExpired');
  });

  it('a second request within a minute is refused (no SMS bombing of the person on file)', async () => {
    await giveOwnersId();
    await h.say('code', OTHER);
    const sentAt = h.now().getTime();
    const at = (seconds: number) => ({ ...OTHER, at: new Date(sentAt + seconds * 1000) });
    for (const [i, text] of ['取消', '登记', 'agree', '李四', ID].entries()) await h.say(text, at(5 * (i + 1)));
    const soon = await h.say('code', at(30));
    expect(soon[0]?.text).toBe(h.t('zh-CN', 'identity.code.tooSoon', { seconds: 30 }));
    expect(h.outbox).toHaveLength(1);
  });
});

describe('a caseworker confirms instead', () => {
  it('files an identity_link case on the person on file, links nothing, and the person sees the open check', async () => {
    await giveOwnersId();
    const filed = await h.say('caseworker', OTHER);
    expect(filed.map((m) => m.text)).toEqual([h.t('zh-CN', 'identity.caseFiled'), h.t('zh-CN', 'menu.after')]);
    const person = await owner();
    const cases = await h.db.handoffCase.findMany();
    expect(cases).toMatchObject([{ kind: 'identity_link', reason: 'possible_id_misuse', jobSeekerId: person.id, conversationKey: `${HARNESS_CHANNEL}:x`, status: 'open' }]);
    expect(person.addresses.map((a) => a.userKey)).toEqual(['user-owner']);
    expect(h.outbox).toEqual([]);
    const status = await h.say('start:status');
    expect(status.map((m) => m.text)).toContain(h.t('zh-CN', 'status.openCases', { list: '身份核实' }));
  });
});

describe('on a channel without buttons', () => {
  it('the offer comes as numbered lines; "1" sends the code, which then links', async () => {
    const plain = { ...OTHER, buttons: false } as const;
    for (const text of ['登记', '1', '李四']) await h.say(text, plain);
    const offer = await h.say(ID, plain);
    expect(textOf(offer)).toContain(`${h.t('zh-CN', 'identity.offer', { phone: MASKED })}\n1. 发送验证码到登记手机\n2. 请工作人员核实`);
    expect(textOf(await h.say('1', plain))).toBe(h.t('zh-CN', 'identity.code.ask', { phone: MASKED, minutes: 10 }));
    expect(textOf(await h.say(lastCode(), plain))).toContain(h.t('zh-CN', 'identity.linked'));
  });
});

describe('in English', () => {
  it('offers, sends and links with English words', async () => {
    await h.say('English', OTHER);
    const offered = await giveOwnersId();
    expect(offered).toEqual([h.t('en', 'identity.alreadyRegistered'), h.t('en', 'identity.offer', { phone: MASKED })]);
    expect(offered[1]).toContain('someone else may be using your ID number');
    expect(textOf(await h.say('code', OTHER))).toBe(h.t('en', 'identity.code.ask', { phone: MASKED, minutes: 10 }));
    expect(h.outbox[0]?.message.text).toContain('Your code is');
    expect((await h.say(wrong(lastCode()), OTHER))[0]?.text).toBe('That code is not right. You can try 4 more times.');
    expect(textOf(await h.say(lastCode(), OTHER))).toBe(h.t('en', 'identity.linked'));
  });
});

describe('the registration intake behind the dialog', () => {
  it('an ID on file for someone this conversation is not linked to: nothing stored, nothing overwritten, even once their registration is closed', async () => {
    const before = await owner();
    await h.db.registration.updateMany({ data: { status: 'withdrawn' } });
    const submission = { name: '冒名者', idNumber: ID, phone: '13900000000', birthDate: '1990-05-15', sex: 'M' as const, reason: 'lost_job' as const };
    const request = { submission, locale: 'zh-CN', conversationKey: `${HARNESS_CHANNEL}:x`, channel: HARNESS_CHANNEL, userKey: 'user-x', reference: '{}', at: h.now() };
    expect(await h.repos.registrations.submit({ ...request, linkedJobSeekerId: null })).toEqual({ unverified: true });
    const after = await owner();
    expect({ name: after.name, phone: after.phone, registrations: after.registrations.length, addresses: after.addresses.map((a) => a.userKey) })
      .toEqual({ name: before.name, phone: PHONE, registrations: 1, addresses: ['user-owner'] });
    expect(await h.db.auditEvent.count({ where: { action: 'registration.refusedUnverified' } })).toBe(1);
    // The person themselves (linked) may register again; that is a new registration on the same person.
    const own = await h.repos.registrations.submit({ ...request, linkedJobSeekerId: before.id });
    expect(own).toMatchObject({ jobSeekerId: before.id, duplicate: false });
  });
});
