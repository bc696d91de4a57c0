// Official Account followers: the customer-service window and its budget, following or not, subscriptions.
import { z } from 'zod';
import type { OaFollowers, OaFollowerState } from '../channels/tencent/tencent-ports.ts';
import type { Db } from './database.ts';

const templateIds = z.array(z.string());
const windowKind = z.enum(['message', 'event']).nullable();

export function createWechatOaFollowerRepository(db: Db): OaFollowers {
  const ensure = (openId: string) => db.wechatOaFollower.upsert({ where: { openId }, create: { openId }, update: {} });

  return {
    async get(openId): Promise<OaFollowerState | null> {
      const row = await db.wechatOaFollower.findUnique({ where: { openId } });
      if (!row) return null;
      const parsed = templateIds.safeParse(JSON.parse(row.subscriptions));
      const kind = windowKind.safeParse(row.windowKind);
      return {
        following: row.following,
        windowOpenedAt: row.windowOpenedAt,
        windowKind: kind.success ? kind.data : null,
        sentInWindow: row.sentInWindow,
        subscriptions: parsed.success ? parsed.data : [],
      };
    },
    async openWindow(openId, kind, at) {
      await db.wechatOaFollower.upsert({
        where: { openId },
        create: { openId, windowOpenedAt: at, windowKind: kind, sentInWindow: 0 },
        update: { windowOpenedAt: at, windowKind: kind, sentInWindow: 0 },
      });
    },
    async takeWindowSlot(openId, windowOpenedAt, budget) {
      const won = await db.wechatOaFollower.updateMany({
        where: { openId, windowOpenedAt, sentInWindow: { lt: budget } },
        data: { sentInWindow: { increment: 1 } },
      });
      return won.count === 1;
    },
    async closeWindow(openId, windowOpenedAt) {
      // Only that window: one the person's newer message opened stays open.
      await db.wechatOaFollower.updateMany({ where: { openId, windowOpenedAt }, data: { windowOpenedAt: null, windowKind: null, sentInWindow: 0 } });
    },
    async setFollowing(openId, following) {
      await db.wechatOaFollower.upsert({ where: { openId }, create: { openId, following }, update: { following } });
    },
    async setSubscription(openId, templateId, accepted) {
      const row = await ensure(openId);
      const parsed = templateIds.safeParse(JSON.parse(row.subscriptions));
      const current = new Set(parsed.success ? parsed.data : []);
      if (accepted) current.add(templateId);
      else current.delete(templateId);
      await db.wechatOaFollower.update({ where: { openId }, data: { subscriptions: JSON.stringify([...current]) } });
    },
  };
}
