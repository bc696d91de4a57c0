// Starts the Tencent channels that are configured (WeCom app for caseworkers; the Official Account joins
// here): their callback routers for the HTTP app, the sweeps that run callbacks a crash left, and a stop.
import type { RequestHandler, Router } from 'express';
import type { AppConfig } from '../config/app-config.ts';
import { wechatOaSettingsOf, wecomSettingsOf } from '../config/tencent-channel-config.ts';
import type { CaseActions } from '../caseworker/case-actions.ts';
import type { CaseDesk } from '../caseworker/case-desk.ts';
import type { CaseHandover } from '../caseworker/case-handover.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog, DeliveryReceipts, OutboundChannel, TranscriptLog } from '../conversation/ports.ts';
import type { Reply } from '../conversation/reply.ts';
import type { ConversationEngine } from '../conversation/conversation-engine.ts';
import { createBotLogic } from './bot-bridge.ts';
import type { SendBudget } from './send-budget.ts';
import type { SharedTokens } from './tencent/shared-tokens.ts';
import type { TencentAdapter } from './tencent/tencent-adapter.ts';
import { WECHAT_OA_CAPABILITIES } from './wechat-oa/oa-capabilities.ts';
import { createWechatOaChannel } from './wechat-oa/create-wechat-oa-channel.ts';
import type { SubscribePageTexts } from './wechat-oa/subscribe-page.ts';
import type { ChannelInbox, KfCursors, KfSessions, KfWindows, OaFollowers, WecomMembers } from './tencent/tencent-ports.ts';
import { createWecomKfChannel } from './wecom-kf/create-wecom-kf-channel.ts';
import type { MessageQueue } from './tencent/message-queue-port.ts';
import { KF_CAPABILITIES } from './wecom-kf/kf-capabilities.ts';
import { createWecomChannel } from './wecom/create-wecom-channel.ts';

export interface TencentChannelsDeps {
  config: AppConfig;
  logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  localizer: Pick<Localizer, 't'>;
  audit: AuditLog;
  /** Where the channels' later reports on sent messages go (订阅通知 results, 微信客服 send failures). */
  receipts: DeliveryReceipts;
  desk: Pick<CaseDesk, 'get' | 'changesSince'>;
  actions: Pick<CaseActions, 'claim' | 'reply' | 'close'>;
  inbox: ChannelInbox;
  wecomMembers: WecomMembers;
  oaFollowers: OaFollowers;
  kfCursors: KfCursors;
  kfWindows: KfWindows;
  /** Messages the channels could not send yet (replies waiting for a window or a retry, WeCom cards). */
  messageQueue: MessageQueue;
  /** The 微信客服 session state the handover set, and the transcript a servicer's WeCom messages go into. */
  kfSessions: KfSessions;
  transcript: Pick<TranscriptLog, 'append'>;
  engine: ConversationEngine;
  /** The access tokens and the WeCom per-member send slots every instance shares (the database's). */
  sharedTokens?: SharedTokens;
  sendBudget?: SendBudget;
  /** The HMAC key of the Official Account's 订阅通知 page links (derived from the PII key). */
  subscribeSecret: Buffer;
  /** Flood limit of public pages (the 订阅通知 page). */
  pageLimit?: RequestHandler;
  /** How often new cases are looked for (WeCom cards) and lapsed callbacks swept. */
  pollMs?: number;
  /** The clock of channel windows (tests set it); default the real one. */
  now?: () => Date;
}

