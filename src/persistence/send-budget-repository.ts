// The send budget every instance shares (SendBudget port): one row per key, each reservation a compare-and-set
// on the row's version (a single conditional UPDATE, atomic on SQLite and PostgreSQL). An instance that loses
// the race reads the row again and reserves after the winner, so together they never exceed the limits.
import { z } from 'zod';
import { EMPTY_BUDGET, reserveSlot, type BudgetGrant, type BudgetRules, type BudgetState, type SendBudget } from '../channels/send-budget.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './prisma-errors.ts';

const slotsSchema = z.array(z.number());
/** Lost races before giving up; each loss means another instance reserved first, so this bounds contention, not time. */
const MAX_ATTEMPTS = 50;

/** Unreadable slots (never written so) count as none rather than stopping every send to the key. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
};

export class SendBudgetContendedError extends Error {
  constructor(key: string) {
    super(`send budget for ${key.slice(0, 40)} stayed contended`);
  }
}

export function createSendBudgetRepository(db: Db): SendBudget {
  // Reservations for one key from this process go one at a time, so races are only ever with other instances.
  const queues = new Map<string, Promise<unknown>>();
  return {
    take(key, rules, now) {
      const run = (queues.get(key) ?? Promise.resolve()).then(() => reserve(key, rules, now));
      const settled = run.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return run;
    },
  };

  async function reserve(key: string, rules: BudgetRules, now: Date): Promise<BudgetGrant> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const row = await db.sendBudget.findUnique({ where: { key } });
      const parsed = slotsSchema.safeParse(row ? parseJson(row.slots) : []);
      const state: BudgetState = row ? { slots: parsed.success ? parsed.data : [], day: row.day, dayCount: row.dayCount } : EMPTY_BUDGET;
      const { grant, next } = reserveSlot(state, rules, now.getTime());
      if (!grant.ok) return grant;
      const data = { slots: JSON.stringify(next.slots), day: next.day, dayCount: next.dayCount };
      if (!row) {
        try {
          await db.sendBudget.create({ data: { key, version: 1, ...data } });
          return grant;
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
      }
      const won = await db.sendBudget.updateMany({ where: { key, version: row.version }, data: { ...data, version: row.version + 1 } });
      if (won.count === 1) return grant;
    }
    throw new SendBudgetContendedError(key);
  }
}
