// A decrypted Official Account callback, sorted: text (and a menu click's key) for the conversation engine,
// follow / unfollow, subscription choices for 订阅通知, and anything else (pictures, voice...) to be told
// "please type". Every kind says whether it opens the customer-service window, and which one.
import { z } from 'zod';
import { callbackMessageSchema, messageKeyOf, parseCallbackXml } from '../tencent/callback-xml.ts';
import type { WindowKind } from './oa-capabilities.ts';

const subscribeItem = z.object({ TemplateId: z.string().min(1).max(128), SubscribeStatusString: z.string().max(32) });
const subscribeList = z.union([subscribeItem, z.array(subscribeItem)]).transform((v) => (Array.isArray(v) ? v : [v]));
/** One 订阅通知 sent result (subscribe_msg_sent_event): ErrorCode 0 reached the follower; 43101 they refused it. */
const sentItem = z.object({ TemplateId: z.string().min(1).max(128), MsgID: z.string().min(1).max(64), ErrorCode: z.string().regex(/^\d{1,9}$/), ErrorStatus: z.string().max(64).optional() });
const sentList = z.union([sentItem, z.array(sentItem)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** The follower refused this template's notices (subscribe_msg_sent_event ErrorCode). */
export const NOTICE_REFUSED = '43101';

export type OaInbound = { openId: string; activityId: string; at: Date; window: WindowKind | null } & (
  | { kind: 'text'; text: string }
  | { kind: 'follow' }
  | { kind: 'unfollow' }
  | { kind: 'subscriptions'; choices: { templateId: string; accepted: boolean }[] }
  | { kind: 'notice_results'; results: { templateId: string; msgId: string; errorCode: string; status: string | null }[] }
  | { kind: 'unsupported'; msgType: string }
  | { kind: 'ignored' }
);

export function oaInboundOf(plain: string): OaInbound | null {
  const raw = parseCallbackXml(plain);
  const parsed = callbackMessageSchema.safeParse(raw);
  if (!parsed.success || !raw) return null;
  const m = parsed.data;
  const base = { openId: m.FromUserName, activityId: `wechat-oa:${messageKeyOf(m)}`, at: new Date(Number(m.CreateTime) * 1000) };
  if (m.MsgType === 'text') return { ...base, window: 'message', kind: 'text', text: m.Content ?? '' };
  if (m.MsgType !== 'event') return { ...base, window: 'message', kind: 'unsupported', msgType: m.MsgType };
  switch (m.Event) {
    case 'subscribe':
      return { ...base, window: 'event', kind: 'follow' };
    case 'unsubscribe':
      return { ...base, window: null, kind: 'unfollow' };
    case 'CLICK':
      return { ...base, window: 'event', kind: 'text', text: m.EventKey ?? '' };
    case 'subscribe_msg_popup_event':
    case 'subscribe_msg_change_event': {
      const holder = z.object({ List: subscribeList }).safeParse(raw.SubscribeMsgPopupEvent ?? raw.SubscribeMsgChangeEvent);
      const choices = holder.success ? holder.data.List.map((i) => ({ templateId: i.TemplateId, accepted: i.SubscribeStatusString === 'accept' })) : [];
      return { ...base, window: null, kind: 'subscriptions', choices };
    }
    case 'subscribe_msg_sent_event': {
      const holder = z.object({ List: sentList }).safeParse(raw.SubscribeMsgSentEvent);
      const results = holder.success ? holder.data.List.map((i) => ({ templateId: i.TemplateId, msgId: i.MsgID, errorCode: i.ErrorCode, status: i.ErrorStatus ?? null })) : [];
      return { ...base, window: null, kind: 'notice_results', results };
    }
    case 'SCAN':
    case 'VIEW':
      return { ...base, window: 'event', kind: 'ignored' };
    default:
      return { ...base, window: null, kind: 'ignored' };
  }
}
