// What a person sees when they write in their own words: greetings, thanks, complaints, common questions,
// commands said differently, negations, and homophone typos from a pinyin keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../support/engine-harness.ts';

let h: EngineHarness;
let n = 0;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h.close();
});

/** Each case in a conversation of its own. */
async function say(text: string, conversationId = `c${(n += 1)}`) {
  const messages = await h.say(text, { conversationId });
  return { texts: messages.map((m) => m.text), buttons: messages.flatMap((m) => m.choices.map((c) => c.title)), conversationId };
}

describe('understanding ordinary Chinese at the menu', () => {
  it.each(['你好', '您好！', '在吗'])('"%s" is greeted with the menu, not "没听懂"', async (text) => {
    const { texts, buttons } = await say(text);
    expect(texts[0]).toBe(h.t('zh-CN', 'intent.greeting'));
    expect(buttons).toEqual(['失业登记', '困难人员预审', '我的进度', '报告近况', '转人工', '帮助']);
  });

  it('thanks and goodbye get a friendly answer', async () => {
    expect((await say('谢谢')).texts[0]).toBe(h.t('zh-CN', 'intent.thanks'));
    expect((await say('拜拜')).texts[0]).toBe(h.t('zh-CN', 'intent.goodbye'));
  });

  it('a complaint is apologised for and offered a person', async () => {
    const { texts, buttons } = await say('你们服务太差了');
    expect(texts[0]).toBe(h.t('zh-CN', 'intent.complaint'));
    expect(buttons).toContain('转人工');
  });

  it.each([
    ['失业金怎么领', 'benefit'],
    ['需要带什么材料', 'papers'],
    ['你们多久联系我一次', 'contactFrequency'],
  ])('the question "%s" is not met with "没听懂": it is answered from the region pack, with a person on offer', async (text, topic) => {
    const { texts, buttons } = await say(text);
    expect(texts[0]?.startsWith(h.t('zh-CN', `faq.title.${topic}`))).toBe(true);
    expect(buttons).toContain('转人工');
  });

  it.each(['我不想登记', '找到工作了怎么注销登记', '不用帮我登记了', "I don't want to register"])('"%s" names registration but starts none', async (text) => {
    const { texts, conversationId } = await say(text);
    expect(texts.join('\n')).not.toContain(h.t('zh-CN', 'registration.consent.ask'));
    expect(await h.state(conversationId)).toMatchObject({ active: null });
  });

  it.each(['失业等级', '我想登记失业', '我被裁员了想登记'])('"%s" (a typo or other words) opens registration', async (text) => {
    const { texts } = await say(text);
    expect(texts.join('\n')).toContain(h.t('zh-CN', 'registration.consent.ask'));
  });

  it('"人工客服" and "帮我转人工" reach a person', async () => {
    for (const text of ['人工客服', '帮我转人工']) {
      const { texts, conversationId } = await say(text);
      expect(texts[0]).toBe(h.t('zh-CN', 'handoff.opened'));
      expect(await h.mode(conversationId)).toBe('awaiting_caseworker');
    }
  });
});

describe('commands in other words inside the registration form', () => {
  it('"人工客服" typed at the name question reaches a person instead of becoming the name', async () => {
    const conversationId = 'name-step';
    await h.say('失业登记', { conversationId });
    await h.say('agree', { conversationId });
    const messages = await h.say('人工客服', { conversationId });
    expect(messages[0]?.text).toBe(h.t('zh-CN', 'handoff.opened'));
    expect(await h.mode(conversationId)).toBe('awaiting_caseworker');
  });

  it('"我不想办了" at a yes/no question cancels, and nothing is stored', async () => {
    const conversationId = 'consent-step';
    await h.say('失业登记', { conversationId });
    const messages = await h.say('我不想办了', { conversationId });
    expect(messages[0]?.text).toBe(h.t('zh-CN', 'engine.cancelled'));
    expect(await h.db.registration.count()).toBe(0);
  });

  it('a real name is taken as the name, not as a command', async () => {
    const conversationId = 'real-name';
    await h.say('失业登记', { conversationId });
    await h.say('agree', { conversationId });
    const messages = await h.say('王芳', { conversationId });
    expect(messages[0]?.text).toBe(h.t('zh-CN', 'registration.idNumber.ask'));
  });
});

describe('understanding English', () => {
  it('"hi there" is greeted and "talk to a human" reaches a person', async () => {
    expect((await say('hi there')).texts[0]).toBe(h.t('zh-CN', 'intent.greeting'));
    const { texts } = await say('talk to a human');
    expect(texts[0]).toBe(h.t('zh-CN', 'handoff.opened'));
  });
});
