// The WeCom app's outgoing calls: gettoken (cached), message/send as text or a template card, paced per member.
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import { createTencentApi, TencentApiError, type TencentApi, type TencentApiOptions } from '../tencent/tencent-api.ts';
import type { WecomSettings } from '../../config/tencent-channel-config.ts';
import type { SendBudget } from '../send-budget.ts';
import { createMemberPacer, type MemberPacer } from './member-pacer.ts';
import { z } from 'zod';

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

/** A WeCom 按钮交互型 template card: title, description, buttons that call back with their key, and a link. */
export interface WecomCard {
  taskId: string;
  title: string;
  description: string;
  buttons: { text: string; key: string }[];
  link?: { title: string; url: string };
}

export interface WecomApi {
  sendText(userId: string, text: string): Promise<string>;
  sendCard(userId: string, card: WecomCard): Promise<string>;
}

export function createWecomApi(settings: Pick<WecomSettings, 'corpId' | 'secret' | 'agentId' | 'apiBase'>, options: Omit<TencentApiOptions, 'base' | 'fetchToken' | 'tokens'> & { sharedTokens?: SharedTokens } & { pacer?: MemberPacer; sendBudget?: SendBudget } = {}): WecomApi {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pacer = options.pacer ?? createMemberPacer(() => now().getTime(), { ...(options.sendBudget ? { budget: options.sendBudget } : {}), keyPrefix: `wecom-member:${settings.corpId}:${settings.agentId}` });
  const api: TencentApi = createTencentApi({
    ...options,
    base: settings.apiBase,
    ...(options.sharedTokens ? { tokens: { store: options.sharedTokens, identity: `wecom|${settings.apiBase}|${settings.corpId}|${settings.secret}` } } : {}),
    async fetchToken(call) {
      const answer = await call('/cgi-bin/gettoken', { method: 'GET', query: { corpid: settings.corpId, corpsecret: settings.secret } });
      const parsed = tokenAnswer.safeParse(answer);
      if (answer.errcode !== 0 || !parsed.success) throw new TencentApiError(answer.errcode || -1, '/cgi-bin/gettoken', answer.errmsg || 'no access_token');
      return { token: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
    },
  });

  async function send(userId: string, body: Record<string, unknown>): Promise<string> {
    const wait = await pacer.reserve(userId);
    if (wait > 0) await sleep(wait);
    const answer = await api.call('/cgi-bin/message/send', { method: 'POST', body: { touser: userId, agentid: settings.agentId, ...body } });
    return typeof answer.msgid === 'string' ? answer.msgid : '';
  }

  return {
    sendText: (userId, text) => send(userId, { msgtype: 'text', text: { content: text }, safe: 0 }),
    sendCard: (userId, card) =>
      send(userId, {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: card.title.slice(0, 26), desc: card.description.slice(0, 30) },
          sub_title_text: card.description.slice(0, 112),
          task_id: card.taskId,
          button_list: card.buttons.map((b) => ({ text: b.text, style: 1, key: b.key })),
          ...(card.link ? { jump_list: [{ type: 1, title: card.link.title, url: card.link.url }], card_action: { type: 1, url: card.link.url } } : { card_action: { type: 0 } }),
        },
      }),
  };
}
