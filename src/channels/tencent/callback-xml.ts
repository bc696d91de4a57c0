// Callback XML (outer envelope and decrypted message) parsed with fast-xml-parser into flat string fields and
// checked with zod. Values stay strings (a MsgId exceeds 2^53); entities and DOCTYPEs are not expanded.
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, processEntities: false, htmlEntities: false, trimValues: false, ignoreDeclaration: true, ignorePiTags: true });

const flat = z.record(z.string(), z.unknown());

/** The fields of `<xml>…</xml>`: text children as strings, nested elements kept as objects; null if malformed. */
export function parseCallbackXml(text: string): Record<string, unknown> | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return null;
  try {
    const doc = flat.safeParse(parser.parse(text, true));
    if (!doc.success) return null;
    const root = flat.safeParse(doc.data.xml);
    return root.success ? root.data : null;
  } catch {
    return null;
  }
}

/** `<xml><ToUserName/><Encrypt/>…</xml>`: what arrives before decryption. */
export const envelopeSchema = z.object({ ToUserName: z.string().optional(), Encrypt: z.string().min(1).max(100_000) });

/** The fields decrypted messages and events share; who sent it is added by each kind below. */
const commonFields = {
  ToUserName: z.string().max(128),
  CreateTime: z.string().regex(/^\d{1,12}$/),
  MsgType: z.string().min(1).max(64),
  Content: z.string().max(10_000).optional(),
  MsgId: z.string().max(64).optional(),
  Event: z.string().max(64).optional(),
  EventKey: z.string().max(512).optional(),
  TaskId: z.string().max(256).optional(),
  AgentID: z.string().max(32).optional(),
  /** 微信客服 events: the sync token and the kf account. */
  Token: z.string().max(256).optional(),
  OpenKfId: z.string().max(128).optional(),
};

/** A message or event from someone (a member, a follower), as both platforms send them: FromUserName names them. */
export const callbackMessageSchema = z.object({ ...commonFields, FromUserName: z.string().min(1).max(128) }).passthrough();

/** 微信客服's "new messages to sync" event: Tencent sends no FromUserName (who wrote is only known from kf/sync_msg). */
export const kfEventSchema = z.object({
  ...commonFields,
  FromUserName: z.string().max(128).optional(),
  MsgType: z.literal('event'),
  Event: z.literal('kf_msg_or_event'),
  Token: z.string().min(1).max(256),
  OpenKfId: z.string().min(1).max(128),
}).passthrough();

/** What the WeCom app's callback accepts: a member's message or event, or a 微信客服 event. */
export const wecomCallbackSchema = z.union([callbackMessageSchema, kfEventSchema]);

export type CallbackMessage = z.infer<typeof callbackMessageSchema>;
export type KfEvent = z.infer<typeof kfEventSchema>;

/**
 * Retries carry the same MsgId; events have none, so their sender, time and event name identify them. A kf event
 * names no sender: its sync token (new for each event, the same in Tencent's retries) tells two of a second apart.
 */
export function messageKeyOf(message: CallbackMessage | KfEvent): string {
  if (message.MsgId) return `msg:${message.MsgId}`;
  if (message.Event === 'kf_msg_or_event') return `kf:${message.OpenKfId ?? ''}:${message.CreateTime}:${message.Token ?? ''}`;
  return `event:${message.FromUserName ?? ''}:${message.CreateTime}:${message.Event ?? message.MsgType}:${message.EventKey ?? ''}`;
}
