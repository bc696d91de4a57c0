// Assembles the Official Account channel: callback router, adapter running the conversation engine (no
// buttons: numbered lines), follower window and subscriptions, the OutboundChannel for outreach, and the
// 订阅通知 page with the invitation a finished registration ends with. Replies go through the message queue:
// what the window cannot take waits for the person's next message or event (sent first, in order), and what
// WeChat refuses for now (45009, an outage) is tried again by the retry sweep; each step is audited.
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import type { RequestHandler, Router } from 'express';
import type { WechatOaSettings } from '../../config/tencent-channel-config.ts';
import type { AuditLog, DeliveryReceipts, OutboundChannel } from '../../conversation/ports.ts';
import { createCallbackCrypto } from '../tencent/callback-crypto.ts';
import { createInboxRunner } from '../tencent/inbox-runner.ts';
import type { TurnLogic } from '../tencent/tencent-adapter.ts';
import type { MessageQueue } from '../tencent/message-queue-port.ts';
import { createQueuedSender } from '../tencent/queued-sender.ts';
import type { ChannelInbox, OaFollowers } from '../tencent/tencent-ports.ts';
import { WECHAT_OA_CAPABILITIES, WECHAT_OA_CHANNEL_ID } from './oa-capabilities.ts';
import { renderForChannel } from '../render-for-channel.ts';
import { createOaDelivery, OaUndeliverableError } from './oa-delivery.ts';
import { NOTICE_REFUSED, oaInboundOf } from './oa-inbound.ts';
import { oaReachability } from './oa-reachability.ts';
import { createWechatOaApi } from './wechat-oa-api.ts';
import { WechatOaAdapter } from './wechat-oa-adapter.ts';
import { createWechatOaCallbackRouter } from './wechat-oa-callback-router.ts';
import { TencentApiError } from '../tencent/tencent-api.ts';
import { reply, type Reply } from '../../conversation/reply.ts';
import { createSubscribePage, OA_MOUNT, SUBSCRIBE_PATH, type SubscribePageTexts } from './subscribe-page.ts';
import { createSubscribeTokens } from './subscribe-token.ts';

export interface WechatOaChannelDeps {
  settings: WechatOaSettings;
  inbox: ChannelInbox;
  followers: OaFollowers;
  /** Replies waiting for the person's window or a retry (shared with the other Tencent channels). */
  queue: MessageQueue;
  audit: AuditLog;
  /** Where 订阅通知 sent results go (a failed one reopens the outreach task it carried). */
  receipts: DeliveryReceipts;
  /** The conversation engine's turn (createBotLogic with this channel's capabilities). */
  logic: TurnLogic;
  /** "Please type": the answer to pictures, voice and other messages the bot cannot read. */
  textOnly: string;
  apologyText: string;
  logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  /** The 订阅通知 page: its HMAC key (derived from the PII key), its words, and its flood limit; absent: no page, no invitation. */
  subscribePage?: { secret: Buffer; texts: SubscribePageTexts; limit?: RequestHandler };
  leaseMs?: number;
  backoffMs?: readonly number[];
  /** Pauses before queued replies WeChat refused for now are tried again. */
  retryBackoffMs?: readonly number[];
  now?: () => Date;
  /** The access token every instance shares (the database's); in this process when absent. */
  sharedTokens?: SharedTokens;
}

