// 微信客服 state: the sync cursor of each kf account, each customer's reply window and their session state.
import type { KfCursors, KfSessions, KfWindows } from '../channels/tencent/tencent-ports.ts';
import type { Db } from './database.ts';

export function createWecomKfCursorRepository(db: Db): KfCursors {
  return {
    async get(openKfId) {
      return (await db.wecomKfCursor.findUnique({ where: { openKfId } }))?.cursor ?? '';
    },
    async set(openKfId, cursor) {
      await db.wecomKfCursor.upsert({ where: { openKfId }, create: { openKfId, cursor }, update: { cursor } });
    },
  };
}

export function createWecomKfWindowRepository(db: Db): KfWindows {
  return {
    get: (id) => db.wecomKfCustomer.findUnique({ where: { id }, select: { windowOpenedAt: true, sentInWindow: true } }),
    async open(id, at) {
      await db.wecomKfCustomer.upsert({ where: { id }, create: { id, windowOpenedAt: at }, update: { windowOpenedAt: at, sentInWindow: 0 } });
    },
    async take(id, openedAt, budget) {
      const won = await db.wecomKfCustomer.updateMany({ where: { id, windowOpenedAt: openedAt, sentInWindow: { lt: budget } }, data: { sentInWindow: { increment: 1 } } });
      return won.count === 1;
    },
  };
}

export function createWecomKfSessionRepository(db: Db): KfSessions {
  return {
    async get(id) {
      const row = await db.wecomKfCustomer.findUnique({ where: { id }, select: { serviceState: true, servicerUserId: true } });
      return row && row.serviceState !== null ? { state: row.serviceState, servicerUserId: row.servicerUserId } : null;
    },
    async set(id, serviceState, servicerUserId) {
      await db.wecomKfCustomer.upsert({ where: { id }, create: { id, serviceState, servicerUserId }, update: { serviceState, servicerUserId } });
    },
  };
}
