// WeCom drops, without an error, a self-built app's messages beyond 30 a minute or 1000 an hour to one member
// (channels.md §3.4): each send reserves a free slot in both windows (in the budget every instance shares)
// and waits for it instead of being lost.
import { createMemorySendBudget, type PaceLimit, type SendBudget } from '../send-budget.ts';

export type { PaceLimit } from '../send-budget.ts';

export const WECOM_MEMBER_LIMITS: readonly PaceLimit[] = [{ count: 30, windowMs: 60_000 }, { count: 1000, windowMs: 3_600_000 }];

export interface MemberPacer {
  /** Reserves the next free slot for `member`; resolves with how long the caller must wait (ms) before sending. */
  reserve(member: string): Promise<number>;
}

/** Paces members through `budget` (the database's, so instances share it); in this process when none is given. */
export function createMemberPacer(now: () => number, options: { budget?: SendBudget; limits?: readonly PaceLimit[]; keyPrefix?: string } = {}): MemberPacer {
  const budget = options.budget ?? createMemorySendBudget();
  const windows = options.limits ?? WECOM_MEMBER_LIMITS;
  const prefix = options.keyPrefix ?? 'wecom-member';
  return {
    async reserve(member) {
      const at = now();
      const grant = await budget.take(`${prefix}:${member}`, { windows }, new Date(at));
      // Windows alone never refuse; a refusal could only come from a daily cap, which members do not have.
      return grant.ok ? Math.max(0, grant.at.getTime() - at) : 0;
    },
  };
}
