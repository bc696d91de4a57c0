// Sends text to a follower by the Official Account's rules: inside the window and its budget as a
// customer-service message; otherwise (or when WeChat answers 45015 / 45047) as the configured 订阅通知 to a
// follower who accepted it; else it is refused as outside the window. Every attempt's outcome is audited.
import type { AuditLog } from '../../conversation/ports.ts';
import { TencentApiError } from '../tencent/tencent-api.ts';
import type { OaFollowers } from '../tencent/tencent-ports.ts';
import { OA_NOTICE_FIELD_CHARS, WECHAT_OA_CAPABILITIES, windowIsOpen } from './oa-capabilities.ts';
import type { WechatOaApi } from './wechat-oa-api.ts';

/** Out of the 48-hour window, and out of its message budget. */
const WINDOW_ERRORS: readonly number[] = [45015, 45047];

export class OaUndeliverableError extends Error {
  constructor(readonly code: 'unfollowed' | 'outside_window', readonly retryable = false) {
    super(`wechat-oa: ${code}`);
  }
}

export interface OaDeliveryDeps {
  api: WechatOaApi;
  followers: OaFollowers;
  audit: AuditLog;
  subscribeTemplateId: string | null;
  subscribeField: string;
  now?: () => Date;
}

export function createOaDelivery(deps: OaDeliveryDeps) {
  const now = deps.now ?? (() => new Date());
  const record = (openId: string, action: string, details: Record<string, unknown>) =>
    deps.audit.record({ actor: 'channel:wechat-oa', action, subjectType: 'wechat_oa_follower', subjectId: openId, details });

  async function notice(openId: string, text: string, subscriptions: readonly string[]): Promise<string> {
    const template = deps.subscribeTemplateId;
    if (!template || !subscriptions.includes(template)) {
      await record(openId, 'wechat_oa.undeliverable', { reason: 'outside_window' });
      throw new OaUndeliverableError('outside_window');
    }
    const value = [...text.replace(/\s+/g, ' ')].slice(0, OA_NOTICE_FIELD_CHARS).join('');
    const id = await deps.api.sendSubscribeNotice(openId, template, { [deps.subscribeField]: value });
    await record(openId, 'wechat_oa.subscribe_notice_sent', { templateId: template });
    return id;
  }

  return {
    async send(openId: string, text: string): Promise<string> {
      const state = await deps.followers.get(openId);
      if (state && !state.following) throw new OaUndeliverableError('unfollowed');
      const subscriptions = state?.subscriptions ?? [];
      if (state && state.windowOpenedAt && windowIsOpen(state.windowKind, state.windowOpenedAt, now())) {
        const budget = WECHAT_OA_CAPABILITIES.windows[state.windowKind ?? 'event'].budget;
        if (await deps.followers.takeWindowSlot(openId, state.windowOpenedAt, budget)) {
          try {
            return await deps.api.sendText(openId, text);
          } catch (err) {
            if (!(err instanceof TencentApiError) || !WINDOW_ERRORS.includes(err.errcode)) throw err;
          }
        }
      }
      return notice(openId, text, subscriptions);
    },
  };
}

export type OaDelivery = ReturnType<typeof createOaDelivery>;
