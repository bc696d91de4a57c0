// Outreach tasks: obligations to contact someone, each with an idempotency key so planning twice, or on
// two instances at once, creates each task once.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { PlannedTask } from '../scheduler/outreach-ports.ts';

export type { PlannedTask } from '../scheduler/outreach-ports.ts';

export function createOutreachRepository(db: Db) {
  return {
    /** Inserts the tasks that do not exist yet; returns how many were new. */
    async plan(tasks: readonly PlannedTask[]): Promise<number> {
      let created = 0;
      for (const task of tasks) {
        try {
          await db.outreachTask.create({ data: { id: randomUUID(), ...task } });
          created += 1;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return created;
    },
    async listForJobSeeker(jobSeekerId: string) {
      return db.outreachTask.findMany({ where: { jobSeekerId }, orderBy: { dueAt: 'asc' } });
    },
  };
}

export type OutreachRepository = ReturnType<typeof createOutreachRepository>;
