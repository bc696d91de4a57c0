// A decrypted WeCom callback as a botbuilder activity: text as a message, a template-card button as an event
// carrying its key, anything else as a message of that type without text (answered with "text only").
import type { Activity } from 'botbuilder';
import { callbackMessageSchema, kfEventSchema, messageKeyOf, parseCallbackXml } from '../tencent/callback-xml.ts';

export function wecomActivityOf(plain: string): { userId: string; activity: Partial<Activity> } | null {
  const parsed = callbackMessageSchema.safeParse(parseCallbackXml(plain));
  if (!parsed.success) return null;
  const m = parsed.data;
  const base = { id: `wecom:${messageKeyOf(m)}`, timestamp: new Date(Number(m.CreateTime) * 1000), locale: 'zh-CN' };
  if (m.MsgType === 'event' && m.Event === 'template_card_event') return { userId: m.FromUserName, activity: { ...base, type: 'event', name: 'wecom/card', value: m.EventKey ?? '' } };
  if (m.MsgType === 'event') return { userId: m.FromUserName, activity: { ...base, type: 'event', name: `wecom/${m.Event ?? 'unknown'}` } };
  if (m.MsgType === 'text') return { userId: m.FromUserName, activity: { ...base, type: 'message', text: m.Content ?? '' } };
  return { userId: m.FromUserName, activity: { ...base, type: 'message', text: '', channelData: { msgType: m.MsgType } } };
}

/** A 微信客服 event (new customer messages to sync): its sync token and kf account, else null. */
export function kfEventOf(plain: string): { token: string; openKfId: string } | null {
  const parsed = kfEventSchema.safeParse(parseCallbackXml(plain));
  if (!parsed.success) return null;
  return { token: parsed.data.Token, openKfId: parsed.data.OpenKfId };
}
