// Changes a caseworker makes on the person page that outreach plans from: consent to be contacted, recorded from a
// call or visit, and the place of registration. Each is one transaction with its audit record; the planner sees the
// changed person or registration (updatedAt) and re-plans their open rows on its next tick.
import { randomUUID } from 'node:crypto';
import type { Db } from '../database.ts';
import { inScope } from '../scope-filter.ts';
import { auditRow } from '../audit-repository.ts';
import { restoreConsentIn, withdrawConsentIn } from '../consent-repository.ts';
import { maskPersonalNumbers } from '../../logging/mask-personal-numbers.ts';
import type { PersonFile } from '../../caseworker/person-file.ts';

const OPEN = ['pending_review', 'registered'];

export function createPersonChanges(db: Db): Pick<PersonFile, 'recordConsent' | 'moveRegistration'> {
  return {
    async recordConsent(scope, jobSeekerId, request) {
      const person = await db.jobSeeker.findFirst({ where: { id: jobSeekerId, ...inScope(scope) }, select: { id: true } });
      if (!person) return null;
      const change = { actor: `caseworker:${request.worker.username}`, reason: maskPersonalNumbers(request.reason), at: request.at };
      return db.$transaction(async (tx) => {
        if (!request.withdrawn) return { changed: await restoreConsentIn(tx, jobSeekerId, change), cancelledTasks: 0 };
        const done = await withdrawConsentIn(tx, jobSeekerId, change);
        return { changed: done.withdrawn, cancelledTasks: done.cancelled };
      });
    },

    async moveRegistration(scope, jobSeekerId, request) {
      const actor = `caseworker:${request.worker.username}`;
      const reason = maskPersonalNumbers(request.reason);
      return db.$transaction(async (tx) => {
        const person = await tx.jobSeeker.findFirst({ where: { id: jobSeekerId, ...inScope(scope) }, select: { id: true } });
        if (!person) return { ok: false, reason: 'not_found' };
        // R1.2.1: the latest valid registration is the one served.
        const open = await tx.registration.findFirst({ where: { jobSeekerId, kind: 'unemployment', status: { in: OPEN } }, orderBy: { registeredAt: 'desc' } });
        if (!open) return { ok: false, reason: 'no_open_registration' };
        if (open.regionCode === request.regionCode) return { ok: false, reason: 'same_place' };
        // Conditional on the place it was read with, so two caseworkers moving it at once do not both write history.
        const moved = await tx.registration.updateMany({ where: { id: open.id, regionCode: open.regionCode, status: { in: OPEN } }, data: { regionCode: request.regionCode } });
        if (moved.count !== 1) return { ok: false, reason: 'not_found' };
        await tx.jobSeeker.update({ where: { id: jobSeekerId }, data: { regionCode: request.regionCode } });
        await tx.registrationEvent.create({
          data: { id: randomUUID(), registrationId: open.id, fromStatus: open.status, toStatus: open.status, actor, note: `${open.regionCode} → ${request.regionCode}: ${reason}`, at: request.at },
        });
        await tx.auditEvent.create({
          data: auditRow({ actor, action: 'registration.moved', subjectType: 'registration', subjectId: open.id, details: { jobSeekerId, from: open.regionCode, to: request.regionCode, reason } }),
        });
        return { ok: true, registrationId: open.id, from: open.regionCode, to: request.regionCode };
      });
    },
  };
}
