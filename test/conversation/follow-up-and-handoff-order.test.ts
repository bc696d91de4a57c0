// Right order (issue 9 part 5): out of office hours 转人工 says when a person will answer and still files the
// case, in both languages; within hours it says a person will answer soon. Fake clock, Beijing time.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

/** An instant given as Beijing wall-clock time. */
const beijing = (wall: string): Date => new Date(`${wall}+08:00`);

describe('转人工 out of office hours', () => {
  it('Wednesday 2026-12-02 20:00: the office is closed, a person answers Thursday 8:30; the case is filed', async () => {
    h = await createEngineHarness();
    const said = textOf(await h.say('转人工', { at: beijing('2026-12-02T20:00:00') }));
    expect(said).toBe(h.t('zh-CN', 'handoff.closed', { year: 2026, month: 12, day: 3, date: '2026-12-03', weekday: '周四', time: '8:30' }));
    expect(said).toContain('现在是下班时间，工作人员将在 12月3日（周四）8:30 后回复您');
    expect(await h.db.handoffCase.count({ where: { status: 'open' } })).toBe(1);
    expect(await h.mode()).toBe('awaiting_caseworker');
  });

  it('at lunch (12:30) it says 14:30 the same day', async () => {
    h = await createEngineHarness();
    expect(textOf(await h.say('人工', { at: beijing('2026-12-02T12:30:00') }))).toContain('12月2日（周三）14:30');
  });

  it('Friday evening before a weekend: Monday 8:30, in English', async () => {
    h = await createEngineHarness();
    await h.say('English', { at: beijing('2025-03-14T19:00:00') });
    const said = textOf(await h.say('human', { at: beijing('2025-03-14T19:01:00') }));
    expect(said).toBe(h.t('en', 'handoff.closed', { date: '2025-03-17', weekday: 'Monday', time: '8:30' }));
    expect(await h.db.handoffCase.count()).toBe(1);
  });

  it('on the eve of the National Day holiday it names the first working day after it (2025-10-09)', async () => {
    h = await createEngineHarness();
    expect(textOf(await h.say('转人工', { at: beijing('2025-09-30T18:00:00') }))).toContain('10月9日（周四）8:30');
  });

  it('within office hours it is the ordinary message', async () => {
    h = await createEngineHarness();
    expect(textOf(await h.say('转人工', { at: beijing('2026-12-02T10:00:00') }))).toBe(h.t('zh-CN', 'handoff.opened'));
  });
});
