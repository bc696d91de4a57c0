// The append-only audit trail: every decision, message and staff action. Every audit row, whichever
// repository writes it (often inside its own transaction), is built by `auditRow`, which masks ID and
// phone numbers in the details.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { maskJsonStrings } from '../logging/mask-json.ts';

export interface AuditInput {
  actor: string;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

/** The row for `db.auditEvent.create({ data })` or `tx.auditEvent.create({ data })`. */
export function auditRow(event: AuditInput) {
  return {
    id: randomUUID(),
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    details: JSON.stringify(maskJsonStrings(event.details ?? {})),
  };
}

export function createAuditRepository(db: Db): AuditLog {
  return {
    async record(event) {
      await db.auditEvent.create({ data: auditRow(event) });
    },
  };
}
