// The Official Account's own rules deciding the channel of an outreach message (fake api.weixin.qq.com, the real
// follower store and delivery store on temporary SQLite): a follower who wrote within 48 hours gets it there; one
// whose window has closed (no 订阅通知 accepted) or who unfollowed gets it on web chat instead, with the reason
// kept on the task and in the audit record; WeChat is never called for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWechatOaChannel } from '../../src/channels/wechat-oa/create-wechat-oa-channel.ts';
import { createChannelInboxRepository } from '../../src/persistence/channel-inbox-repository.ts';
import { createDeliveryReceiptRepository } from '../../src/persistence/delivery-receipt-repository.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../src/persistence/queued-message-repository.ts';
import { createWechatOaFollowerRepository } from '../../src/persistence/wechat-oa-follower-repository.ts';
import { startFakeOa, type FakeOa } from '../channels/wechat-oa/fake-wechat-oa-api.ts';
import { beijingAt, loopChannel, openWorld, tickOf, type World } from '../scheduler/outreach-world.ts';

const APP_ID = 'wx0123456789abcdef';
const NOW = beijingAt('2026-03-03', '10:00');
const PEOPLE = [
  { id: 'wrote-today', openId: 'oWroteToday000000000000001', window: beijingAt('2026-03-03', '08:00'), following: true },
  { id: 'wrote-last-week', openId: 'oWroteLastWeek000000000002', window: beijingAt('2026-02-24', '08:00'), following: true },
  { id: 'unfollowed', openId: 'oUnfollowed00000000000003', window: beijingAt('2026-03-03', '08:00'), following: false },
];
let world: World;
let fake: FakeOa;

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'secret-c');
  world = await openWorld();
  const db = world.database.prisma;
  const followers = createWechatOaFollowerRepository(db);
  const registeredAt = beijingAt('2026-03-02', '08:00');
  for (const p of PEOPLE) {
    await db.jobSeeker.create({ data: { id: p.id, regionCode: '440802', consentAt: registeredAt, preferredChannel: 'wechat-oa' } });
    await db.registration.create({ data: { id: `r-${p.id}`, jobSeekerId: p.id, regionCode: '440802', status: 'registered', registeredAt, reason: 'lost_job' } });
    await db.channelAddress.create({ data: { id: `oa-${p.id}`, channel: 'wechat-oa', userKey: p.openId, conversationId: `wechat-oa:${p.openId}`, reference: '{}', jobSeekerId: p.id } });
    await db.channelAddress.create({ data: { id: `web-${p.id}`, channel: 'webchat', userKey: `u-${p.id}`, conversationId: `webchat:c-${p.id}`, reference: '{}', jobSeekerId: p.id } });
    await followers.openWindow(p.openId, 'message', p.window);
    await followers.setFollowing(p.openId, p.following);
  }
}, 60_000);

afterAll(async () => {
  await world?.close();
  await fake?.close();
});

describe('outreach by the Official Account window', () => {
  it('uses the OA inside the window and web chat otherwise, recording why', async () => {
    const db = world.database.prisma;
    const oa = createWechatOaChannel({
      settings: { appId: APP_ID, appSecret: 'secret-c', token: 'tok', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', apiBase: fake.url, subscribeTemplateId: 'tmpl-1', subscribeField: 'thing1', publicUrl: null, jssdkUrl: 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js' },
      inbox: createChannelInboxRepository(db, createPiiCipher(Buffer.alloc(32, 5))), followers: createWechatOaFollowerRepository(db), audit: world.repos.audit, receipts: createDeliveryReceiptRepository(db),
      queue: createQueuedMessageRepository(db, createPiiCipher(Buffer.alloc(32, 5))),
      logic: async () => undefined, textOnly: '请输入文字', apologyText: '抱歉', logger: { info: () => {}, warn: () => {}, error: () => {} }, now: () => NOW,
    });
    const web = loopChannel(() => NOW, 'webchat');
    expect(await tickOf(world, [oa.outbound, web])(NOW)).toMatchObject({ sent: 3, failed: 0 });

    expect(fake.texts.map((t) => t.touser)).toEqual(['oWroteToday000000000000001']);
    expect(fake.texts[0]?.text.content).toContain('您的失业登记已收到');
    expect(fake.notices).toEqual([]);
    expect(web.sent.map((s) => s.address).sort()).toEqual(['c-unfollowed', 'c-wrote-last-week']);
    const rows = await db.outreachTask.findMany({ where: { kind: 'first_contact' }, orderBy: { jobSeekerId: 'asc' }, select: { id: true, jobSeekerId: true, channel: true, chosenBecause: true, skippedChannels: true } });
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      { jobSeekerId: 'unfollowed', channel: 'webchat', chosenBecause: 'recent:always', skippedChannels: '[{"channel":"wechat-oa","reason":"unfollowed"}]' },
      { jobSeekerId: 'wrote-last-week', channel: 'webchat', chosenBecause: 'recent:always', skippedChannels: '[{"channel":"wechat-oa","reason":"outside_window"}]' },
      { jobSeekerId: 'wrote-today', channel: 'wechat-oa', chosenBecause: 'preferred:in_window', skippedChannels: '[]' },
    ]);
    const lastWeek = rows.find((r) => r.jobSeekerId === 'wrote-last-week');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'outreach.sent', subjectId: lastWeek?.id ?? '' } });
    expect(JSON.parse(audit.details)).toMatchObject({ channel: 'webchat', skipped: [{ channel: 'wechat-oa', reason: 'outside_window' }] });
  });
});
