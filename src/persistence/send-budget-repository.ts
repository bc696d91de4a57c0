// The send budget every instance shares (SendBudget port): one row per key, each reservation a compare-and-set
// on the row's version (a single conditional UPDATE, atomic on SQLite and PostgreSQL). An instance that loses
// the race reads the row again and reserves after the winner, so together they never exceed the limits.
import { z } from 'zod';
import { EMPTY_BUDGET, reserveSlot, type BudgetState, type SendBudget } from '../channels/send-budget.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './prisma-errors.ts';

const slotsSchema = z.array(z.number());
/** Lost races before giving up; each loss means another instance reserved, so this bounds contention, not time. */
const MAX_ATTEMPTS = 50;

export class SendBudgetContendedError extends Error {
  constructor(key: string) {
    super(`send budget for ${key.slice(0, 40)} stayed contended`);
  }
}

export function createSendBudgetRepository(db: Db): SendBudget {
  return {
    async take(key, rules, now) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const row = await db.sendBudget.findUnique({ where: { key } });
        const parsed = slotsSchema.safeParse(row ? JSON.parse(row.slots) : []);
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
    },
  };
}