export function createWechatOaChannel(deps: WechatOaChannelDeps) {
  const now = deps.now ?? (() => new Date());
  const { settings } = deps;
  const api = createWechatOaApi(settings, {
    ...(deps.sharedTokens ? { sharedTokens: deps.sharedTokens } : {}),
    ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
    onError: ({ path, errcode, attempt }) =>
      deps.audit.record({ actor: 'channel:wechat-oa', action: 'channel.api_error', subjectType: 'channel', subjectId: WECHAT_OA_CHANNEL_ID, details: { path, errcode, attempt } }),
  });
  const delivery = createOaDelivery({ api, followers: deps.followers, audit: deps.audit, subscribeTemplateId: settings.subscribeTemplateId, subscribeField: settings.subscribeField, now });
  const replies = createQueuedSender({
    channel: WECHAT_OA_CHANNEL_ID, queue: deps.queue, route: delivery.route, now, logger: deps.logger,
    ...(deps.retryBackoffMs ? { retryBackoffMs: deps.retryBackoffMs } : {}),
    record: (openId, event, details) =>
      deps.audit.record({ actor: 'channel:wechat-oa', action: `wechat_oa.reply_${event}`, subjectType: 'wechat_oa_follower', subjectId: openId, details }),
  });
  const adapter = new WechatOaAdapter(replies, { bot: { id: settings.appId, name: '就业帮' }, logger: deps.logger, apologyText: deps.apologyText });
  const say = (text: string): TurnLogic => async (ctx) => void (await ctx.sendActivity({ type: 'message', text }));

  async function run(payload: string): Promise<void> {
    const inbound = oaInboundOf(payload);
    if (!inbound) return;
    const { openId } = inbound;
    if (inbound.window) {
      await deps.followers.openWindow(openId, inbound.window, now());
      // What waited for this window goes first; the answer to this message queues behind anything left.
      await replies.flush(openId).catch((err: unknown) => deps.logger.warn({ err }, 'wechat-oa queued replies not sent'));
    }
    const activity = { id: inbound.activityId, timestamp: inbound.at, locale: 'zh-CN' };
    switch (inbound.kind) {
      case 'text':
        return adapter.processActivity(openId, { ...activity, type: 'message', text: inbound.text.slice(0, 2000) }, deps.logic);
      case 'follow':
        await deps.followers.setFollowing(openId, true);
        return adapter.processActivity(openId, { ...activity, type: 'conversationUpdate' }, deps.logic);
      case 'unfollow':
        await deps.followers.setFollowing(openId, false);
        await deps.audit.record({ actor: 'channel:wechat-oa', action: 'channel.unreachable', subjectType: 'wechat_oa_follower', subjectId: openId, details: { reason: 'unfollowed' } });
        return;
      case 'subscriptions':
        for (const choice of inbound.choices) {
          await deps.followers.setSubscription(openId, choice.templateId, choice.accepted);
          await deps.audit.record({ actor: 'channel:wechat-oa', action: 'wechat_oa.subscription', subjectType: 'wechat_oa_follower', subjectId: openId, details: choice });
        }
        return;
      case 'notice_results':
        for (const result of inbound.results) {
          // A refusal withdraws the follower's acceptance: no more notices of that template until they accept again.
          if (result.errorCode === NOTICE_REFUSED) await deps.followers.setSubscription(openId, result.templateId, false);
          const delivered = result.errorCode === '0';
          await deps.receipts.record({ channel: WECHAT_OA_CHANNEL_ID, providerMessageId: result.msgId, delivered, reason: delivered ? null : `${result.errorCode}${result.status ? ` ${result.status}` : ''}`, at: now() });
        }
        return;
      case 'unsupported':
        return adapter.processActivity(openId, { ...activity, type: 'message', text: '' }, say(deps.textOnly));
      case 'ignored':
        return;
    }
  }

  const runner = createInboxRunner({ inbox: deps.inbox, channel: WECHAT_OA_CHANNEL_ID, leaseMs: deps.leaseMs ?? 30_000, logger: deps.logger, now, run });
  const crypto = createCallbackCrypto({ token: settings.token, aesKey: settings.aesKey, receiveId: settings.appId });
  const router: Router = createWechatOaCallbackRouter({ token: settings.token, crypto, runner, logger: deps.logger });
  const page = deps.subscribePage;
  const tokens = page ? createSubscribeTokens(page.secret, now) : null;
  if (page && tokens) {
    router.use(createSubscribePage({
      appId: settings.appId, templateId: settings.subscribeTemplateId, jssdkUrl: settings.jssdkUrl, publicUrl: settings.publicUrl,
      tokens, jsapiTicket: () => api.jsapiTicket(), texts: page.texts, logger: deps.logger, now, ...(page.limit ? { limit: page.limit } : {}),
    }));
  }

  const tokenFor = (openId: string): string | null => {
    try {
      return tokens?.issue(openId) ?? null;
    } catch {
      return null;
    }
  };
  /** A registration on this channel ends with the link to the 订阅通知 page, when there is a template and a public address. */
  async function registrationFollowOn(openId: string): Promise<Reply[]> {
    if (!settings.subscribeTemplateId || !settings.publicUrl) return [];
    const state = await deps.followers.get(openId);
    if (state?.subscriptions.includes(settings.subscribeTemplateId)) return [];
    const token = tokenFor(openId);
    return token ? [reply('wechatOa.subscribeInvite', { url: `${settings.publicUrl}${OA_MOUNT}${SUBSCRIBE_PATH}?t=${token}` })] : [];
  }

  /** The OutboundChannel port (by openid) for the outreach engine: window first, then the 订阅通知. */
  const outbound: OutboundChannel = {
    channel: WECHAT_OA_CHANNEL_ID,
    reachability: oaReachability(deps.followers, settings.subscribeTemplateId),
    async send(address, message) {
      try {
        const repliesWaiting = await replies.waiting(address);
        let id = '';
        for (const part of renderForChannel([message], WECHAT_OA_CAPABILITIES)) id = await delivery.send(address, part.text, { repliesWaiting });
        return { ok: true, providerMessageId: id };
      } catch (err) {
        if (err instanceof OaUndeliverableError) return { ok: false, retryable: err.retryable, code: err.code };
        if (err instanceof TencentApiError) return { ok: false, retryable: err.retryable, code: String(err.errcode) };
        return { ok: false, retryable: true, code: 'network' };
      }
    },
  };
  return { router, adapter, runner, outbound, replies, registrationFollowOn };
}
