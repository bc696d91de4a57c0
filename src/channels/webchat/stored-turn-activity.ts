// The activity a durable turn hands the bot, rebuilt from the stream copy (text and value unsealed): the
// whitelisted client fields plus the envelope the server decided when it acknowledged the message.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { StreamActivity } from './pending-turn-port.ts';

const account = z.object({ id: z.string(), name: z.string().default(''), role: z.string().optional() });

const storedTurnSchema = z.object({
  id: z.string(),
  type: z.string(),
  text: z.string().optional(),
  textFormat: z.string().optional(),
  locale: z.string().optional(),
  name: z.string().optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  attachments: z
    .array(z.object({ contentType: z.string(), contentUrl: z.string().optional(), content: z.unknown().optional(), name: z.string().optional() }))
    .optional(),
  from: account,
  recipient: account,
  conversation: z.object({ id: z.string(), name: z.string().default(''), isGroup: z.boolean().default(false), conversationType: z.string().default('personal') }),
  channelId: z.string(),
  serviceUrl: z.string(),
  timestamp: z.coerce.date().optional(),
});

/** Parses a claimed turn's activity; throws (and the turn is retried later, then set aside) when it is unreadable. */
export function storedTurnActivity(activity: StreamActivity): Partial<Activity> {
  return storedTurnSchema.parse(activity);
}
