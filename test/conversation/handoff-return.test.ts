// 转人工 round trip: the person asks for a person mid-dialog, a caseworker claims the case (the bot is silent,
// messages still go to the transcript), closes it, and the bot takes over again at the step the person was on.
import { describe, expect, test as it } from '../support/fixtures.ts';
import type { EngineHarness } from '../support/engine-harness.ts';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

describe.each([
  ['zh-CN', true],
  ['en', true],
  ['zh-CN', false],
  ['en', false],
] as const)('handoff claim and close in %s (buttons: %s)', (locale, buttons) => {
  it('awaiting → caseworker (bot silent) → closed → the bot asks the same question again', async () => {
    const say = (text: string) => h.say(text, { buttons });
    if (locale === 'en') await say('English');
    await say(locale === 'en' ? 'register' : '登记');
    await say('1'); // consent: the first choice, agree
    expect(await h.state()).toMatchObject({ active: { dialog: 'registration', step: 'name' } });

    expect((await say(locale === 'en' ? 'human' : '人工')).map((m) => m.text)).toEqual([h.t(locale, 'handoff.opened')]);
    expect(await h.mode()).toBe('awaiting_caseworker');
    expect((await say('你好')).map((m) => m.text)).toEqual([h.t(locale, 'handoff.waiting')]);

    const [open] = await h.repos.handoffs.listOpen('440800');
    expect(open).toBeDefined();
    expect(await h.repos.handoffs.claim(open?.id ?? '', 'cw-1')).toBe(true);
    expect(await h.mode()).toBe('caseworker');
    expect(await say('我的身份证丢了怎么办')).toEqual([]);
    const inbound = await h.db.transcriptMessage.findMany({ where: { conversationKey: h.conversationKey(), direction: 'in' } });
    expect(inbound.map((m) => m.text)).toContain('我的身份证丢了怎么办');

    expect(await h.repos.handoffs.closeCase(open?.id ?? '', 'cw-1', 'told about replacement ID')).toBe(true);
    expect(await h.mode()).toBe('bot');
    expect(await h.db.handoffCase.findUnique({ where: { id: open?.id ?? '' } })).toMatchObject({ status: 'closed', caseworkerId: 'cw-1', closedAt: expect.any(Date) });
    expect(await h.db.auditEvent.count({ where: { action: { in: ['handoff.claimed', 'handoff.closed'] }, subjectId: open?.id ?? '' } })).toBe(2);

    const back = await say('好的');
    expect(back.map((m) => m.text)).toEqual([h.t(locale, 'handoff.returned'), h.t(locale, 'registration.name.ask')]);
    await say('张三');
    expect(await h.state()).toMatchObject({ active: { dialog: 'registration', step: 'idNumber', slots: { name: '张三' } }, handedOff: false });
    expect(await h.repos.handoffs.closeCase(open?.id ?? '', 'cw-1', 'again')).toBe(false);
  });
});
