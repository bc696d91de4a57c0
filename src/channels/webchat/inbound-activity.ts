// The zod boundary for activities posted by Web Chat / directlinejs: what we keep, what we refuse and why.
// Only whitelisted fields survive; the server, not the client, decides from/recipient/id/timestamp.
import { z } from 'zod';
import { capClientStrings, MAX_TEXT_LENGTH } from './cap-client-strings.ts';
import { TURN_REPLY_KEY_PREFIX } from './pending-turn-port.ts';

export { MAX_TEXT_LENGTH };

/** Activity types handed to the bot (and kept in the stream); any other type is acknowledged, never stored. */
export const BOT_ACTIVITY_TYPES = ['message', 'event', 'conversationUpdate'] as const;

const shortText = z.string().max(200);

export const inboundActivitySchema = z.object({
  type: z.string().min(1).max(64),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  name: shortText.optional(),
  value: z.unknown().optional(),
  from: z.object({ id: shortText.optional(), name: shortText.optional(), role: shortText.optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.looseObject({ type: shortText })).max(20).optional(),
  attachments: z
    .array(z.object({ contentType: shortText, contentUrl: z.string().max(2000).optional(), content: z.unknown().optional(), name: shortText.optional() }))
    .max(10)
    .optional(),
});

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

export type InboundCheck =
  | { ok: true; activity: InboundActivity; clientActivityId?: string; handling: 'bot' | 'ephemeral' }
  | { ok: false; status: 400 | 413; code: string; message: string };

const clientIdSchema = z.string().min(1).max(100).refine((id) => !id.startsWith(TURN_REPLY_KEY_PREFIX), 'reserved prefix');

/**
 * Parses a posted activity. Refuses (413) any string or extra field over its cap (cap-client-strings, checked
 * first), (400) a message with no text and no attachments or value; types the bot does not handle (typing,
 * unknown ones) are acknowledged without being stored, so they cannot fill the database.
 */
export function checkInboundActivity(body: unknown): InboundCheck {
  const refused = capClientStrings(body);
  if (refused) return { ok: false, ...refused };
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') || 'body' : 'body';
    return { ok: false, status: 400, code: 'BadArgument', message: `invalid activity at ${where}: ${first?.message ?? 'unreadable'}` };
  }
  const activity = parsed.data;
  if (activity.type === 'message' && isBlank(activity.text) && !activity.attachments?.length && activity.value === undefined) {
    return { ok: false, status: 400, code: 'EmptyMessage', message: '消息不能为空。A message needs text.' };
  }
  const rawClientId = activity.channelData?.clientActivityID;
  const clientId = clientIdSchema.safeParse(rawClientId);
  if (rawClientId !== undefined && !clientId.success) {
    return { ok: false, status: 400, code: 'BadArgument', message: 'channelData.clientActivityID must be a short string' };
  }
  return {
    ok: true,
    activity,
    clientActivityId: clientId.success ? clientId.data : undefined,
    handling: handlingOf(activity.type),
  };
}

function handlingOf(type: string): 'bot' | 'ephemeral' {
  return includes(BOT_ACTIVITY_TYPES, type) ? 'bot' : 'ephemeral';
}

function includes(list: readonly string[], value: string): boolean {
  return list.includes(value);
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
