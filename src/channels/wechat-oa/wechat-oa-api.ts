// The Official Account's outgoing calls: stable access token (shared by instances, force-refreshed once on 40001/42001/
// 40014), customer-service text (message/custom/send), 订阅通知 (message/subscribe/bizsend) and the JS-SDK's
// jsapi_ticket (ticket/getticket, cached like the token: WeChat limits how often it may be fetched).
import { z } from 'zod';
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import { createTencentApi, TencentApiError, type TencentApiOptions } from '../tencent/tencent-api.ts';
import type { WechatOaSettings } from '../../config/tencent-channel-config.ts';

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const ticketAnswer = z.object({ ticket: z.string().min(1).max(512), expires_in: z.number().int().positive() });

export interface WechatOaApi {
  sendText(openId: string, text: string): Promise<string>;
  sendSubscribeNotice(openId: string, templateId: string, data: Record<string, string>): Promise<string>;
  /** The jsapi_ticket wx.config signatures are made with; fetched again five minutes before it expires. */
  jsapiTicket(): Promise<string>;
}

export function createWechatOaApi(settings: Pick<WechatOaSettings, 'appId' | 'appSecret' | 'apiBase'>, options: Omit<TencentApiOptions, 'base' | 'fetchToken' | 'tokens'> & { sharedTokens?: SharedTokens } = {}): WechatOaApi {
  const api = createTencentApi({
    ...options,
    base: settings.apiBase,
    ...(options.sharedTokens ? { tokens: { store: options.sharedTokens, identity: `wechat-oa-stable|${settings.apiBase}|${settings.appId}|${settings.appSecret}` } } : {}),
    async fetchToken(call, force) {
      const answer = await call('/cgi-bin/stable_token', { method: 'POST', body: { grant_type: 'client_credential', appid: settings.appId, secret: settings.appSecret, force_refresh: force } });
      const parsed = tokenAnswer.safeParse(answer);
      if (answer.errcode !== 0 || !parsed.success) throw new TencentApiError(answer.errcode || -1, '/cgi-bin/stable_token', answer.errmsg || 'no access_token');
      return { token: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
    },
  });
  const now = options.now ?? (() => new Date());
  let ticket: { value: string; until: number } | null = null;
  let pendingTicket: Promise<string> | null = null;
  async function fetchTicket(): Promise<string> {
    const answer = ticketAnswer.safeParse(await api.call('/cgi-bin/ticket/getticket', { method: 'GET', query: { type: 'jsapi' } }));
    if (!answer.success) throw new TencentApiError(-1, '/cgi-bin/ticket/getticket', 'no ticket');
    ticket = { value: answer.data.ticket, until: now().getTime() + Math.max(60, answer.data.expires_in - 300) * 1000 };
    return answer.data.ticket;
  }
  const idOf = (answer: Record<string, unknown>) => (typeof answer.msgid === 'string' || typeof answer.msgid === 'number' ? String(answer.msgid) : '');
  return {
    sendText: async (openId, text) => idOf(await api.call('/cgi-bin/message/custom/send', { method: 'POST', body: { touser: openId, msgtype: 'text', text: { content: text } } })),
    sendSubscribeNotice: async (openId, templateId, data) =>
      idOf(await api.call('/cgi-bin/message/subscribe/bizsend', {
        method: 'POST',
        body: { touser: openId, template_id: templateId, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])) },
      })),
    async jsapiTicket() {
      if (ticket && ticket.until > now().getTime()) return ticket.value;
      pendingTicket ??= fetchTicket().finally(() => { pendingTicket = null; });
      return pendingTicket;
    },
  };
}
