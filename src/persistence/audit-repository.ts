// The append-only audit trail: every decision, message and staff action.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';

export function createAuditRepository(db: Db): AuditLog {
  return {
    async record(event) {
      await db.auditEvent.create({
        data: {
          id: randomUUID(),
          actor: event.actor,
          action: event.action,
          subjectType: event.subjectType,
          subjectId: event.subjectId ?? null,
          details: maskPersonalNumbers(JSON.stringify(event.details ?? {})),
        },
      });
    },
  };
}
