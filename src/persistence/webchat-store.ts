// The Direct Line activity stream of the self-hosted web chat, kept in WebchatConversation/WebchatActivity.
// Returns plain objects; the row `seq` is the watermark and the activity id is derived from it.
import { z } from 'zod';
import { maskJsonStrings } from '../logging/mask-json.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import type { Db } from './database.ts';
import { readJsonColumn } from './json-column.ts';
import type { ActivityPage, AppendResult, StoredActivity, WebchatConversationRow, WebchatStore as WebchatStorePort } from '../channels/webchat/webchat-store-port.ts';

export type { ActivityPage, AppendResult, StoredActivity, WebchatConversationRow } from '../channels/webchat/webchat-store-port.ts';

const activityJson = z.record(z.string(), z.unknown());

/** Direct Line style activity id: `<conversationId>|<seq padded to 7>`, so ids sort like the stream. */
export function activityIdOf(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class WebchatStore implements WebchatStorePort {
  private readonly appendListeners = new Set<(conversationId: string) => void>();

  constructor(private readonly prisma: Db) {}

  /** Calls `listener` after each new activity is stored (the WebSocket stream pushes it); returns an unsubscribe. */
  onAppend(listener: (conversationId: string) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  async createConversation(id: string, userId: string): Promise<WebchatConversationRow> {
    return this.prisma.webchatConversation.create({ data: { id, userId } });
  }

  async findConversation(id: string): Promise<WebchatConversationRow | null> {
    return this.prisma.webchatConversation.findUnique({ where: { id } });
  }

  /**
   * Appends one activity. With a clientActivityId, a second append of the same id (a client retry)
   * stores nothing and returns the first row, guarded by the unique (conversationId, clientActivityId) index.
   */
  async appendActivity(
    conversationId: string,
    activity: Record<string, unknown>,
    rawClientActivityId?: string,
  ): Promise<AppendResult> {
    // The client's id is kept (and deduplicated) masked too: the masker is deterministic, so retries still match.
    const clientActivityId = rawClientActivityId === undefined ? undefined : maskPersonalNumbers(rawClientActivityId);
    if (clientActivityId !== undefined) {
      const existing = await this.findByClientId(conversationId, clientActivityId);
      if (existing) return { ...existing, duplicate: true };
    }
    // The stream is kept at rest: ID and phone numbers are stored (and echoed) masked, in every field.
    const body = streamBodyOf(activity);
    try {
      const row = await this.prisma.webchatActivity.create({
        data: { conversationId, clientActivityId: clientActivityId ?? null, activity: JSON.stringify(body) },
      });
      for (const listener of this.appendListeners) listener(conversationId);
      return { seq: row.seq, activity: toActivity(row), duplicate: false };
    } catch (error) {
      // Two retries racing past the lookup: the unique index lets one win; the loser returns the winner.
      if (clientActivityId === undefined) throw error;
      const winner = await this.findByClientId(conversationId, clientActivityId);
      if (!winner) throw error;
      return { ...winner, duplicate: true };
    }
  }

  /** Activities after `watermark` (exclusive), oldest first, at most `limit`. */
  async listActivities(conversationId: string, watermark: number, limit = 500): Promise<ActivityPage> {
    const rows = await this.prisma.webchatActivity.findMany({
      where: { conversationId, seq: { gt: watermark } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
    const last = rows.at(-1);
    return { activities: rows.map(toActivity), watermark: last ? last.seq : watermark };
  }

  async countActivities(conversationId: string): Promise<number> {
    return this.prisma.webchatActivity.count({ where: { conversationId } });
  }

  private async findByClientId(
    conversationId: string,
    clientActivityId: string,
  ): Promise<{ seq: number; activity: StoredActivity } | null> {
    const row = await this.prisma.webchatActivity.findUnique({
      where: { conversationId_clientActivityId: { conversationId, clientActivityId } },
    });
    return row ? { seq: row.seq, activity: toActivity(row) } : null;
  }
}

/** Fields the server sets (ids, envelope, time): kept as they are, so ids never get mangled by the masker. */
const ENVELOPE_FIELDS = new Set(['conversation', 'channelId', 'serviceUrl', 'timestamp', 'replyToId']);

/** The activity without its id, every client-given string (text, value, channelData, entities, ...) masked. */
export function streamBodyOf(activity: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(activity)) {
    if (key === 'id' || key === '__proto__') continue;
    const kept = ENVELOPE_FIELDS.has(key) ? value : key === 'from' || key === 'recipient' ? maskedAccount(value) : maskJsonStrings(value);
    Object.defineProperty(body, key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return body;
}

/** `from` / `recipient`: the id is the server's, the display name may be the client's. */
function maskedAccount(from: unknown): unknown {
  if (from === null || typeof from !== 'object' || Array.isArray(from)) return maskJsonStrings(from);
  return Object.fromEntries(Object.entries(from).map(([k, v]) => [k, k === 'id' || k === 'role' ? v : maskJsonStrings(v)]));
}

/** The seq inside an id made by `activityIdOf`; null for anything else. */
export function seqOfActivityId(activityId: string): number | null {
  const match = /\|(\d{1,15})$/.exec(activityId);
  return match ? Number(match[1]) : null;
}

export function toActivity(row: { seq: number; conversationId: string; activity: string }): StoredActivity {
  const body = readJsonColumn(activityJson, row.activity, {});
  return { ...body, id: activityIdOf(row.conversationId, row.seq) };
}
