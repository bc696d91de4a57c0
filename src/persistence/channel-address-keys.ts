// A stored channel address as the channels and the engine name it, and when the person last wrote from it.
import type { Db } from './database.ts';

/** The engine's conversation key (`<channel>:<id>`); older rows may hold the bare id. */
export function conversationKeyOf(a: { channel: string; conversationId: string }): string {
  return a.conversationId.startsWith(`${a.channel}:`) ? a.conversationId : `${a.channel}:${a.conversationId}`;
}

/** The channel's own address (web chat: the conversation id; WeChat: the contact or openid). */
export function channelAddressOf(a: { channel: string; conversationId: string }): string {
  return conversationKeyOf(a).slice(a.channel.length + 1);
}

/** When each conversation last had a message from the person (the transcript's inbound rows), in slices. */
export async function lastWrittenAt(db: Db, keys: readonly string[]): Promise<Map<string, Date>> {
  const found = new Map<string, Date>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 400) {
    const rows = await db.transcriptMessage.groupBy({ by: ['conversationKey'], where: { conversationKey: { in: unique.slice(i, i + 400) }, direction: 'in' }, _max: { at: true } });
    for (const row of rows) if (row._max.at) found.set(row.conversationKey, row._max.at);
  }
  return found;
}
