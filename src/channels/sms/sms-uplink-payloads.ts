// The providers' inbound SMS (上行短信) callbacks as zod schemas, each read into one shape: who (a mainland
// number), what they wrote, when, and the id a retry repeats. Tencent Cloud's "SMS Reply" callback is one JSON
// object {mobile, nationcode, text, sign, time, extend} with no message id (the id is a hash of number, time and
// text); Alibaba Cloud's SmsUp HTTP push is a JSON array of {phone_number, content, send_time, dest_code,
// sequence_id, sign_name}, de-duplicated by sequence_id.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseMobileNumber } from '../../domain/contact/mobile-number.ts';

export interface UplinkMessage {
  providerMessageId: string;
  phone: string;
  text: string;
}

export type UplinkParse = { ok: true; messages: UplinkMessage[]; skipped: number } | { ok: false };

/** SMS text longer than this is not a reply a person typed (a long SMS is at most a few hundred characters). */
export const MAX_UPLINK_TEXT = 1000;
const MAX_BATCH = 100;

const tencentReply = z.object({
  mobile: z.string().max(20),
  nationcode: z.string().max(6).optional(),
  text: z.string().max(MAX_UPLINK_TEXT),
  sign: z.string().max(100).optional(),
  time: z.number().int().nonnegative(),
  extend: z.string().max(40).nullish(),
});

const aliyunUp = z.object({
  phone_number: z.string().max(20),
  content: z.string().max(MAX_UPLINK_TEXT),
  send_time: z.string().max(40).optional(),
  dest_code: z.string().max(40).optional(),
  sign_name: z.string().max(100).optional(),
  sequence_id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/)]),
});

/** Mainland numbers only (the channel sends only to them); others are counted as skipped. */
function mainland(raw: string, nationcode = '86'): string | null {
  if (nationcode.replace(/^\+/, '') !== '86') return null;
  const parsed = parseMobileNumber(raw);
  return parsed.valid ? parsed.normalized : null;
}

export function parseTencentUplink(body: unknown): UplinkParse {
  const parsed = z.union([tencentReply, z.array(tencentReply).min(1).max(MAX_BATCH)]).safeParse(body);
  if (!parsed.success) return { ok: false };
  const items = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const messages: UplinkMessage[] = [];
  for (const item of items) {
    const phone = mainland(item.mobile, item.nationcode);
    if (!phone) continue;
    const id = createHash('sha256').update(`${phone}|${item.time}|${item.text}`).digest('base64url').slice(0, 32);
    messages.push({ providerMessageId: id, phone, text: item.text });
  }
  return { ok: true, messages, skipped: items.length - messages.length };
}

export function parseAliyunUplink(body: unknown): UplinkParse {
  const parsed = z.array(aliyunUp).min(1).max(MAX_BATCH).safeParse(body);
  if (!parsed.success) return { ok: false };
  const messages: UplinkMessage[] = [];
  for (const item of parsed.data) {
    const phone = mainland(item.phone_number);
    if (phone) messages.push({ providerMessageId: String(item.sequence_id), phone, text: item.content });
  }
  return { ok: true, messages, skipped: parsed.data.length - messages.length };
}
