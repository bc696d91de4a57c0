// Requests for hardship recognition (就业困难人员认定) filed by the pre-screen: HandoffCase rows of kind
// `hardship_recognition`. At most one open request per conversation (or person): filing again updates it.
// Each filing writes the audit event `hardship.prescreen_filed` in the same transaction. A person who is not
// linked yet is created from the contact given in the pre-screen (ID and phone encrypted, masks beside them)
// and their address linked; an ID number already on file for someone else is never touched (nothing is kept).
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { maskIdNumber } from '../domain/identity/id-number.ts';
import { maskMobileNumber } from '../domain/contact/mobile-number.ts';
import type { HardshipFiling, HardshipRequestDesk } from '../conversation/ports.ts';

export const HARDSHIP_CASE_KIND = 'hardship_recognition';

class IdOnFileForSomeoneElse extends Error {}

export function createHardshipRequestRepository(db: Db, cipher: PiiCipher, regionCode: string): HardshipRequestDesk {
  type Request = Parameters<HardshipRequestDesk['file']>[0];
  async function fileOnce(request: Request, retried: boolean): Promise<HardshipFiling> {
    const details = JSON.stringify(request.prescreen);
    const { contact } = request;
    try {
      return await db.$transaction(async (tx) => {
        let jobSeekerId = request.jobSeekerId;
        if (!jobSeekerId && contact) {
          const hash = cipher.lookupHash(contact.idNumber);
          const onFile = await tx.jobSeeker.findUnique({ where: { idNumberHash: hash }, select: { id: true } });
          const address = await tx.channelAddress.findUnique({ where: { channel_userKey: { channel: contact.channel, userKey: contact.userKey } }, select: { jobSeekerId: true } });
          if (onFile && onFile.id !== address?.jobSeekerId) throw new IdOnFileForSomeoneElse();
          jobSeekerId = onFile?.id ?? randomUUID();
          if (!onFile) {
            await tx.jobSeeker.create({
              data: {
                id: jobSeekerId, regionCode, name: contact.name, idNumberHash: hash, idNumberEnc: cipher.encrypt(contact.idNumber), idNumberMask: maskIdNumber(contact.idNumber),
                phoneEnc: cipher.encrypt(contact.phone), phoneHash: cipher.lookupHash(contact.phone), phoneMask: maskMobileNumber(contact.phone), locale: contact.locale, consentAt: request.at,
                ...(request.prescreen.categories.length > 0 ? { sensitiveConsentAt: request.at } : {}),
              },
            });
          }
          await tx.channelAddress.upsert({
            where: { channel_userKey: { channel: contact.channel, userKey: contact.userKey } },
            create: { id: randomUUID(), channel: contact.channel, userKey: contact.userKey, conversationId: request.conversationKey, reference: contact.reference, jobSeekerId },
            update: { reference: contact.reference, conversationId: request.conversationKey, jobSeekerId },
          });
        }
        const owners = [{ conversationKey: request.conversationKey }, ...(jobSeekerId ? [{ jobSeekerId }] : [])];
        const open = await tx.handoffCase.findFirst({ where: { kind: HARDSHIP_CASE_KIND, status: 'open', OR: owners }, orderBy: { createdAt: 'desc' } });
        const id = open?.id ?? randomUUID();
        if (open) {
          await tx.handoffCase.update({ where: { id }, data: { reason: request.reason, details, jobSeekerId: open.jobSeekerId ?? jobSeekerId } });
        } else {
          await tx.handoffCase.create({
            data: { id, kind: HARDSHIP_CASE_KIND, status: 'open', conversationKey: request.conversationKey, jobSeekerId, regionCode, reason: request.reason, details, createdAt: request.at },
          });
        }
        const identifiedBy = request.jobSeekerId ? 'linked' : contact ? 'contact_given' : 'none';
        const audit = { pack: request.prescreen.pack, reason: request.reason, created: !open, conversationKey: request.conversationKey, jobSeekerId, identifiedBy };
        await tx.auditEvent.create({ data: auditRow({ actor: 'bot', action: 'hardship.prescreen_filed', subjectType: 'handoff_case', subjectId: id, details: audit }) });
        return { id, created: !open, jobSeekerId };
      });
    } catch (error) {
      if (!(error instanceof IdOnFileForSomeoneElse) && !isUniqueViolation(error)) throw error;
      // Two instances filing the same turn: the other one created the person and linked this address, so the
      // second try finds them as this address's person and updates the same request.
      if (isUniqueViolation(error) && !retried) return fileOnce(request, true);
      await db.auditEvent.create({ data: auditRow({ actor: 'bot', action: 'hardship.refusedUnverified', subjectType: 'conversation', subjectId: request.conversationKey, details: { pack: request.prescreen.pack } }) });
      return { unverified: true };
    }
  }
  return { file: (request) => fileOnce(request, false) };
}
