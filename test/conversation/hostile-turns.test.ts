// The engine's own defences, whatever channel feeds it: an over-long turn is refused before any matching
// (it used to run a quadratic regex for seconds), and numbers in the spellings people use never reach the
// transcript, the handoff excerpt or the audit trail in full.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness.ts';
import { MAX_TURN_TEXT_CHARS } from '../../src/conversation/turn-limits.ts';

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

const dump = async (): Promise<string> => {
  const [transcript, cases, audit] = await Promise.all([h.db.transcriptMessage.findMany(), h.db.handoffCase.findMany(), h.db.auditEvent.findMany()]);
  return JSON.stringify({ transcript, cases, audit });
};

describe('over-long turns', () => {
  it.each([
    ['text', { text: `${'.'.repeat(99_000)}x` }],
    ['a button value', { text: '帮助', value: `${'。'.repeat(99_000)}x` }],
  ])('%s of 99,000 characters gets "too long" at once and leaves the dialog where it was', async (_label, turn) => {
    h = await createEngineHarness();
    await h.say('登记');
    const before = await h.state();
    const started = performance.now();
    const replies = await h.say(turn.text, 'value' in turn ? { value: turn.value } : {});
    const elapsed = performance.now() - started;
    const baseline = performance.now();
    await h.say('帮助');
    const normalTurn = performance.now() - baseline;
    expect(replies.map((m) => m.text)).toEqual([h.t('zh-CN', 'engine.tooLong', { max: MAX_TURN_TEXT_CHARS })]);
    expect(elapsed).toBeLessThan(Math.max(normalTurn, 5) * 20);
    expect(await h.state()).toMatchObject({ active: (before as { active: unknown }).active });
    const kept = await h.db.transcriptMessage.findMany({ where: { direction: 'in' } });
    expect(Math.max(...kept.map((m) => (m.text ?? '').length))).toBeLessThanOrEqual(MAX_TURN_TEXT_CHARS + 1);
  });
});

describe('numbers in every spelling are masked wherever the engine writes', () => {
  it.each(['138 0013 8000', '138-0013-8000', '+8613800138000', '𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎', '4408 0219 9003 1403 14', '４４０８０２１９９００３１４０３１４'])('%s: transcript, handoff excerpt and audit', async (spelling) => {
    h = await createEngineHarness();
    await h.say(`我的号码是 ${spelling}`);
    await h.say('人工');
    const stored = await dump();
    expect(stored).toContain('我的号码是');
    for (const leak of ['13800138000', '440802199003140314', '19900314', spelling]) expect(stored).not.toContain(leak);
    const [open] = await h.repos.handoffs.listOpen('440800');
    expect(open?.excerpt.join('\n')).toMatch(/我的号码是 (138\*{4}8000|4408\*{12}14)/);
  });
});
