// The PersonFile port: one person within a caseworker's scope with everything a caseworker needs on one screen. Numbers leave
// masked; `reveal` decrypts one and writes the audit record (with the reason) before returning it.
import { z } from 'zod';
import type { Db } from '../database.ts';
import { inScope } from '../scope-filter.ts';
import type { AccessScope } from '../../caseworker/region-scope.ts';
import type { PiiCipher } from '../pii-cipher.ts';
import { auditRow } from '../audit-repository.ts';
import { readJsonColumn } from '../json-column.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { uuidFrom } from '../derived-id.ts';
import { createContactLedgerRepository } from '../contact-ledger-repository.ts';
import { CASEWORKER_CONTACT } from '../../scheduler/logged-contacts.ts';
import { HARDSHIP_CASE_KIND } from '../hardship-request-repository.ts';
import { hardshipViewsOf } from './hardship-reviews.ts';
import { maskedPersonSelect, nameOfActor, OPEN_CASE_STATUSES } from './review-rows.ts';
import { maskPersonalNumbers } from '../../logging/mask-personal-numbers.ts';
import { channelAddressOf, conversationKeyOf, lastWrittenAt } from '../channel-address-keys.ts';
import type { PersonFile } from '../../caseworker/person-file.ts';
import { createPersonChanges } from './person-changes.ts';

export const CIVIL_AFFAIRS_REFERRAL_KIND = 'civil_affairs_referral';
const TRANSCRIPT_LIMIT = 100;
/** About two years of rows (first contact, monthly check-ins, the yearly quota). */
const OUTREACH_LIMIT = 50;

const creditPromiseSchema = z.object({
  creditPromise: z.object({ promisedOn: z.string(), dueBy: z.string(), provisional: z.boolean(), source: z.string() }).nullable().optional(),
});
const kindsSchema = z.array(z.string());

