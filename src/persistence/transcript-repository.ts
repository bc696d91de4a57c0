// Every message in and out. Texts arrive masked and are masked again here (whatever the caller); an inbound
// activity id is recorded once.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { TranscriptLog } from '../conversation/ports.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';

export function createTranscriptRepository(db: Db): TranscriptLog {
  return {
    async append(entry) {
      try {
        await db.transcriptMessage.create({
          data: { id: randomUUID(), conversationKey: entry.conversationKey, direction: entry.direction, activityId: entry.activityId ?? null, sender: entry.sender, text: maskPersonalNumbers(entry.text) },
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async appendReplies(conversationKey, texts) {
      if (texts.length === 0) return;
      // One statement; each reply a millisecond apart so the order survives "ORDER BY at".
      const now = Date.now();
      await db.transcriptMessage.createMany({ data: texts.map((text, i) => ({ id: randomUUID(), conversationKey, direction: 'out', sender: 'bot', text: maskPersonalNumbers(text), at: new Date(now + i) })) });
    },
    async recent(conversationKey, limit) {
      const rows = await db.transcriptMessage.findMany({ where: { conversationKey }, orderBy: { at: 'desc' }, take: limit, select: { direction: true, text: true, at: true } });
      return rows.reverse().map((r) => ({ direction: r.direction, text: r.text ?? '', at: r.at }));
    },
  };
}
