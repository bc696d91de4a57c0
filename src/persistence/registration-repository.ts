// Registrations and the people behind them. ID and phone numbers are stored encrypted, with a keyed hash
// for finding a person again and masked copies for staff screens. Every change writes its history row.
// The rest of the form (places, wishes, credit promise) goes into Registration.details as validated JSON.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { birthDateAndSexOf, maskIdNumber } from '../domain/identity/id-number.ts';
import { maskMobileNumber } from '../domain/contact/mobile-number.ts';
import type { RegistrationList } from '../caseworker/registration-list.ts';
import { inScope } from './scope-filter.ts';
import { RegistrationDetailsSchema, RegistrationSubmissionSchema, type RegistrationDetails, type RegistrationIntake } from '../conversation/registration-intake.ts';
import { readJsonColumn } from './json-column.ts';
import { maskJsonStrings } from '../logging/mask-json.ts';

export const REGISTRATION_STATUSES = ['pending_review', 'registered', 'rejected', 'withdrawn'] as const;

export type { RegistrationListItem } from '../caseworker/registration-list.ts';

export function createRegistrationRepository(db: Db, cipher: PiiCipher, regionCode: string): RegistrationIntake & RegistrationList & {
} {
  async function findOpen(hash: string) {
    const person = await db.jobSeeker.findUnique({ where: { idNumberHash: hash }, include: { registrations: { where: { status: { in: ['pending_review', 'registered'] } } } } });
    const open = person?.registrations[0];
    return person && open ? { jobSeekerId: person.id, registrationId: open.id, registeredAt: open.registeredAt } : null;
  }

  /** Audited (the attempt is a fact a caseworker may need); the answer to the caller says nothing about the person. */
  async function unverified(conversationKey: string, jobSeekerId: string): Promise<{ unverified: true }> {
    await db.auditEvent.create({ data: auditRow({ actor: 'bot', action: 'registration.refusedUnverified', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { conversationKey } }) });
    return { unverified: true };
  }

  const intake: RegistrationIntake = {
    async submit(request) {
      const s = RegistrationSubmissionSchema.parse(request.submission);
      const hash = cipher.lookupHash(s.idNumber);
      // Knowing an ID number proves nothing: a person on file is only ever touched from a conversation linked
      // to them (their own registration or a verified one-time code). Otherwise nothing is stored or linked.
      const onFile = await db.jobSeeker.findUnique({ where: { idNumberHash: hash }, select: { id: true } });
      if (onFile && onFile.id !== (request.linkedJobSeekerId ?? null)) return unverified(request.conversationKey, onFile.id);
      const open = await findOpen(hash);
      if (open) return { ...open, duplicate: true };
      const registrationId = randomUUID();
      try {
        const jobSeekerId = await db.$transaction(async (tx) => {
          const existing = await tx.jobSeeker.findUnique({ where: { idNumberHash: hash } });
          if (existing && existing.id !== (request.linkedJobSeekerId ?? null)) throw new UnverifiedPerson(existing.id);
          const person = {
            regionCode, name: s.name, idNumberEnc: cipher.encrypt(s.idNumber), idNumberMask: maskIdNumber(s.idNumber),
            phoneEnc: cipher.encrypt(s.phone), phoneHash: cipher.lookupHash(s.phone), phoneMask: maskMobileNumber(s.phone),
            // Registering again is consent given again (the dialog asks it first): an earlier withdrawal ends here.
            locale: request.locale, consentAt: request.at, consentWithdrawnAt: null,
          };
          const id = existing?.id ?? randomUUID();
          if (existing) await tx.jobSeeker.update({ where: { id }, data: person });
          else await tx.jobSeeker.create({ data: { id, idNumberHash: hash, ...person } });
          await tx.registration.create({
            data: {
              id: registrationId, jobSeekerId: id, regionCode, kind: s.kind, status: 'pending_review', registeredAt: request.at, reason: s.reason,
              followUpPreference: s.followUpPreference, hardshipFamily: s.hardshipFamily, details: JSON.stringify(s.details ?? {}),
            },
          });
          await tx.registrationEvent.create({ data: { id: randomUUID(), registrationId, fromStatus: null, toStatus: 'pending_review', actor: 'bot', note: 'submitted in chat' } });
          await tx.channelAddress.upsert({
            where: { channel_userKey: { channel: request.channel, userKey: request.userKey } },
            create: { id: randomUUID(), channel: request.channel, userKey: request.userKey, conversationId: request.conversationKey, reference: request.reference, jobSeekerId: id },
            update: { reference: request.reference, conversationId: request.conversationKey, jobSeekerId: id },
          });
          await tx.auditEvent.create({ data: auditRow({ actor: 'bot', action: 'registration.submitted', subjectType: 'registration', subjectId: registrationId, details: { jobSeekerId: id, kind: s.kind, reason: s.reason, ...(existing?.consentWithdrawnAt ? { consentGivenAgain: true } : {}) } }) });
          return id;
        });
        return { jobSeekerId, registrationId, registeredAt: request.at, duplicate: false };
      } catch (error) {
        if (error instanceof UnverifiedPerson) return unverified(request.conversationKey, error.jobSeekerId);
        const raced = isUniqueViolation(error) ? await findOpen(hash) : null;
        if (raced && raced.jobSeekerId !== (request.linkedJobSeekerId ?? null)) return unverified(request.conversationKey, raced.jobSeekerId);
        if (raced) return { ...raced, duplicate: true };
        throw error;
      }
    },
  };

  return {
    ...intake,
    async listInScope(scope) {
      const rows = await db.registration.findMany({ where: inScope(scope), include: { jobSeeker: true }, orderBy: { registeredAt: 'desc' }, take: 500 });
      return rows.map((r) => {
        // Birth date and sex are not stored in plain text: they are read from the encrypted ID number.
        const person = birthDateAndSexOf(openOrEmpty(cipher, r.jobSeeker.idNumberEnc));
        return {
          id: r.id, kind: r.kind, status: r.status, reason: r.reason, followUpPreference: r.followUpPreference, hardshipFamily: r.hardshipFamily, registeredAt: r.registeredAt.toISOString(), regionCode: r.regionCode,
          name: r.jobSeeker.name, idNumber: r.jobSeeker.idNumberMask, phone: r.jobSeeker.phoneMask, birthDate: person?.birthDate ?? null, sex: person?.sex ?? null,
          details: maskedDetails(r.details),
        };
      });
    },
  };
}

/** The stored form as staff screens show it: free-text answers (skills, wishes) may hold a number someone typed. */
function maskedDetails(text: string): RegistrationDetails {
  const masked = RegistrationDetailsSchema.safeParse(maskJsonStrings(readJsonColumn(RegistrationDetailsSchema, text, {})));
  return masked.success ? masked.data : {};
}

/** The decrypted value, or '' when there is none or it cannot be opened (key rotated, corrupted row). */
function openOrEmpty(cipher: PiiCipher, sealed: string | null): string {
  if (!sealed) return '';
  try {
    return cipher.decrypt(sealed);
  } catch {
    return '';
  }
}

/** Thrown inside the transaction when another instance stored the same ID number for someone else meanwhile. */
class UnverifiedPerson extends Error {
  constructor(readonly jobSeekerId: string) {
    super('ID number on file for a person this conversation is not linked to');
  }
}
