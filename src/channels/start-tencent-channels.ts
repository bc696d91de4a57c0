// Starts the Tencent channels that are configured (WeCom app for caseworkers; the Official Account joins
// here): their callback routers for the HTTP app, the sweeps that run callbacks a crash left, and a stop.
import type { Router } from 'express';
import type { AppConfig } from '../config/app-config.ts';
import { wecomSettingsOf } from '../config/tencent-channel-config.ts';
import type { CaseActions } from '../caseworker/case-actions.ts';
import type { CaseDesk } from '../caseworker/case-desk.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog } from '../conversation/ports.ts';
import type { ChannelInbox, WecomMembers } from './tencent/tencent-ports.ts';
import { createWecomChannel } from './wecom/create-wecom-channel.ts';

export interface TencentChannelsDeps {
  config: AppConfig;
  logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  localizer: Pick<Localizer, 't'>;
  audit: AuditLog;
  desk: Pick<CaseDesk, 'get' | 'changesSince'>;
  actions: Pick<CaseActions, 'claim' | 'reply' | 'close'>;
  inbox: ChannelInbox;
  wecomMembers: WecomMembers;
  /** How often new cases are looked for (WeCom cards) and lapsed callbacks swept. */
  pollMs?: number;
}

export function startTencentChannels(deps: TencentChannelsDeps) {
  const routers: Record<string, Router> = {};
  const sweeps: (() => Promise<number>)[] = [];
  const stops: (() => void)[] = [];
  const idles: (() => Promise<void>)[] = [];
  const pollMs = deps.pollMs ?? 2000;

  const wecomSettings = wecomSettingsOf(deps.config);
  if (wecomSettings) {
    const wecom = createWecomChannel({
      settings: wecomSettings, inbox: deps.inbox, members: deps.wecomMembers, actions: deps.actions, desk: deps.desk,
      audit: deps.audit, logger: deps.logger, t: (key, params) => deps.localizer.t('zh-CN', key, params),
    });
    routers.wecom = wecom.router;
    sweeps.push(() => wecom.runner.sweep());
    stops.push(wecom.runner.startSweeping(pollMs * 5), wecom.notifier.start(pollMs));
    idles.push(() => wecom.runner.idle());
    deps.logger.info({ channel: 'wecom', corpId: wecomSettings.corpId, agentId: wecomSettings.agentId }, 'WeCom app on at /channels/wecom/callback');
  }

  return {
    routers,
    async sweep(): Promise<void> {
      for (const sweep of sweeps) await sweep();
    },
    async stop(): Promise<void> {
      for (const stop of stops) stop();
      for (const idle of idles) await idle();
    },
  };
}
