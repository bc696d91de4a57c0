// Sends text to a follower by the Official Account's rules: inside the window and its budget as a
// customer-service message; otherwise (or when WeChat answers 45015 / 45047, which closes the window here too)
// as the configured 订阅通知 to a follower who accepted it. Beyond that a conversation reply waits in the queue
// for the person's next message (`route`), and outreach is refused (`send`) so delivery tries another channel.
import type { AuditLog } from '../../conversation/ports.ts';
import type { RouteOutcome } from '../tencent/queued-sender.ts';
import { TencentApiError } from '../tencent/tencent-api.ts';
import type { OaFollowers, OaFollowerState } from '../tencent/tencent-ports.ts';
import { OA_NOTICE_FIELD_CHARS, WECHAT_OA_CAPABILITIES, windowIsOpen } from './oa-capabilities.ts';
import type { WechatOaApi } from './wechat-oa-api.ts';

/** Out of the 48-hour window, and out of its message budget. */
const WINDOW_ERRORS: readonly number[] = [45015, 45047];
/** The person has not accepted (or no longer accepts) the 订阅通知 template. */
const NOT_SUBSCRIBED = 43101;

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
  const template = deps.subscribeTemplateId;
  const record = (openId: string, action: string, details: Record<string, unknown>) =>
    deps.audit.record({ actor: 'channel:wechat-oa', action, subjectType: 'wechat_oa_follower', subjectId: openId, details });

  /** A customer-service message while the window is open with budget; else why not (WeChat's word wins). */
  async function inWindow(openId: string, state: OaFollowerState | null, text: string): Promise<{ sent: string } | 'closed' | 'spent'> {
    if (!state?.windowOpenedAt || !windowIsOpen(state.windowKind, state.windowOpenedAt, now())) return 'closed';
    const budget = WECHAT_OA_CAPABILITIES.windows[state.windowKind ?? 'event'].budget;
    if (!(await deps.followers.takeWindowSlot(openId, state.windowOpenedAt, budget))) return 'spent';
    try {
      return { sent: await deps.api.sendText(openId, text) };
    } catch (err) {
      if (!(err instanceof TencentApiError) || !WINDOW_ERRORS.includes(err.errcode)) throw err;
      await deps.followers.closeWindow(openId, state.windowOpenedAt);
      return err.errcode === 45015 ? 'closed' : 'spent';
    }
  }

  /** The 订阅通知 (its one field holds 20 characters), or null when the person has not accepted it. */
  async function notice(openId: string, text: string, state: OaFollowerState | null): Promise<string | null> {
    if (!template || !state?.subscriptions.includes(template)) return null;
    const value = [...text.replace(/\s+/g, ' ')].slice(0, OA_NOTICE_FIELD_CHARS).join('');
    try {
      const id = await deps.api.sendSubscribeNotice(openId, template, { [deps.subscribeField]: value });
      await record(openId, 'wechat_oa.subscribe_notice_sent', { templateId: template });
      return id;
    } catch (err) {
      if (!(err instanceof TencentApiError) || err.errcode !== NOT_SUBSCRIBED) throw err;
      // A one-time acceptance used up, or withdrawn: known from now on.
      await deps.followers.setSubscription(openId, template, false);
      await record(openId, 'wechat_oa.subscription', { templateId: template, accepted: false, errcode: NOT_SUBSCRIBED });
      return null;
    }
  }

  return {
    /** One queued conversation reply (queued-sender.ts): window, else notice, else it waits for the person's next message. */
    async route(openId: string, text: string): Promise<RouteOutcome> {
      const state = await deps.followers.get(openId);
      if (state && !state.following) return { wait: 'unfollowed' };
      const window = await inWindow(openId, state, text);
      if (typeof window !== 'string') return window;
      const id = await notice(openId, text, state);
      if (id !== null) return { sent: id };
      return { wait: window === 'spent' ? 'budget_used' : 'outside_window' };
    },

    /** Outreach now, never queued: window (unless replies wait before it), else notice; OaUndeliverableError otherwise. */
    async send(openId: string, text: string, options: { repliesWaiting: boolean } = { repliesWaiting: false }): Promise<string> {
      const state = await deps.followers.get(openId);
      if (state && !state.following) throw new OaUndeliverableError('unfollowed');
      const window = options.repliesWaiting ? 'closed' : await inWindow(openId, state, text);
      if (typeof window !== 'string') return window.sent;
      const id = await notice(openId, text, state);
      if (id !== null) return id;
      await record(openId, 'wechat_oa.undeliverable', { reason: 'outside_window' });
      throw new OaUndeliverableError('outside_window');
    },
  };
}

export type OaDelivery = ReturnType<typeof createOaDelivery>;
