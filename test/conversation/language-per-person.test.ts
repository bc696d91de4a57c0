// The language a person picks is kept on the person: a later conversation from the same channel address
// starts as that person and in that language.
import { describe, expect, test as it } from '../support/fixtures.ts';
import type { EngineHarness } from '../support/engine-harness.ts';
import { seedPerson } from './follow-up-fixtures.ts';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

describe.each([
  ['zh-CN', 'en', 'English'],
  ['en', 'zh-CN', '中文'],
] as const)('a person who starts in %s and switches to %s', (from, to, word) => {
  it.each([true, false])('is greeted in the new language in their next conversation (buttons: %s)', async (buttons) => {
    const person = await seedPerson(h, { locale: from, userKey: 'wx-user-1' });
    const first = await h.say('你好', { userKey: 'wx-user-1', buttons });
    expect(first[0]?.text.split('\n')[0]).toBe(h.t(from, 'intent.greeting'));
    expect(await h.state()).toMatchObject({ jobSeekerId: person.jobSeekerId, locale: from });
    await h.say(word, { userKey: 'wx-user-1', buttons });
    expect(await h.db.jobSeeker.findUnique({ where: { id: person.jobSeekerId } })).toMatchObject({ locale: to });

    const greeting = await h.say('', { conversationId: 'c2', userKey: 'wx-user-1', kind: 'join', buttons });
    expect(greeting[0]?.text.split('\n')[0]).toBe(h.t(to, 'menu.welcome').split('\n')[0]);
    expect(await h.state('c2')).toMatchObject({ jobSeekerId: person.jobSeekerId, locale: to });

    const stranger = await h.say('', { conversationId: 'c3', userKey: 'someone-else', kind: 'join', buttons });
    expect(stranger[0]?.text.split('\n')[0]).toBe(h.t('zh-CN', 'menu.welcome').split('\n')[0]);
    expect(await h.state('c3')).toMatchObject({ jobSeekerId: null });
  });
});
