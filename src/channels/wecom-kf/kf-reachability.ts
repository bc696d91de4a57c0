// Whether 微信客服 may message a customer now, from the stored window alone (no network): only inside the
// 48 hours after their last message, and only while that window's five messages are not used up.
import type { Reachability } from '../../conversation/ports.ts';
import type { KfWindows } from '../tencent/tencent-ports.ts';
import { KF_CAPABILITIES } from './kf-capabilities.ts';

export function kfReachability(windows: Pick<KfWindows, 'get'>) {
  return async (customer: string, now: Date): Promise<Reachability> => {
    const state = await windows.get(customer);
    const openedAt = state?.windowOpenedAt ?? null;
    if (!state || !openedAt || now.getTime() - openedAt.getTime() >= KF_CAPABILITIES.windows.message.ms) return { canSendNow: false, reason: 'outside_window' };
    if (state.sentInWindow >= KF_CAPABILITIES.windows.message.budget) return { canSendNow: false, reason: 'outside_window' };
    return { canSendNow: true, reason: 'in_window', windowEndsAt: new Date(openedAt.getTime() + KF_CAPABILITIES.windows.message.ms) };
  };
}
