// Caseworkers and their login sessions (only a SHA-256 of each bearer token is kept).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import type { CaseworkerAccounts, CaseworkerRecord } from '../caseworker/caseworker-accounts.ts';

export type { CaseworkerRecord } from '../caseworker/caseworker-accounts.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createCaseworkerRepository(db: Db): CaseworkerAccounts {
  return {
    async findByUsername(username: string): Promise<CaseworkerRecord | null> {
      return db.caseworker.findUnique({ where: { username } });
    },
    /** Creates the caseworker unless the username exists; returns whether it was created. */
    async ensure(input: { username: string; displayName: string; regionCode: string; passwordHash: string }): Promise<boolean> {
      const existing = await db.caseworker.findUnique({ where: { username: input.username } });
      if (existing) return false;
      await db.caseworker.create({ data: { id: randomUUID(), ...input } });
      return true;
    },
    /** Deletes a caseworker and their sessions (the demo account when the service runs without --demo). */
    async remove(caseworkerId: string): Promise<void> {
      await db.$transaction([db.caseworkerSession.deleteMany({ where: { caseworkerId } }), db.caseworker.delete({ where: { id: caseworkerId } })]);
    },
    async openSession(caseworkerId: string, ttlHours: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
      await db.caseworkerSession.create({ data: { tokenHash: tokenHash(token), caseworkerId, expiresAt } });
      return { token, expiresAt };
    },
    async findSession(token: string, now: Date): Promise<Omit<CaseworkerRecord, 'passwordHash'> | null> {
      const session = await db.caseworkerSession.findUnique({ where: { tokenHash: tokenHash(token) }, include: { caseworker: true } });
      if (!session || session.expiresAt <= now) return null;
      const { id, username, displayName, regionCode } = session.caseworker;
      return { id, username, displayName, regionCode };
    },
  };
}

export type CaseworkerRepository = ReturnType<typeof createCaseworkerRepository>;
