// WeCom silently drops a member's 31st message in a minute and 1001st in an hour: the pacer holds them back.
import { describe, expect, it } from 'vitest';
import { createMemberPacer } from '../../../src/channels/wecom/member-pacer.ts';

describe('WeCom per-member pacing', () => {
  it('lets 30 a minute through at once, delays the 31st to the next minute, and paces members separately', () => {
    let now = 1_000_000;
    const pacer = createMemberPacer(() => now);
    const waits = Array.from({ length: 31 }, () => pacer.reserve('zhang'));
    expect(waits.slice(0, 30).every((w) => w === 0)).toBe(true);
    expect(waits[30]).toBe(60_000);
    expect(pacer.reserve('li')).toBe(0);
    now += 60_001;
    expect(pacer.reserve('zhang')).toBe(0);
  });

  it('keeps to 1000 an hour', () => {
    let now = 0;
    const pacer = createMemberPacer(() => now);
    let last = 0;
    for (let i = 0; i < 1001; i++) {
      last = pacer.reserve('zhang');
      now += 2000; // one every 2 s stays under 30/min
    }
    expect(last).toBeGreaterThan(0);
    expect(now - 2000 + last).toBeGreaterThanOrEqual(3_600_000);
  });
});
