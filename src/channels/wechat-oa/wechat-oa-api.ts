// The Official Account's outgoing calls: stable access token (shared by instances, force-refreshed once on
// 40001/42001/40014), customer-service text (message/custom/send) and 订阅通知 (message/subscribe/bizsend).
import { z } from 'zod';
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import { createTencentApi, TencentApiError, type TencentApiOptions } from '../tencent/tencent-api.ts';
import type { WechatOaSettings } from '../../config/tencent-channel-config.ts';

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export interface WechatOaApi {
  sendText(openId: string, text: string): Promise<string>;
  sendSubscribeNotice(openId: string, templateId: string, data: Record<string, string>): Promise<string>;
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
  const idOf = (answer: Record<string, unknown>) => (typeof answer.msgid === 'string' || typeof answer.msgid === 'number' ? String(answer.msgid) : '');
  return {
    sendText: async (openId, text) => idOf(await api.call('/cgi-bin/message/custom/send', { method: 'POST', body: { touser: openId, msgtype: 'text', text: { content: text } } })),
    sendSubscribeNotice: async (openId, templateId, data) =>
      idOf(await api.call('/cgi-bin/message/subscribe/bizsend', {
        method: 'POST',
        body: { touser: openId, template_id: templateId, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])) },
      })),
  };
}
