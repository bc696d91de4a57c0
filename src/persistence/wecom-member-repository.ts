// WeCom members (企业微信 userids) linked to caseworker accounts, and the case each one is answering.
import type { WecomCaseworker, WecomMembers } from '../channels/tencent/tencent-ports.ts';
import { z } from 'zod';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';

const districtsSchema = z.array(z.string().regex(/^\d{6}$/));

export function createWecomMemberRepository(db: Db): WecomMembers {
  async function caseworkerOf(row: { caseworkerId: string; activeCaseId: string | null }): Promise<WecomCaseworker | null> {
    const worker = await db.caseworker.findUnique({ where: { id: row.caseworkerId } });
    // A disabled account acts for nobody, in WeCom as in the console.
    if (!worker || worker.disabledAt !== null) return null;
    return { id: worker.id, username: worker.username, displayName: worker.displayName, regionCode: worker.regionCode, districts: readJsonColumn(districtsSchema, worker.districts, []), activeCaseId: row.activeCaseId };
  }

  return {
    async find(userId) {
      const row = await db.wecomMember.findUnique({ where: { userId } });
      return row ? caseworkerOf(row) : null;
    },
    async all() {
      const rows = await db.wecomMember.findMany({ orderBy: { userId: 'asc' } });
      const found = await Promise.all(rows.map(async (row) => {
        const worker = await caseworkerOf(row);
        return worker ? { ...worker, userId: row.userId } : null;
      }));
      return found.filter((w) => w !== null);
    },
    async link(userId, caseworkerUsername) {
      const worker = await db.caseworker.findUnique({ where: { username: caseworkerUsername } });
      if (!worker) return false;
      await db.$transaction([
        db.wecomMember.deleteMany({ where: { caseworkerId: worker.id, NOT: { userId } } }),
        db.wecomMember.upsert({ where: { userId }, create: { userId, caseworkerId: worker.id }, update: { caseworkerId: worker.id, activeCaseId: null } }),
      ]);
      return true;
    },
    async userIdOf(caseworkerId) {
      const row = await db.wecomMember.findUnique({ where: { caseworkerId } });
      return row && (await caseworkerOf(row)) ? row.userId : null;
    },
    async setActiveCase(userId, caseId) {
      await db.wecomMember.updateMany({ where: { userId }, data: { activeCaseId: caseId } });
    },
  };
}
