// Tencent access tokens shared by every instance (SharedTokens port). The row key is a keyed hash of the app's
// identity (API base, app id, secret), so the secret is never stored; the token, a credential, is sealed with
// the PII cipher. Claims and fills are conditional on the row's generation (compare-and-set).
import type { SharedTokens } from '../channels/tencent/shared-tokens.ts';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';

export function createAccessTokenRepository(db: Db, cipher: PiiCipher): SharedTokens {
  /** A token sealed under another key (the PII key changed) reads as none: the next claim replaces it. */
  const unsealed = (sealed: string): string | null => {
    try {
      return cipher.decrypt(sealed);
    } catch {
      return null;
    }
  };
  const keyOf = (identity: string) => `tencent-token:${cipher.lookupHash(identity)}`;
  return {
    async read(identity) {
      const row = await db.apiAccessToken.findUnique({ where: { key: keyOf(identity) } });
      if (!row) return null;
      const token = row.sealed === null ? null : unsealed(row.sealed);
      return { generation: row.generation, token, until: row.expiresAt, leaseUntil: row.leaseUntil };
    },
    async claim(identity, generation, leaseUntil) {
      const key = keyOf(identity);
      if (generation === null) {
        try {
          await db.apiAccessToken.create({ data: { key, generation: 1, leaseUntil } });
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      }
      const won = await db.apiAccessToken.updateMany({ where: { key, generation }, data: { generation: generation + 1, leaseUntil } });
      return won.count === 1;
    },
    async fill(identity, generation, token, until) {
      const won = await db.apiAccessToken.updateMany({
        where: { key: keyOf(identity), generation },
        data: { sealed: cipher.encrypt(token), expiresAt: until, leaseUntil: null },
      });
      return won.count === 1;
    },
    async release(identity, generation) {
      await db.apiAccessToken.updateMany({ where: { key: keyOf(identity), generation }, data: { leaseUntil: null } });
    },
  };
}
