// Whether the Official Account may message a follower now, from the stored follower state alone (no network):
// inside the customer-service window with budget left, else by an accepted 订阅通知, else not at all.
import type { Reachability } from '../../conversation/ports.ts';
import type { OaFollowers } from '../tencent/tencent-ports.ts';
import { WECHAT_OA_CAPABILITIES, windowIsOpen } from './oa-capabilities.ts';

export function oaReachability(followers: Pick<OaFollowers, 'get'>, subscribeTemplateId: string | null) {
  return async (openId: string, now: Date): Promise<Reachability> => {
    const state = await followers.get(openId);
    if (state && !state.following) return { canSendNow: false, reason: 'unfollowed' };
    if (state?.windowKind && state.windowOpenedAt && windowIsOpen(state.windowKind, state.windowOpenedAt, now)) {
      const window = WECHAT_OA_CAPABILITIES.windows[state.windowKind];
      if (state.sentInWindow < window.budget) return { canSendNow: true, reason: 'in_window', windowEndsAt: new Date(state.windowOpenedAt.getTime() + window.ms) };
    }
    if (subscribeTemplateId && state?.subscriptions.includes(subscribeTemplateId)) return { canSendNow: true, reason: 'subscribed' };
    return { canSendNow: false, reason: 'outside_window' };
  };
}
