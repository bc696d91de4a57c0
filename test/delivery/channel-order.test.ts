// Which channel a proactive message tries first: the person's preferred channel, then the others by when they last
// wrote from them (ties keep the newest address first), SMS (the phone on file) always last; and each channel's
// own answer to "may I send now" (Official Account window and 订阅通知, 微信客服 window, WeChat login and pace).
import { describe, expect, it } from 'vitest';
import { orderAddresses } from '../../src/delivery/channel-order.ts';
import type { DeliveryAddress } from '../../src/delivery/delivery-ports.ts';
import { oaReachability } from '../../src/channels/wechat-oa/oa-reachability.ts';
import { kfReachability } from '../../src/channels/wecom-kf/kf-reachability.ts';
import { SendPacer } from '../../src/channels/wechat-personal/send-pacer.ts';
import { serviceDateOf } from '../../src/config/service-time-zone.ts';
import type { OaFollowerState } from '../../src/channels/tencent/tencent-ports.ts';

const at = (iso: string) => new Date(iso);
const address = (channel: string, lastWrittenAt: string | null): DeliveryAddress => ({ channel, address: `${channel}-id`, conversationKey: `${channel}:${channel}-id`, lastWrittenAt: lastWrittenAt ? at(lastWrittenAt) : null });

describe('orderAddresses', () => {
  const web = address('webchat', '2026-03-01T02:00:00Z');
  const oa = address('wechat-oa', '2026-03-02T02:00:00Z');
  const wx = address('wechaty', null);
  it.each([
    { name: 'no preference: the channel last written from first', preferred: null, phone: false, addresses: [web, oa, wx], want: ['recent:wechat-oa', 'recent:webchat', 'recent:wechaty'] },
    { name: 'a stated preference comes first even when older', preferred: 'webchat', phone: false, addresses: [oa, web], want: ['preferred:webchat', 'recent:wechat-oa'] },
    { name: 'a preferred channel never written from still comes first', preferred: 'wechaty', phone: true, addresses: [web, oa, wx], want: ['preferred:wechaty', 'recent:wechat-oa', 'recent:webchat', 'last_resort:sms'] },
    { name: 'never written from: the store order (newest address first) stands', preferred: null, phone: false, addresses: [address('wechaty', null), address('webchat', null)], want: ['recent:wechaty', 'recent:webchat'] },
    { name: 'SMS is last even when preferred, and only with a phone on file', preferred: 'sms', phone: true, addresses: [address('sms', '2026-03-03T02:00:00Z'), web], want: ['recent:webchat', 'last_resort:sms'] },
    { name: 'only a phone: SMS alone', preferred: null, phone: true, addresses: [], want: ['last_resort:sms'] },
  ])('$name', ({ preferred, phone, addresses, want }) => {
    expect(orderAddresses({ addresses, preferredChannel: preferred, phoneOnFile: phone }).map((r) => `${r.rank}:${r.to.channel}`)).toEqual(want);
  });
});

describe('Official Account reachability (from the stored follower, no network)', () => {
  const now = at('2026-03-03T02:00:00Z');
  const follower = (over: Partial<OaFollowerState>): OaFollowerState => ({ following: true, windowOpenedAt: null, windowKind: null, sentInWindow: 0, subscriptions: [], ...over });
  it.each([
    { name: 'message window open with budget', state: follower({ windowKind: 'message', windowOpenedAt: at('2026-03-02T02:00:00Z'), sentInWindow: 4 }), want: { canSendNow: true, reason: 'in_window', windowEndsAt: at('2026-03-04T02:00:00Z') } },
    { name: 'window budget used, no subscription', state: follower({ windowKind: 'message', windowOpenedAt: at('2026-03-02T02:00:00Z'), sentInWindow: 5 }), want: { canSendNow: false, reason: 'outside_window' } },
    { name: 'window over 48 hours ago', state: follower({ windowKind: 'message', windowOpenedAt: at('2026-03-01T01:59:00Z') }), want: { canSendNow: false, reason: 'outside_window' } },
    { name: 'outside the window but the notice was accepted', state: follower({ subscriptions: ['tpl-1'] }), want: { canSendNow: true, reason: 'subscribed' } },
    { name: 'unfollowed, even with a window and a subscription', state: follower({ following: false, windowKind: 'message', windowOpenedAt: at('2026-03-03T01:00:00Z'), subscriptions: ['tpl-1'] }), want: { canSendNow: false, reason: 'unfollowed' } },
    { name: 'never seen', state: null, want: { canSendNow: false, reason: 'outside_window' } },
  ])('$name', async ({ state, want }) => {
    const reach = oaReachability({ get: async () => state }, 'tpl-1');
    expect(await reach('openid-1', now)).toEqual(want);
  });
});

describe('微信客服 reachability', () => {
  const now = at('2026-03-03T02:00:00Z');
  it.each([
    { name: 'inside 48 hours with messages left', state: { windowOpenedAt: at('2026-03-02T03:00:00Z'), sentInWindow: 2 }, want: { canSendNow: true, reason: 'in_window', windowEndsAt: at('2026-03-04T03:00:00Z') } },
    { name: 'five messages used', state: { windowOpenedAt: at('2026-03-02T03:00:00Z'), sentInWindow: 5 }, want: { canSendNow: false, reason: 'outside_window' } },
    { name: 'window lapsed', state: { windowOpenedAt: at('2026-03-01T02:00:00Z'), sentInWindow: 0 }, want: { canSendNow: false, reason: 'outside_window' } },
    { name: 'never wrote', state: null, want: { canSendNow: false, reason: 'outside_window' } },
  ])('$name', async ({ state, want }) => {
    expect(await kfReachability({ get: async () => state })('kf|u', now)).toEqual(want);
  });
});

describe('WeChat pacing as reachability', () => {
  it('has room until the day cap is used, and again the next Beijing day', async () => {
    let now = at('2026-03-03T02:00:00Z');
    const pacer = new SendPacer({ minGapMs: 0, dailyCap: 2, clock: () => now, dayOf: serviceDateOf, sleep: async () => undefined });
    expect(pacer.hasRoomOn(now)).toBe(true);
    await pacer.send(async () => 'a');
    await pacer.send(async () => 'b');
    expect(pacer.hasRoomOn(now)).toBe(false);
    now = at('2026-03-03T16:00:00Z'); // 00:00 on 4 March in Beijing
    expect(pacer.hasRoomOn(now)).toBe(true);
  });
});
