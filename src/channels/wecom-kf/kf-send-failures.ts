// 微信客服 tells, as a kf/sync_msg event (origin 4, msg_send_fail), that a message kf/send_msg had accepted did not
// reach the customer, with the msgid send_msg returned and a reason code (fail_type: 4 the 48-hour session
// expired, 5 the session was closed, 6 over the five-message limit, 10 the customer refused messages, ...).
import { z } from 'zod';
import type { KfMessage } from './kf-api.ts';

const sendFailure = z.object({
  event_type: z.literal('msg_send_fail'),
  fail_msgid: z.string().min(1).max(128),
  fail_type: z.number().int(),
});

/** The failed message's id and why, or null when the message is not a send failure. */
export function sendFailureOf(m: KfMessage): { msgId: string; reason: string } | null {
  if (m.origin !== 4 || m.msgtype !== 'event') return null;
  const parsed = sendFailure.safeParse(m.event);
  return parsed.success ? { msgId: parsed.data.fail_msgid, reason: `fail_type:${parsed.data.fail_type}` } : null;
}
