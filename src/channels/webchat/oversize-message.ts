// A message over the length limit is not a silent "send failed": the post is accepted, a shortened copy is
// kept in the stream (so Web Chat sees its own message come back), and the bot answers with the limit.
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from './inbound-activity.ts';

/** How much of an over-long message the stream keeps, so the person can still see which one it was. */
const KEPT_CHARACTERS = 60;

const oversizeSchema = z.object({
  type: z.literal('message'),
  text: z.string().min(MAX_TEXT_LENGTH + 1),
  locale: z.string().max(35).optional(),
  channelData: z.object({ clientActivityID: z.string().min(1).max(100).optional() }).optional(),
});

export interface OversizeMessage {
  /** What the stream keeps in place of the message (shortened; the store masks numbers). */
  kept: { type: 'message'; text: string; locale?: string; channelData: { clientActivityID?: string; tooLong: { length: number; max: number } } };
  clientActivityId?: string;
  length: number;
  locale?: string;
}

/** The over-long user message in `body`, or undefined when it is not one (then the usual refusal applies). */
export function oversizeMessageOf(body: unknown): OversizeMessage | undefined {
  const parsed = oversizeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { text, locale } = parsed.data;
  const clientActivityId = parsed.data.channelData?.clientActivityID;
  const length = [...text].length;
  return {
    kept: {
      type: 'message',
      text: `${[...text].slice(0, KEPT_CHARACTERS).join('')}…`,
      ...(locale ? { locale } : {}),
      channelData: { ...(clientActivityId ? { clientActivityID: clientActivityId } : {}), tooLong: { length, max: MAX_TEXT_LENGTH } },
    },
    ...(clientActivityId ? { clientActivityId } : {}),
    length,
    ...(locale ? { locale } : {}),
  };
}

/** The bot's answer when no wording is configured (the service passes the locale file's). */
export function defaultTooLongText(_locale: string | undefined, length: number, max: number): string {
  return `消息太长了（${length}字），请不超过${max}字。Please keep messages to ${max} characters.`;
}
