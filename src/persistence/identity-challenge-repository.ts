// One-time codes that prove a conversation belongs to a person already on file. Only an HMAC of each code is
// stored (key derived from the PII key); tries and the cool-down are rows, so restarts and instances agree.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import type { IdentityChallengeStore } from '../conversation/ports.ts';

export function createIdentityChallengeRepository(db: Db, cipher: PiiCipher): IdentityChallengeStore {
  const key = cipher.deriveSecret('one-time-code');
  const hashOf = (challengeId: string, code: string) => createHmac('sha256', key).update(`${challengeId}:${code}`).digest();

  return {
    async findByIdNumber(idNumber) {
      const person = await db.jobSeeker.findUnique({ where: { idNumberHash: cipher.lookupHash(idNumber) }, select: { id: true, phoneMask: true } });
      return person ? { jobSeekerId: person.id, phoneMask: person.phoneMask } : null;
    },
    async phoneOf(jobSeekerId) {
      const person = await db.jobSeeker.findUnique({ where: { id: jobSeekerId }, select: { phoneEnc: true } });
      return person?.phoneEnc ? cipher.decrypt(person.phoneEnc) : null;
    },
    async sendHistory(jobSeekerId, since, now) {
      const sent = await db.identityChallenge.findMany({ where: { jobSeekerId, sentAt: { gt: since } }, orderBy: { sentAt: 'desc' }, select: { sentAt: true } });
      const lock = await db.identityChallenge.findFirst({ where: { jobSeekerId, lockedUntil: { gt: now } }, orderBy: { lockedUntil: 'desc' }, select: { lockedUntil: true } });
      return { sentAt: sent.map((s) => s.sentAt), lockedUntil: lock?.lockedUntil ?? null };
    },
    async issue(c) {
      const id = randomUUID();
      await db.$transaction([
        db.identityChallenge.updateMany({ where: { jobSeekerId: c.jobSeekerId, channel: c.channel, userKey: c.userKey, status: 'pending' }, data: { status: 'superseded' } }),
        db.identityChallenge.create({
          data: { id, jobSeekerId: c.jobSeekerId, channel: c.channel, userKey: c.userKey, codeHash: hashOf(id, c.code).toString('base64url'), sentAt: c.sentAt, expiresAt: c.expiresAt },
        }),
      ]);
      return { id };
    },
    async pending(jobSeekerId, channel, userKey) {
      const row = await db.identityChallenge.findFirst({ where: { jobSeekerId, channel, userKey, status: 'pending' }, orderBy: { sentAt: 'desc' } });
      return row ? { id: row.id, expiresAt: row.expiresAt, attempts: row.attempts } : null;
    },
    async matches(challengeId, code) {
      const row = await db.identityChallenge.findUnique({ where: { id: challengeId }, select: { codeHash: true } });
      if (!row) return false;
      const stored = Buffer.from(row.codeHash, 'base64url');
      const given = hashOf(challengeId, code);
      return stored.length === given.length && timingSafeEqual(stored, given);
    },
    async recordWrong(challengeId, attemptsBefore, lockedUntil) {
      const { count } = await db.identityChallenge.updateMany({
        where: { id: challengeId, status: 'pending', attempts: attemptsBefore },
        data: { attempts: attemptsBefore + 1, ...(lockedUntil ? { status: 'locked', lockedUntil } : {}) },
      });
      return count === 1;
    },
    async close(challengeId, status) {
      const { count } = await db.identityChallenge.updateMany({ where: { id: challengeId, status: 'pending' }, data: { status } });
      return count === 1;
    },
    async wasVerified(challengeId, jobSeekerId, channel, userKey) {
      return (await db.identityChallenge.count({ where: { id: challengeId, jobSeekerId, channel, userKey, status: 'verified' } })) === 1;
    },
    async linkAddress(link) {
      // The channel a person just proved themselves on is where they are: it becomes their preferred one.
      await db.$transaction([
        db.channelAddress.upsert({
          where: { channel_userKey: { channel: link.channel, userKey: link.userKey } },
          create: { id: randomUUID(), channel: link.channel, userKey: link.userKey, conversationId: link.conversationKey, reference: link.reference, jobSeekerId: link.jobSeekerId },
          update: { reference: link.reference, conversationId: link.conversationKey, jobSeekerId: link.jobSeekerId },
        }),
        db.jobSeeker.update({ where: { id: link.jobSeekerId }, data: { preferredChannel: link.channel } }),
      ]);
    },
  };
}
