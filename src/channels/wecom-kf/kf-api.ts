// 微信客服 (WeCom customer service) calls with the kf secret's token: kf/sync_msg pages, kf/send_msg text, and the
// session state (kf/service_state/get and /trans: who answers the customer, the bot or a human servicer).
import { z } from 'zod';
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import { createTencentApi, TencentApiError, type TencentApiOptions } from '../tencent/tencent-api.ts';

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const kfMessage = z.object({
  msgid: z.string().min(1).max(128),
  open_kfid: z.string().min(1).max(128),
  external_userid: z.string().max(128).optional(),
  send_time: z.number().int(),
  /** 3 = sent by the customer, 4 = system event, 5 = a servicer. */
  origin: z.number().int(),
  /** The servicer's WeCom userid (origin 5 only). */
  servicer_userid: z.string().max(128).optional(),
  msgtype: z.string(),
  text: z.object({ content: z.string().max(10_000) }).optional(),
  /** An event's fields (origin 4), read where they are used (kf-session-events.ts). */
  event: z.unknown().optional(),
}).passthrough();
const syncAnswer = z.object({ next_cursor: z.string().default(''), has_more: z.number().int().default(0), msg_list: z.array(kfMessage).default([]) });

const stateAnswer = z.object({ service_state: z.number().int(), servicer_userid: z.string().optional() }).passthrough();

export type KfMessage = z.infer<typeof kfMessage>;

/** kf session states: 0 new, 1 智能助手 (the API answers), 2 待接入池, 3 人工接待 (a servicer), 4 ended. */
export const KF_SERVICE_STATE = { new: 0, assistant: 1, queued: 2, human: 3, ended: 4 } as const;

export interface KfApi {
  syncMsg(input: { cursor: string; token: string; openKfId: string }): Promise<z.infer<typeof syncAnswer>>;
  sendText(openKfId: string, externalUserId: string, text: string): Promise<string>;
  getServiceState(openKfId: string, externalUserId: string): Promise<{ state: number; servicerUserId: string | null }>;
  /** `servicerUserId` is required for state 3 (a WeCom member who is a servicer of the kf account). */
  transServiceState(openKfId: string, externalUserId: string, state: number, servicerUserId?: string): Promise<void>;
}

export function createKfApi(settings: { corpId: string; kfSecret: string; apiBase: string }, options: Omit<TencentApiOptions, 'base' | 'fetchToken' | 'tokens'> & { sharedTokens?: SharedTokens } = {}): KfApi {
  const api = createTencentApi({
    ...options,
    base: settings.apiBase,
    ...(options.sharedTokens ? { tokens: { store: options.sharedTokens, identity: `wecom|${settings.apiBase}|${settings.corpId}|${settings.kfSecret}` } } : {}),
    async fetchToken(call) {
      const answer = await call('/cgi-bin/gettoken', { method: 'GET', query: { corpid: settings.corpId, corpsecret: settings.kfSecret } });
      const parsed = tokenAnswer.safeParse(answer);
      if (answer.errcode !== 0 || !parsed.success) throw new TencentApiError(answer.errcode || -1, '/cgi-bin/gettoken', answer.errmsg || 'no access_token');
      return { token: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
    },
  });
  return {
    async syncMsg({ cursor, token, openKfId }) {
      const answer = await api.call('/cgi-bin/kf/sync_msg', { method: 'POST', body: { cursor, token, open_kfid: openKfId, limit: 1000 } });
      const parsed = syncAnswer.safeParse(answer);
      if (!parsed.success) throw new TencentApiError(-1, '/cgi-bin/kf/sync_msg', 'unexpected answer');
      return parsed.data;
    },
    async sendText(openKfId, externalUserId, text) {
      const answer = await api.call('/cgi-bin/kf/send_msg', { method: 'POST', body: { touser: externalUserId, open_kfid: openKfId, msgtype: 'text', text: { content: text } } });
      return typeof answer.msgid === 'string' ? answer.msgid : '';
    },
    async getServiceState(openKfId, externalUserId) {
      const answer = await api.call('/cgi-bin/kf/service_state/get', { method: 'POST', body: { open_kfid: openKfId, external_userid: externalUserId } });
      const parsed = stateAnswer.safeParse(answer);
      if (!parsed.success) throw new TencentApiError(-1, '/cgi-bin/kf/service_state/get', 'unexpected answer');
      return { state: parsed.data.service_state, servicerUserId: parsed.data.servicer_userid || null };
    },
    async transServiceState(openKfId, externalUserId, state, servicerUserId) {
      const body = { open_kfid: openKfId, external_userid: externalUserId, service_state: state, ...(servicerUserId ? { servicer_userid: servicerUserId } : {}) };
      await api.call('/cgi-bin/kf/service_state/trans', { method: 'POST', body });
    },
  };
}