export function createPersonFileRepository(db: Db, cipher: PiiCipher): PersonFile {
  const ledger = createContactLedgerRepository(db);
  const findPerson = (scope: AccessScope, jobSeekerId: string) => db.jobSeeker.findFirst({ where: { id: jobSeekerId, ...inScope(scope) } });
  const names = new Map<string, Promise<string>>();
  const nameOf = (actor: string) => names.get(actor) ?? names.set(actor, nameOfActor(db, actor)).get(actor) ?? Promise.resolve(actor);

  return {
    ...createPersonChanges(db),
    async profile(scope, jobSeekerId) {
      const person = await findPerson(scope, jobSeekerId);
      if (!person) return null;
      const [registrations, contacts, hardshipRows, cases, addresses, tasks] = await Promise.all([
        db.registration.findMany({ where: { jobSeekerId }, include: { history: { orderBy: { at: 'asc' } } }, orderBy: { registeredAt: 'desc' } }),
        db.contactRecord.findMany({ where: { jobSeekerId }, orderBy: { at: 'asc' } }),
        db.handoffCase.findMany({ where: { jobSeekerId, kind: HARDSHIP_CASE_KIND }, include: { jobSeeker: maskedPersonSelect }, orderBy: { createdAt: 'desc' } }),
        db.handoffCase.findMany({ where: { jobSeekerId, status: { in: OPEN_CASE_STATUSES } }, orderBy: { createdAt: 'asc' } }),
        db.channelAddress.findMany({ where: { jobSeekerId }, select: { channel: true, conversationId: true }, orderBy: { updatedAt: 'desc' } }),
        db.outreachTask.findMany({
          where: { jobSeekerId, status: { not: 'cancelled' } }, orderBy: [{ dueAt: 'desc' }, { id: 'asc' }], take: OUTREACH_LIMIT,
          select: { id: true, kind: true, status: true, dueAt: true, availableAt: true, attempts: true, lastError: true, clause: true },
        }),
      ]);
      const keys = [...new Set([...addresses.map((a) => a.conversationId), ...cases.map((c) => c.conversationKey)])];
      const written = await lastWrittenAt(db, addresses.map((a) => conversationKeyOf(a)));
      const transcript = keys.length === 0 ? [] : await db.transcriptMessage.findMany({ where: { conversationKey: { in: keys } }, orderBy: { at: 'desc' }, take: TRANSCRIPT_LIMIT });
      return {
        jobSeekerId: person.id, regionCode: person.regionCode, name: person.name, idNumber: person.idNumberMask, phone: person.phoneMask, locale: person.locale, createdAt: person.createdAt,
        consentWithdrawnAt: person.consentWithdrawnAt,
        registrations: await Promise.all(registrations.map(async (r) => ({
          id: r.id, kind: r.kind, status: r.status, reason: r.reason, regionCode: r.regionCode, registeredAt: r.registeredAt, hardshipFamily: r.hardshipFamily,
          creditPromise: readJsonColumn(creditPromiseSchema, r.details, {}).creditPromise ?? null,
          hardshipConfirmedAt: r.hardshipConfirmedAt, exitReportedAt: r.exitReportedAt,
          history: await Promise.all(r.history.map(async (h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, by: await nameOf(h.actor), note: h.note, at: h.at }))),
        }))),
        ledger: await Promise.all(contacts.map(async (c) => ({
          id: c.id, at: c.at, kind: c.kind, channel: c.channel, outcome: c.outcome, serviceKinds: readJsonColumn(kindsSchema, c.serviceKinds, []), notes: c.notes, by: await nameOf(c.actor),
        }))),
        hardship: await hardshipViewsOf(db, hardshipRows),
        openCases: cases.map((c) => ({ id: c.id, kind: c.kind, reason: c.reason, status: c.status, openedAt: c.createdAt })),
        transcript: transcript.reverse().map((m) => ({ direction: m.direction, sender: m.sender, text: m.text ?? '', at: m.at })),
        contactReach: {
          preferredChannel: person.preferredChannel,
          addresses: addresses.map((a) => ({ channel: a.channel, address: channelAddressOf(a), conversationKey: conversationKeyOf(a), lastWrittenAt: written.get(conversationKeyOf(a)) ?? null })),
        },
        outreach: tasks.reverse(),
      };
    },

    async reveal(scope, jobSeekerId, request) {
      const person = await findPerson(scope, jobSeekerId);
      if (!person) return undefined;
      const sealed = request.field === 'idNumber' ? person.idNumberEnc : person.phoneEnc;
      await db.auditEvent.create({
        data: auditRow({ actor: `caseworker:${request.worker.username}`, action: 'person.revealed', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { field: request.field, reason: request.reason } }),
      });
      return sealed ? cipher.decrypt(sealed) : null;
    },

    async logContact(scope, jobSeekerId, entry) {
      const person = await findPerson(scope, jobSeekerId);
      if (!person) return null;
      const open = await db.registration.findFirst({ where: { jobSeekerId, status: { in: ['pending_review', 'registered'] } }, orderBy: { registeredAt: 'desc' }, select: { id: true } });
      const notes = maskPersonalNumbers(entry.content);
      const logged = await ledger.record({
        jobSeekerId, registrationId: open?.id ?? null, kind: CASEWORKER_CONTACT, channel: entry.way, outcome: entry.outcome,
        serviceKinds: entry.serviceKinds, notes, actor: `caseworker:${entry.worker.username}`, at: entry.at,
      });
      // The person changed for the planner: the next tick re-plans them and drops what this contact already gave
      // (after the ledger row, so a tick in between cannot plan without it and then miss the change).
      await db.jobSeeker.update({ where: { id: jobSeekerId }, data: { updatedAt: new Date() } });
      return logged;
    },

    async setHardshipFamily(scope, jobSeekerId, change) {
      if (!(await findPerson(scope, jobSeekerId))) return null;
      const where = { jobSeekerId, kind: 'unemployment', reason: 'graduated', status: { in: ['pending_review', 'registered'] }, ...inScope(scope) };
      const found = await db.registration.findFirst({ where, orderBy: { registeredAt: 'desc' }, select: { id: true, hardshipFamily: true } });
      if (!found) return { applicable: false };
      if (found.hardshipFamily === change.hardshipFamily) return { applicable: true, registrationId: found.id, changed: false };
      await db.$transaction(async (tx) => {
        await tx.registration.update({ where: { id: found.id }, data: { hardshipFamily: change.hardshipFamily } });
        await tx.auditEvent.create({
          data: auditRow({ actor: `caseworker:${change.worker.username}`, action: 'registration.hardship_family', subjectType: 'registration', subjectId: found.id, details: { hardshipFamily: change.hardshipFamily, note: maskPersonalNumbers(change.note) } }),
        });
      });
      return { applicable: true, registrationId: found.id, changed: true };
    },

    async referToCivilAffairs(scope, jobSeekerId, request) {
      const person = await findPerson(scope, jobSeekerId);
      if (!person) return null;
      const reason = maskPersonalNumbers(request.reason);
      const actor = `caseworker:${request.worker.username}`;
      const openOne = () => db.handoffCase.findFirst({ where: { jobSeekerId, kind: CIVIL_AFFAIRS_REFERRAL_KIND, status: { in: OPEN_CASE_STATUSES } }, select: { id: true } });
      const open = await openOne();
      if (open) return { caseId: open.id, created: false };
      // The id is derived from the person and how many referrals came before, so two simultaneous requests
      // (two caseworkers, two instances) try to create the same row and only one succeeds.
      const earlier = await db.handoffCase.count({ where: { jobSeekerId, kind: CIVIL_AFFAIRS_REFERRAL_KIND } });
      const caseId = uuidFrom(`${CIVIL_AFFAIRS_REFERRAL_KIND}:${jobSeekerId}:${earlier}`);
      const address = await db.channelAddress.findFirst({ where: { jobSeekerId }, orderBy: { updatedAt: 'desc' }, select: { conversationId: true } });
      try {
        await db.$transaction(async (tx) => {
          await tx.handoffCase.create({
            data: {
              id: caseId, kind: CIVIL_AFFAIRS_REFERRAL_KIND, status: 'open', jobSeekerId, regionCode: person.regionCode, conversationKey: address?.conversationId ?? `person:${jobSeekerId}`,
              reason, details: JSON.stringify({ clause: request.clause, referredBy: actor }), createdAt: request.at,
            },
          });
          await tx.auditEvent.create({ data: auditRow({ actor, action: 'civil_affairs.referred', subjectType: 'handoff_case', subjectId: caseId, details: { jobSeekerId, reason, clause: request.clause } }) });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { caseId: (await openOne())?.id ?? caseId, created: false };
      }
      return { caseId, created: true };
    },
  };
}
