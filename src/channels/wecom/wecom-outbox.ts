// The WeCom app's messages to caseworkers that must not be lost (new-case cards, what a person says in a case
// they answer): each goes through the message queue under a key per case (or change) and member, so it is
// queued once however many instances or restarts read the change, and sent once; one message/send refuses for
// now (45009, an outage) is tried again after a growing pause, at most WECOM_MAX_ATTEMPTS times, every step
// audited. The queue keeps them sealed: a card names the person.
import { z } from 'zod';
import type { AuditLog } from '../../conversation/ports.ts';
import type { MessageQueue } from '../tencent/message-queue-port.ts';
import { createQueuedSender, UnsendableError } from '../tencent/queued-sender.ts';
import { splitText } from '../split-text.ts';
import { WECOM_CHANNEL_ID, wecomCardSchema } from './wecom-adapter.ts';
import type { WecomApi, WecomCard } from './wecom-api.ts';
import { WECOM_CAPABILITIES } from './wecom-capabilities.ts';

/** Tries of one message (the first and the retries) before it is given up and recorded as failed. */
export const WECOM_MAX_ATTEMPTS = 5;

const queuedSchema = z.union([z.object({ card: wecomCardSchema }), z.object({ text: z.string() })]);

export interface WecomOutboxDeps {
  api: Pick<WecomApi, 'sendCard' | 'sendText'>;
  queue: MessageQueue;
  audit: AuditLog;
  now: () => Date;
  logger: { warn(obj: object, msg?: string): void };
  retryBackoffMs?: readonly number[];
}

export function createWecomOutbox(deps: WecomOutboxDeps) {
  const sender = createQueuedSender({
    channel: WECOM_CHANNEL_ID, queue: deps.queue, now: deps.now, logger: deps.logger, maxAttempts: WECOM_MAX_ATTEMPTS,
    ...(deps.retryBackoffMs ? { retryBackoffMs: deps.retryBackoffMs } : {}),
    record: (userId, event, details) => deps.audit.record({ actor: 'channel:wecom', action: `wecom.message_${event}`, subjectType: 'wecom_member', subjectId: userId, details }),
    async route(userId, body) {
      let raw: unknown;
      try {
        raw = JSON.parse(body);
      } catch {
        throw new UnsendableError('queued WeCom message is not JSON');
      }
      const parsed = queuedSchema.safeParse(raw);
      if (!parsed.success) throw new UnsendableError('queued WeCom message has no card or text');
      return { sent: 'card' in parsed.data ? await deps.api.sendCard(userId, parsed.data.card) : await deps.api.sendText(userId, parsed.data.text) };
    },
  });

  return {
    /** A template card to one member, once per `key`. */
    async sendCard(userId: string, card: WecomCard, key: string): Promise<void> {
      await sender.send(userId, [{ text: JSON.stringify({ card }), dedupeKey: key }]);
    },
    /** Text to one member (split at sentence ends to WeCom's 2048 bytes), once per `key`. */
    async sendText(userId: string, text: string, key: string): Promise<void> {
      await sender.send(userId, splitText(text, WECOM_CAPABILITIES.text.max).map((part, i) => ({ text: JSON.stringify({ text: part }), dedupeKey: i === 0 ? key : `${key}.${i}` })));
    },
    retryDue: sender.retryDue,
    startRetrying: sender.startRetrying,
    idle: sender.idle,
  };
}

export type WecomOutbox = ReturnType<typeof createWecomOutbox>;