export function startTencentChannels(deps: TencentChannelsDeps) {
  const routers: Record<string, Router> = {};
  const sweeps: (() => Promise<number>)[] = [];
  const stops: (() => void)[] = [];
  const idles: (() => Promise<void>)[] = [];
  const pollMs = deps.pollMs ?? 2000;
  /** Adapters a caseworker's reply or a notice reaches a person through (by ConversationReference channel). */
  const adapters: Record<string, TencentAdapter> = {};
  /** OutboundChannel ports (by address) for the outreach engine. */
  const outbound: OutboundChannel[] = [];
  const shared = { ...(deps.sharedTokens ? { sharedTokens: deps.sharedTokens } : {}) };
  /** Channels told when a caseworker takes a conversation over (微信客服 session state). */
  const handovers: CaseHandover[] = [];
  /** What each channel adds after a registration, by channel id (the engine's RegistrationFollowOn asks). */
  const registrationFollowOns: Record<string, (userKey: string) => Promise<Reply[]>> = {};

  const oaSettings = wechatOaSettingsOf(deps.config);
  if (oaSettings) {
    const oa = createWechatOaChannel({
      ...shared, settings: oaSettings, inbox: deps.inbox, followers: deps.oaFollowers, queue: deps.messageQueue, audit: deps.audit, receipts: deps.receipts, logger: deps.logger,
      ...(deps.now ? { now: deps.now } : {}),
      // Resumable: a turn a crash interrupted is run again with the replies it decided (queued once, by key).
      logic: createBotLogic(deps.engine, { capabilities: WECHAT_OA_CAPABILITIES, resumable: true }),
      textOnly: deps.localizer.t('zh-CN', 'wechatOa.textOnly'),
      apologyText: deps.localizer.t('zh-CN', 'engine.error'),
      subscribePage: { secret: deps.subscribeSecret, texts: subscribePageTexts(deps.localizer), ...(deps.pageLimit ? { limit: deps.pageLimit } : {}) },
    });
    routers['wechat-oa'] = oa.router;
    registrationFollowOns[oa.adapter.channelId] = oa.registrationFollowOn;
    adapters[oa.adapter.channelId] = oa.adapter;
    outbound.push(oa.outbound);
    sweeps.push(() => oa.runner.sweep(), () => oa.replies.retryDue());
    stops.push(oa.runner.startSweeping(pollMs * 5), oa.replies.startRetrying(pollMs * 5));
    idles.push(() => oa.runner.idle(), () => oa.replies.idle());
    deps.logger.info({ channel: 'wechat-oa', appId: oaSettings.appId, subscribeTemplate: oaSettings.subscribeTemplateId !== null, subscribePage: oaSettings.publicUrl !== null }, 'Official Account on at /channels/wechat-oa/callback');
    if (oaSettings.subscribeTemplateId && !oaSettings.publicUrl) deps.logger.warn({ channel: 'wechat-oa' }, 'WECHAT_OA_SUBSCRIBE_TEMPLATE_ID is set without WECHAT_OA_PUBLIC_URL: registrations are not invited to subscribe');
  }

  const wecomSettings = wecomSettingsOf(deps.config);
  const kfSecret = deps.config.WECOM_KF_SECRET;
  if (kfSecret && !wecomSettings) deps.logger.warn({ channel: 'wecom-kf' }, 'WECOM_KF_SECRET is set but the WeCom app (whose callback receives 微信客服 events) is not configured: 微信客服 stays off');
  const kf = kfSecret && wecomSettings
    ? createWecomKfChannel({
        ...shared, settings: { corpId: wecomSettings.corpId, kfSecret, apiBase: wecomSettings.apiBase },
        inbox: deps.inbox, cursors: deps.kfCursors, windows: deps.kfWindows, queue: deps.messageQueue, sessions: deps.kfSessions, transcript: deps.transcript, members: deps.wecomMembers, audit: deps.audit, receipts: deps.receipts, logger: deps.logger,
        ...(deps.now ? { now: deps.now } : {}),
        logic: createBotLogic(deps.engine, { capabilities: KF_CAPABILITIES, resumable: true }),
        textOnly: deps.localizer.t('zh-CN', 'wechatOa.textOnly'),
        apologyText: deps.localizer.t('zh-CN', 'engine.error'),
      })
    : null;
  if (kf) {
    adapters[kf.adapter.channelId] = kf.adapter;
    outbound.push(kf.outbound);
    handovers.push(kf.handover);
    sweeps.push(() => kf.runner.sweep(), () => kf.replies.retryDue());
    stops.push(kf.runner.startSweeping(pollMs * 5), kf.replies.startRetrying(pollMs * 5));
    idles.push(() => kf.runner.idle(), () => kf.replies.idle());
    deps.logger.info({ channel: 'wecom-kf' }, '微信客服 on (events through /channels/wecom/callback)');
  }
  if (wecomSettings) {
    const wecom = createWecomChannel({
      ...(kf ? { onKfEvent: kf.sync } : {}), ...shared, ...(deps.sendBudget ? { sendBudget: deps.sendBudget } : {}),
      settings: wecomSettings, inbox: deps.inbox, queue: deps.messageQueue, members: deps.wecomMembers, actions: deps.actions, desk: deps.desk,
      audit: deps.audit, logger: deps.logger, t: (key, params) => deps.localizer.t('zh-CN', key, params),
    });
    routers.wecom = wecom.router;
    sweeps.push(() => wecom.runner.sweep(), () => wecom.outbox.retryDue());
    stops.push(wecom.runner.startSweeping(pollMs * 5), wecom.notifier.start(pollMs), wecom.outbox.startRetrying(pollMs * 5));
    idles.push(() => wecom.runner.idle(), () => wecom.outbox.idle());
    deps.logger.info({ channel: 'wecom', corpId: wecomSettings.corpId, agentId: wecomSettings.agentId }, 'WeCom app on at /channels/wecom/callback');
  }

  return {
    routers,
    adapters,
    outbound,
    handovers,
    registrationFollowOns,
    async sweep(): Promise<void> {
      for (const sweep of sweeps) await sweep();
    },
    async stop(): Promise<void> {
      for (const stop of stops) stop();
      for (const idle of idles) await idle();
    },
  };
}

/** The 订阅通知 page's words, Chinese (the page is opened inside WeChat). */
function subscribePageTexts(localizer: Pick<Localizer, 't'>): SubscribePageTexts {
  const word = (name: keyof SubscribePageTexts) => localizer.t('zh-CN', `wechatOa.subscribePage.${name}`);
  return {
    title: word('title'), lead: word('lead'), button: word('button'), notWechat: word('notWechat'), accepted: word('accepted'),
    rejected: word('rejected'), failed: word('failed'), badLink: word('badLink'), expired: word('expired'), unavailable: word('unavailable'),
  };
}
