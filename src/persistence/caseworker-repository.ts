// Caseworker accounts and their login sessions (only a SHA-256 of each session token is kept). Implements
// the console's AccountStore port; a disabled account's sessions are refused and deleted.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import { readJsonColumn } from './json-column.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { AccountRecord, AccountStore, LoginRecord, NewAccount } from '../caseworker/account-store.ts';
import { isInScope } from '../caseworker/region-scope.ts';
import { CASEWORKER_ROLES, type CaseworkerRole, type CaseworkerSession } from '../caseworker/session-auth.ts';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
const districtsSchema = z.array(z.string().regex(/^\d{6}$/));
const roleSchema = z.enum(CASEWORKER_ROLES);

type Row = Awaited<ReturnType<Db['caseworker']['findFirstOrThrow']>>;

/** A stored role that is not one of ours is read as the least privileged one. */
const roleOf = (value: string): CaseworkerRole => roleSchema.safeParse(value).data ?? 'caseworker';

function recordOf(row: Row): LoginRecord {
  return {
    id: row.id, username: row.username, displayName: row.displayName, regionCode: row.regionCode,
    role: roleOf(row.role), districts: readJsonColumn(districtsSchema, row.districts, []),
    disabledAt: row.disabledAt, createdAt: row.createdAt, passwordHash: row.passwordHash,
  };
}

function publicOf({ passwordHash: _hash, ...account }: LoginRecord): AccountRecord {
  return account;
}

const rowOf = (account: NewAccount) => ({
  id: randomUUID(), username: account.username, displayName: account.displayName, regionCode: account.regionCode,
  role: account.role, districts: JSON.stringify(account.districts), passwordHash: account.passwordHash,
});

export function createCaseworkerRepository(db: Db): AccountStore {
  return {
    async findByUsername(username) {
      const row = await db.caseworker.findUnique({ where: { username } });
      return row ? recordOf(row) : null;
    },
    async findById(id) {
      const row = await db.caseworker.findUnique({ where: { id } });
      return row ? recordOf(row) : null;
    },
    async list(regionCode, scope) {
      const rows = await db.caseworker.findMany({ where: { regionCode }, orderBy: { username: 'asc' }, take: 1000 });
      return rows.map(recordOf).filter((a) => (a.districts.length > 0 ? a.districts : [a.regionCode]).every((d) => isInScope(scope, d))).map(publicOf);
    },
    async create(account, actor) {
      const data = rowOf(account);
      try {
        const row = await db.$transaction(async (tx) => {
          const created = await tx.caseworker.create({ data });
          await tx.auditEvent.create({ data: auditRow({ actor, action: 'account.created', subjectType: 'caseworker', subjectId: created.id, details: { username: account.username, role: account.role, districts: account.districts } }) });
          return created;
        });
        return publicOf(recordOf(row));
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },
    async ensure(account) {
      const existing = await db.caseworker.findUnique({ where: { username: account.username } });
      if (existing) return false;
      await db.caseworker.create({ data: rowOf(account) });
      return true;
    },
    async setDisabled(id, disabled, actor, at) {
      await db.$transaction([
        db.caseworker.update({ where: { id }, data: { disabledAt: disabled ? at : null } }),
        ...(disabled ? [db.caseworkerSession.deleteMany({ where: { caseworkerId: id } })] : []),
        db.auditEvent.create({ data: auditRow({ actor, action: disabled ? 'account.disabled' : 'account.enabled', subjectType: 'caseworker', subjectId: id }) }),
      ]);
    },
    async setPassword(id, passwordHash, actor, at, keepToken) {
      const keep = keepToken ? { tokenHash: { not: tokenHash(keepToken) } } : {};
      await db.$transaction([
        db.caseworker.update({ where: { id }, data: { passwordHash, passwordChangedAt: at } }),
        db.caseworkerSession.deleteMany({ where: { caseworkerId: id, ...keep } }),
        db.auditEvent.create({ data: auditRow({ actor, action: keepToken ? 'account.password_changed' : 'account.password_reset', subjectType: 'caseworker', subjectId: id }) }),
      ]);
    },
    /** Deletes a caseworker and their sessions (the demo accounts when the service runs without --demo). */
    async remove(caseworkerId) {
      await db.$transaction([db.caseworkerSession.deleteMany({ where: { caseworkerId } }), db.caseworker.delete({ where: { id: caseworkerId } })]);
    },
    async openSession(caseworkerId, ttlHours, now) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
      await db.caseworkerSession.create({ data: { tokenHash: tokenHash(token), caseworkerId, expiresAt } });
      return { token, expiresAt };
    },
    async closeSession(token) {
      await db.caseworkerSession.deleteMany({ where: { tokenHash: tokenHash(token) } });
    },
    findSession: (token, now) => findSessionByRef(tokenHash(token), now),
    findSessionByRef: (ref, now) => findSessionByRef(ref, now),
    sessionRefOf: (token) => tokenHash(token),
  };

  async function findSessionByRef(ref: string, now: Date): Promise<CaseworkerSession | null> {
    const session = await db.caseworkerSession.findUnique({ where: { tokenHash: ref }, include: { caseworker: true } });
    if (!session || session.expiresAt <= now || session.caseworker.disabledAt) return null;
    const { id, username, displayName, regionCode, role, districts } = recordOf(session.caseworker);
    return { id, username, displayName, regionCode, role, districts };
  }
}

export type CaseworkerRepository = AccountStore;
