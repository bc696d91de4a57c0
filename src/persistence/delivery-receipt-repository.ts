// Receipts a channel sends after it accepted a message (SMS status reports, 订阅通知 sent events, 微信客服 send
// failures), matched to the outreach task by the channel and the id it gave at send time. A "delivered" receipt is
// noted on the task. A failed one reopens the task in one transaction: its ledger row (the quota count), its
// catalogue record and its day are taken back, and the retry passes that channel over. Each receipt is audited once.
import { z } from 'zod';
import type { Db } from './database.ts';
import { auditRow } from './audit-repository.ts';
import type { DeliveryReceipt, DeliveryReceipts } from '../conversation/ports.ts';

const avoided = z.array(z.string()).catch([]);

/** The channels a task's failed receipts rule out for its retry. */
export function avoidList(json: string | null): string[] {
  if (!json) return [];
  try {
    return avoided.parse(JSON.parse(json));
  } catch {
    return [];
  }
}

export function createDeliveryReceiptRepository(db: Db): DeliveryReceipts {
  return {
    async record(r: DeliveryReceipt) {
      if (r.providerMessageId === '') return 'unknown';
      const details = { channel: r.channel, providerMessageId: r.providerMessageId, delivered: r.delivered, reason: r.reason };
      const audit = (tx: Pick<Db, 'auditEvent'>, action: string, subjectType: string, subjectId: string) =>
        tx.auditEvent.create({ data: { ...auditRow({ actor: `channel:${r.channel}`, action, subjectType, subjectId, details }), at: r.at } });
      const task = await db.outreachTask.findFirst({
        where: { channel: r.channel, receipt: r.providerMessageId },
        orderBy: { doneAt: 'desc' },
        select: { id: true, status: true, receiptStatus: true, avoidChannels: true },
      });
      if (!task) {
        await audit(db, 'delivery.receipt', 'channel_message', `${r.channel}:${r.providerMessageId}`);
        return 'unknown';
      }
      if (task.status !== 'sent' || task.receiptStatus !== null) return 'repeated';
      // Each transaction starts with its conditional write, so a second instance waits for the first and then finds
      // nothing to change (a read first would let two SQLite connections deadlock on the upgrade to a write lock).
      const unchanged = { id: task.id, status: 'sent', receiptStatus: null, avoidChannels: task.avoidChannels };
      if (r.delivered) {
        return db.$transaction(async (tx) => {
          const { count } = await tx.outreachTask.updateMany({ where: unchanged, data: { receiptStatus: 'delivered', receiptAt: r.at } });
          if (count === 0) return 'repeated';
          await audit(tx, 'outreach.receipt_delivered', 'outreach_task', task.id);
          return 'delivered';
        });
      }
      const avoid = [...new Set([...avoidList(task.avoidChannels), r.channel])];
      return db.$transaction(async (tx) => {
        const { count } = await tx.outreachTask.updateMany({
          where: unchanged,
          data: {
            status: 'pending', availableAt: r.at, doneAt: null, attempts: { increment: 1 }, receiptStatus: 'failed', receiptAt: r.at,
            lastError: `${r.channel}:receipt_failed${r.reason ? `:${r.reason.slice(0, 80)}` : ''}`, avoidChannels: JSON.stringify(avoid),
          },
        });
        if (count === 0) return 'repeated';
        await tx.contactRecord.deleteMany({ where: { id: `outreach:${task.id}` } });
        await tx.catalogDelivery.deleteMany({ where: { taskId: task.id } });
        await tx.outreachDailySend.deleteMany({ where: { taskId: task.id } });
        await audit(tx, 'outreach.receipt_failed', 'outreach_task', task.id);
        return 'reopened';
      });
    },
  };
}
