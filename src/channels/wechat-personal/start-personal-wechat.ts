// Starts personal WeChat (wechaty) when WECHATY_PUPPET is set: wechaty picks and configures the puppet from its
// own environment variables, this service adds pacing, the login state and the "please type" text. wechaty is
// loaded only then: importing it costs seconds of CPU, which every start without the channel would pay.
import type { Wechaty } from 'wechaty';
import type { AppConfig } from '../../config/app-config.ts';
import { serviceDateOf } from '../../config/service-time-zone.ts';
import type { Localizer } from '../../conversation/localizer.ts';
import type { TurnLogic } from '../proactive-adapter.ts';
import type { SendBudget } from '../send-budget.ts';
import { SendPacer } from './send-pacer.ts';
import type { WechatyChannel, WechatyChannelOptions } from './wechaty-channel.ts';

/** A wechaty instance (so the composition root names it without importing wechaty). */
export type WechatyBot = Wechaty;

export interface WechatStartDeps {
  logic: TurnLogic;
  localizer: Localizer;
  logger: WechatyChannelOptions['logger'];
  now: () => Date;
  /** Where the account's send slots are reserved: the database's, so every instance keeps one pace. */
  sendBudget?: SendBudget;
  /** Serve this instance instead of building one (tests: the mock puppet). */
  bot?: Wechaty;
}

/** The running channel, or null when WeChat through wechaty is not configured. */
export async function startWechatFromConfig(config: AppConfig, deps: WechatStartDeps): Promise<WechatyChannel | null> {
  if (!deps.bot && !config.WECHATY_PUPPET) return null;
  const [{ WechatyBuilder }, { startWechatyChannel }] = await Promise.all([import('wechaty'), import('./wechaty-channel.ts')]);
  const bot = deps.bot ?? WechatyBuilder.build({ name: config.WECHATY_NAME });
  const pacer = new SendPacer({ minGapMs: config.WECHATY_MIN_GAP_SECONDS * 1000, dailyCap: config.WECHATY_DAILY_CAP, clock: deps.now, dayOf: serviceDateOf, account: config.WECHATY_NAME, ...(deps.sendBudget ? { budget: deps.sendBudget } : {}) });
  deps.logger.info({ channel: 'wechaty', puppet: config.WECHATY_PUPPET ?? 'injected' }, 'WeChat (wechaty) channel starting: personal-account automation is unofficial and may be blocked');
  return startWechatyChannel({
    bot,
    pacer,
    logic: deps.logic,
    answerRooms: config.WECHATY_ANSWER_ROOMS,
    texts: { pleaseType: deps.localizer.t('zh-CN', 'wechat.pleaseType'), apology: deps.localizer.t('zh-CN', 'engine.error') },
    logger: deps.logger,
  });
}
