// Conversation state per conversation key; the dialog JSON (which holds answers such as ID numbers before
// submission) is encrypted at rest. Writes are guarded by a version so concurrent instances never clobber.
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { CONVERSATION_MODES, type ConversationMode } from '../conversation/turn-types.ts';
import type { ConversationStore, StoredConversation } from '../conversation/ports.ts';

export function createConversationRepository(db: Db, cipher: PiiCipher): ConversationStore & {
  listByMode(mode: ConversationMode): Promise<string[]>;
} {
  return {
    async load(key): Promise<StoredConversation | null> {
      const row = await db.conversationState.findUnique({ where: { conversationKey: key } });
      if (!row) return null;
      return { mode: toMode(row.mode), state: openState(cipher, row.state), version: row.version };
    },
    async save(key, expectedVersion, next) {
      const state = cipher.encrypt(next.state);
      if (expectedVersion < 0) {
        try {
          await db.conversationState.create({ data: { conversationKey: key, mode: next.mode, state, jobSeekerId: next.jobSeekerId, version: 0 } });
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      }
      const updated = await db.conversationState.updateMany({
        where: { conversationKey: key, version: expectedVersion },
        data: { mode: next.mode, state, jobSeekerId: next.jobSeekerId, version: expectedVersion + 1 },
      });
      return updated.count === 1;
    },
    async setMode(key, mode) {
      await db.conversationState.updateMany({ where: { conversationKey: key }, data: { mode, version: { increment: 1 } } });
    },
    async listByMode(mode) {
      const rows = await db.conversationState.findMany({ where: { mode }, select: { conversationKey: true } });
      return rows.map((r) => r.conversationKey);
    },
  };
}

function toMode(value: string): ConversationMode {
  return CONVERSATION_MODES.find((m) => m === value) ?? 'bot';
}

/** A state that cannot be decrypted (key rotated, corrupted row) is treated as empty, never as a crash. */
function openState(cipher: PiiCipher, sealed: string): string {
  try {
    return sealed.startsWith('v1:') ? cipher.decrypt(sealed) : '{}';
  } catch {
    return '{}';
  }
}
