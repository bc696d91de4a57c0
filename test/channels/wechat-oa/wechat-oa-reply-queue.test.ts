// Official Account replies are never lost, against a fake api.weixin.qq.com on loopback with an injected clock and
// a temp SQLite database: a reply WeChat keeps refusing with 45009 waits and goes once when the limit lifts, with
// what came after it behind it; a caseworker's reply after the 48-hour window, to a person who never accepted the
// 订阅通知, waits (sealed) and goes first when they write again, once, in order; a callback whose instance died
// after queuing the reply is answered once by the instance that takes it over.
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TurnContext } from 'botbuilder';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundSender } from '../../../src/channels/outbound-sender.ts';
import { plainSignature } from '../../../src/channels/tencent/callback-crypto.ts';
import { createWechatOaChannel } from '../../../src/channels/wechat-oa/create-wechat-oa-channel.ts';
import { createAuditRepository } from '../../../src/persistence/audit-repository.ts';
import { createChannelInboxRepository } from '../../../src/persistence/channel-inbox-repository.ts';
import { createDeliveryReceiptRepository } from '../../../src/persistence/delivery-receipt-repository.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../../src/persistence/queued-message-repository.ts';
import { createWechatOaFollowerRepository } from '../../../src/persistence/wechat-oa-follower-repository.ts';
import { callbackSigner, textXml } from '../tencent/tencent-callback.ts';
import { startFakeOa, type FakeOa } from './fake-wechat-oa-api.ts';

const APP_ID = 'wx0123456789abcdef';
const TOKEN = 'queueToken1';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const T0 = new Date('2026-06-01T02:00:00Z');
let clock = T0;
const later = (ms: number) => void (clock = new Date(clock.getTime() + ms));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const cipher = createPiiCipher(Buffer.alloc(32, 4));
const signer = callbackSigner({ token: TOKEN, aesKey: AES, receiveId: APP_ID });
let fake: FakeOa;
let db: Database;
const servers: Server[] = [];

type Channel = ReturnType<typeof createWechatOaChannel>;
const echo = async (ctx: TurnContext) => {
  if (ctx.activity.type === 'message') await ctx.sendActivity({ type: 'message', text: `收到：${ctx.activity.text ?? ''}` });
};

