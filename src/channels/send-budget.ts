// How many messages a channel may send to one key (a WeCom member, a personal WeChat account) and when: a
// shared port, so two instances on one database reserve slots from one budget (src/persistence implements
// it), plus the pure slot arithmetic and an in-process budget for tests and single-process use.

/** At most `count` sends in any `windowMs` (a sliding window); `{ count: 1, windowMs: gap }` is a minimum gap. */
export interface PaceLimit {
  count: number;
  windowMs: number;
}

export interface BudgetRules {
  windows: readonly PaceLimit[];
  /** A cap per calendar day; `day` is the day `now` falls on (the caller knows the time zone). */
  daily?: { cap: number; day: string };
}

/** A slot: send at `at` (now or later). Refused: the day's cap is used up; nothing was reserved. */
export type BudgetGrant = { ok: true; at: Date; day: string; sentOnDay: number } | { ok: false; reason: 'daily_cap'; day: string; sentOnDay: number };

export interface SendBudget {
  /** Reserves the earliest slot the rules allow for `key`, atomically across every instance sharing the budget. */
  take(key: string, rules: BudgetRules, now: Date): Promise<BudgetGrant>;
}

/** What a budget remembers per key: the reserved slots (ms) still inside the longest window, and the day's count. */
export interface BudgetState {
  slots: number[];
  day: string;
  dayCount: number;
}

export const EMPTY_BUDGET: BudgetState = { slots: [], day: '', dayCount: 0 };

/** The next slot under `rules` and the state after reserving it, or the refusal (state unchanged). */
export function reserveSlot(state: BudgetState, rules: BudgetRules, now: number): { grant: BudgetGrant; next: BudgetState } {
  const day = rules.daily?.day ?? '';
  const dayCount = state.day === day ? state.dayCount : 0;
  if (rules.daily && dayCount >= rules.daily.cap) {
    return { grant: { ok: false, reason: 'daily_cap', day, sentOnDay: dayCount }, next: state };
  }
  const longest = Math.max(0, ...rules.windows.map((l) => l.windowMs));
  const slots = state.slots.filter((t) => t > now - longest).sort((a, b) => a - b);
  // Slots are handed out in order, so the new one is never before the last one reserved.
  let slot = Math.max(now, slots[slots.length - 1] ?? now);
  for (let changed = true; changed; ) {
    changed = false;
    for (const limit of rules.windows) {
      const inWindow = slots.filter((t) => t > slot - limit.windowMs);
      if (inWindow.length < limit.count) continue;
      // The oldest send that still counts must leave the window first.
      const leaves = (inWindow[inWindow.length - limit.count] ?? slot) + limit.windowMs;
      if (leaves > slot) {
        slot = leaves;
        changed = true;
      }
    }
  }
  slots.push(slot);
  return {
    grant: { ok: true, at: new Date(slot), day, sentOnDay: dayCount + 1 },
    next: { slots, day, dayCount: dayCount + 1 },
  };
}

/** A budget kept in this process (tests, or a channel that can only run once). */
export function createMemorySendBudget(): SendBudget {
  const states = new Map<string, BudgetState>();
  return {
    async take(key, rules, now) {
      const { grant, next } = reserveSlot(states.get(key) ?? EMPTY_BUDGET, rules, now.getTime());
      states.set(key, next);
      return grant;
    },
  };
}
