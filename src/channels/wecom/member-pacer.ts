// WeCom drops, without an error, a self-built app's messages beyond 30 a minute or 1000 an hour to one member
// (channels.md §3.4): each send waits for a free slot in both windows instead of being lost.

export interface PaceLimit {
  count: number;
  windowMs: number;
}

export const WECOM_MEMBER_LIMITS: readonly PaceLimit[] = [{ count: 30, windowMs: 60_000 }, { count: 1000, windowMs: 3_600_000 }];

export interface MemberPacer {
  /** Reserves the next free slot for `member`; resolves with how long the caller must wait (ms) before sending. */
  reserve(member: string): number;
}

export function createMemberPacer(now: () => number, limits: readonly PaceLimit[] = WECOM_MEMBER_LIMITS): MemberPacer {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const sent = new Map<string, number[]>();
  return {
    reserve(member) {
      const at = now();
      const times = (sent.get(member) ?? []).filter((t) => t > at - longest);
      let slot = at;
      for (let changed = true; changed; ) {
        changed = false;
        for (const limit of limits) {
          const inWindow = times.filter((t) => t > slot - limit.windowMs);
          if (inWindow.length < limit.count) continue;
          // The oldest send that still counts must leave the window first.
          const leaves = (inWindow[inWindow.length - limit.count] ?? slot) + limit.windowMs;
          if (leaves > slot) {
            slot = leaves;
            changed = true;
          }
        }
      }
      times.push(slot);
      sent.set(member, times);
      return slot - at;
    },
  };
}