/** One instance of the channel on the shared database, its callback served on its own port. */
async function instance(logic = echo): Promise<{ channel: Channel; callback: string }> {
  const channel = createWechatOaChannel({
    settings: { appId: APP_ID, appSecret: 'secret-q', token: TOKEN, aesKey: AES, apiBase: fake.url, subscribeTemplateId: 'tmpl-q', subscribeField: 'thing1', publicUrl: null, jssdkUrl: 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js' },
    inbox: createChannelInboxRepository(db.prisma, cipher),
    followers: createWechatOaFollowerRepository(db.prisma),
    receipts: createDeliveryReceiptRepository(db.prisma),
    queue: createQueuedMessageRepository(db.prisma, cipher),
    audit: createAuditRepository(db.prisma),
    logic, textOnly: '请输入文字', apologyText: '抱歉', logger: quiet, backoffMs: [20, 20, 20], now: () => clock,
  });
  const server = express().use('/cb', channel.router).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return { channel, callback: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb/callback` };
}

async function post(callback: string, xml: string) {
  const timestamp = '1780000000';
  const nonce = '7';
  return signer.post(callback, xml, { timestamp, nonce, extraQuery: { signature: plainSignature(TOKEN, timestamp, nonce), encrypt_type: 'aes' } });
}

const textsTo = (openId: string) => fake.texts.filter((t) => t.touser === openId).map((t) => t.text.content);
const audited = async (action: string, openId: string) =>
  (await db.prisma.auditEvent.findMany({ where: { action, subjectId: openId }, orderBy: { at: 'asc' } })).map((e) => JSON.parse(e.details));

let main: { channel: Channel; callback: string };
/** The person writes to the main instance; resolves once the turn has run. */
async function says(openId: string, text: string, msgId: string) {
  const answer = await post(main.callback, textXml(APP_ID, openId, text, msgId));
  expect([answer.status, answer.text]).toEqual([200, 'success']);
  await main.channel.runner.idle();
  return answer;
}

beforeAll(async () => {
  fake = await startFakeOa(APP_ID, 'secret-q');
  const url = `file:${join(mkdtempSync(join(tmpdir(), 'jyb-oa-queue-')), 'db.sqlite')}`;
  await applyMigrations(url);
  db = openDatabase(url);
  await db.ready;
  main = await instance();
}, 60_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await db?.close();
  await fake?.close();
});

describe('Official Account replies that cannot go now', () => {
  it('45009 on every try: the reply waits with a growing pause, what follows waits behind it, and each goes once when the limit lifts', async () => {
    fake.refuseAll(45009);
    await says('o-rate', '第一句', '9200000000000000001');
    expect(textsTo('o-rate')).toEqual([]);
    expect(await audited('wechat_oa.reply_deferred', 'o-rate')).toEqual([{ errcode: 45009, attempt: 1, retryAt: new Date(clock.getTime() + 30_000).toISOString() }]);

    // Their next message while it waits: its answer queues behind it (nothing overtakes).
    await says('o-rate', '第二句', '9200000000000000002');
    expect(textsTo('o-rate')).toEqual([]);
    expect(await audited('wechat_oa.reply_queued', 'o-rate')).toEqual([{ queued: 1, reason: 'retry' }, { queued: 1, reason: 'in_line' }]);

    // The sweep tries nothing before the pause is over; then once more (refused again: a longer pause).
    const refused = fake.refusals;
    expect(await main.channel.replies.retryDue()).toBe(0);
    expect(fake.refusals).toBe(refused);
    later(31_000);
    expect(await main.channel.replies.retryDue()).toBe(1);
    expect(fake.refusals).toBeGreaterThan(refused);
    expect((await audited('wechat_oa.reply_deferred', 'o-rate')).map((d) => d.attempt)).toEqual([1, 2]);

    fake.refuseAll(null);
    later(121_000);
    await main.channel.replies.retryDue();
    expect(textsTo('o-rate')).toEqual(['收到：第一句', '收到：第二句']);
    later(3_600_000);
    await main.channel.replies.retryDue();
    expect(textsTo('o-rate')).toEqual(['收到：第一句', '收到：第二句']);
    expect((await db.prisma.auditEvent.findMany({ where: { action: 'channel.api_error' } })).map((e) => JSON.parse(e.details).errcode)).toContain(45009);
  });

  it("a caseworker's reply after the window closed, to a person who never subscribed, waits sealed and goes first when they write again, once, in order", async () => {
    await says('o-late', '你好', '9200000000000000011');
    expect(textsTo('o-late')).toEqual(['收到：你好']);
    later(49 * 3_600_000);

    const console = createOutboundSender({ [main.channel.adapter.channelId]: main.channel.adapter });
    const reference = JSON.stringify(main.channel.adapter.referenceFor('o-late'));
    await console.send(reference, { text: '工作人员：请带身份证来窗口。' });
    await console.send(reference, { text: '工作人员：窗口周一至周五开放。' });
    expect(textsTo('o-late')).toEqual(['收到：你好']);
    expect(fake.notices).toEqual([]);
    expect(await audited('wechat_oa.reply_queued', 'o-late')).toEqual([{ queued: 1, reason: 'outside_window' }, { queued: 1, reason: 'outside_window' }]);
    expect(await audited('wechat_oa.undeliverable', 'o-late')).toEqual([]);
    const waiting = await db.prisma.queuedMessage.findMany({ where: { channel: 'wechat-oa', recipient: 'o-late', status: 'pending' } });
    expect(waiting).toHaveLength(2);
    expect(waiting.every((r) => r.sealed !== null && !r.sealed.includes('身份证') && !r.sealed.includes('工作人员'))).toBe(true);
    // No sweep sends them into a closed window.
    later(3_600_000);
    await main.channel.replies.retryDue();
    expect(textsTo('o-late')).toEqual(['收到：你好']);

    const back = await says('o-late', '我来了', '9200000000000000012');
    expect(textsTo('o-late')).toEqual(['收到：你好', '工作人员：请带身份证来窗口。', '工作人员：窗口周一至周五开放。', '收到：我来了']);
    // WeChat's retry of that callback, and a later sweep: nothing again.
    expect((await back.request()).text).toBe('success');
    await main.channel.runner.idle();
    later(3_600_000);
    await main.channel.replies.retryDue();
    expect(textsTo('o-late')).toHaveLength(4);
    expect(await db.prisma.queuedMessage.findMany({ where: { channel: 'wechat-oa', recipient: 'o-late' }, select: { status: true, sealed: true } }))
      .toEqual(Array.from({ length: 4 }, () => ({ status: 'sent', sealed: null })));
  });

  it('a callback whose instance died after queuing its reply (WeChat down) is run again by another instance, and the reply goes once', async () => {
    fake.outage(true);
    // Instance A acknowledges, queues the reply (WeChat answers 503: it waits), then dies before finishing the turn.
    let queued = () => {};
    const dead = await instance(async (ctx) => {
      await echo(ctx);
      queued();
      await new Promise(() => {});
    });
    const stuck = new Promise<void>((resolve) => (queued = resolve));
    const ack = await post(dead.callback, textXml(APP_ID, 'o-crash', '在吗', '9200000000000000021'));
    expect(ack.text).toBe('success');
    await stuck;
    expect(textsTo('o-crash')).toEqual([]);
    expect(await audited('wechat_oa.reply_deferred', 'o-crash')).toEqual([expect.objectContaining({ errcode: -1, attempt: 1 })]);
    fake.outage(false);

    // Instance B: after A's lease it runs the turn again (same replies: nothing queued twice); the retry sends it.
    const taker = await instance();
    later(31_000);
    expect(await taker.channel.runner.sweep()).toBe(1);
    await taker.channel.runner.idle();
    await taker.channel.replies.retryDue();
    expect(textsTo('o-crash')).toEqual(['收到：在吗']);
    later(3_600_000);
    expect(await taker.channel.runner.sweep()).toBe(0);
    await taker.channel.replies.retryDue();
    expect(textsTo('o-crash')).toEqual(['收到：在吗']);
    expect(await db.prisma.queuedMessage.count({ where: { channel: 'wechat-oa', recipient: 'o-crash' } })).toBe(1);
  });
});
