// A web chat turn re-run after a crash (resumable): one already recorded still gets its answer, and one already
// decided gets the same answer again rather than a second decision. Other channels keep dropping repeats.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHarness, HARNESS_CHANNEL, textOf, type EngineHarness } from '../support/engine-harness.ts';
import type { InboundTurn } from '../../src/conversation/turn-types.ts';

let h: EngineHarness;
afterEach(async () => h.close());

function turn(text: string, activityId: string, resumable: boolean): InboundTurn {
  return {
    channel: HARNESS_CHANNEL, conversationId: 'c1', userKey: 'user-c1', kind: 'message', text, activityId, resumable,
    reference: JSON.stringify({ conversation: { id: 'c1' } }), buttons: true, at: h.now(),
  };
}

describe('resumable turns', () => {
  it('a turn decided before a crash answers the same again, without deciding twice', async () => {
    h = await createEngineHarness();
    const first = await h.engine.handle(turn('登记', 'a1', true));
    expect(textOf(first)).toContain(h.t('zh-CN', 'registration.consent.ask').slice(0, 8));
    const before = await h.state();
    const again = await h.engine.handle(turn('登记', 'a1', true));
    expect(again).toEqual(first);
    expect(await h.state()).toEqual(before);
    const transcript = await h.repos.transcript.recent(h.conversationKey(), 50);
    expect(transcript.filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  it('a turn recorded but not decided before a crash is answered when re-run', async () => {
    h = await createEngineHarness();
    await h.engine.handle(turn('登记', 'a1', true));
    await h.repos.transcript.append({ conversationKey: h.conversationKey(), direction: 'in', activityId: 'a2', sender: 'user-c1', text: '同意' });
    const answer = await h.engine.handle(turn('同意', 'a2', true));
    expect(answer.length).toBeGreaterThan(0);
    expect(await h.engine.handle(turn('同意', 'a2', true))).toEqual(answer);
  });

  it('on a channel without resumable turns a repeated activity is still dropped', async () => {
    h = await createEngineHarness();
    expect((await h.engine.handle(turn('登记', 'w1', false))).length).toBeGreaterThan(0);
    expect(await h.engine.handle(turn('登记', 'w1', false))).toEqual([]);
  });
});
