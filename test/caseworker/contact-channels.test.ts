// The person file's "联系渠道" lines as a caseworker reads them: in the order outreach tries them, each channel's
// own state in Chinese (or English), the window's end in Beijing time whatever the server's zone, masked
// addresses (never an openid whole), SMS last with the masked phone, and channels this service does not run.
import { describe, expect, it } from 'vitest';
import { describeContactChannels } from '../../src/caseworker/contact-channels.ts';
import type { ContactReach } from '../../src/caseworker/person-file.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { OutboundChannel, Reachability } from '../../src/conversation/ports.ts';

const localizer = createLocalizer(readLocaleResources());
const now = new Date('2026-12-01T06:05:00Z');
const OPENID = 'oAbCdEfGhIjKlMnOpQrStUvWx1a2';

function channel(name: string, reach?: Reachability): OutboundChannel {
  return { channel: name, send: async () => ({ ok: true, providerMessageId: 'x' }), ...(reach ? { reachability: async () => reach } : {}) };
}

const reach: ContactReach = {
  preferredChannel: 'wechat-oa',
  addresses: [
    { channel: 'webchat', address: 'conv-123456', conversationKey: 'webchat:conv-123456', lastWrittenAt: new Date('2026-11-30T01:00:00Z') },
    { channel: 'wechaty', address: 'contact-9876', conversationKey: 'wechaty:contact-9876', lastWrittenAt: null },
    { channel: 'wechat-oa', address: OPENID, conversationKey: `wechat-oa:${OPENID}`, lastWrittenAt: new Date('2026-11-01T01:00:00Z') },
  ],
};

describe('contact channels in the person file', () => {
  it('lists the preferred channel first, each with its state in Chinese, masked, SMS last', async () => {
    const channels = [
      channel('wechat-oa', { canSendNow: true, reason: 'in_window', windowEndsAt: new Date('2026-12-03T06:05:00Z') }),
      channel('webchat', { canSendNow: true, reason: 'always' }),
      channel('sms', { canSendNow: true, reason: 'last_resort' }),
    ];
    const view = await describeContactChannels(reach, '138****5678', channels, now, localizer, 'zh-CN');
    expect(view.preferred).toBe('微信服务号');
    expect(view.channels.map((c) => `${c.text} · ${c.address}`)).toEqual([
      '微信服务号：48小时内可回复，至 12月3日 14:05 · …x1a2',
      '网页聊天：可发送 · …3456',
      '个人微信：本服务未开启此渠道 · …9876',
      '短信：最后手段 · 138****5678',
    ]);
    expect(JSON.stringify(view)).not.toContain(OPENID);
    expect(view.channels.map((c) => c.canSendNow)).toEqual([true, true, false, true]);
  });

  it('says when the Official Account follower unfollowed, in English too', async () => {
    const channels = [channel('wechat-oa', { canSendNow: false, reason: 'unfollowed' }), channel('webchat'), channel('wechaty', { canSendNow: false, reason: 'logged_out' })];
    const zh = await describeContactChannels(reach, null, channels, now, localizer, 'zh-CN');
    expect(zh.channels.map((c) => c.text)).toEqual(['微信服务号：已取消关注', '网页聊天：可发送', '个人微信：微信号未登录，需扫码登录']);
    const en = await describeContactChannels({ ...reach, preferredChannel: null }, null, channels, now, localizer, 'en');
    expect(en.preferred).toBeNull();
    expect(en.channels.map((c) => c.text)).toEqual(['Web chat: can send', 'WeChat Official Account: unfollowed', 'Personal WeChat: WeChat account logged out: scan to log in']);
  });
});
