// Assembles the WeCom caseworkers' app from its settings and ports: callback router, adapter, the inbox
// runner (run once, after the ack, surviving restarts), and the case-card notifier with its outbox (cards and
// forwards queued once, retried when WeCom refuses them for now). src/main.ts mounts it.
import type { SendBudget } from '../send-budget.ts';
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import type { Router } from 'express';
import type { CaseActions } from '../../caseworker/case-actions.ts';
import type { CaseDesk } from '../../caseworker/case-desk.ts';
import type { WecomSettings } from '../../config/tencent-channel-config.ts';
import type { AuditLog } from '../../conversation/ports.ts';
import { createCallbackCrypto } from '../tencent/callback-crypto.ts';
import { createInboxRunner } from '../tencent/inbox-runner.ts';
import type { MessageQueue } from '../tencent/message-queue-port.ts';
import type { ChannelInbox, WecomMembers } from '../tencent/tencent-ports.ts';
import { createCaseCardNotifier } from './case-card-notifier.ts';
import { createWecomCommands } from './caseworker-commands.ts';
import { createWecomApi } from './wecom-api.ts';
import { WecomAdapter } from './wecom-adapter.ts';
import { createWecomCallbackRouter } from './wecom-callback-router.ts';
import { kfEventOf, wecomActivityOf } from './wecom-inbound.ts';
import { createWecomOutbox } from './wecom-outbox.ts';

export interface WecomChannelDeps {
  settings: WecomSettings;
  inbox: ChannelInbox;
  /** Where cards and forwards wait to be sent (shared with the other Tencent channels). */
  queue: MessageQueue;
  members: WecomMembers;
  actions: Pick<CaseActions, 'claim' | 'reply' | 'close'>;
  desk: Pick<CaseDesk, 'get' | 'changesSince'>;
  audit: AuditLog;
  t(key: string, params?: Record<string, string>): string;
  logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  /** 微信客服 events arrive on this app's callback: they start a kf sync (when kf is configured). */
  onKfEvent?: (token: string, openKfId: string) => Promise<void>;
  leaseMs?: number;
  backoffMs?: readonly number[];
  /** Pauses before a card or forward WeCom refused for now is tried again. */
  retryBackoffMs?: readonly number[];
  now?: () => Date;
  /** The access token every instance shares (the database's); in this process when absent. */
  sharedTokens?: SharedTokens;
  /** Per-member send slots every instance shares (the database's); in this process when absent. */
  sendBudget?: SendBudget;
}

export function createWecomChannel(deps: WecomChannelDeps) {
  const { settings } = deps;
  const api = createWecomApi(settings, {
    ...(deps.sharedTokens ? { sharedTokens: deps.sharedTokens } : {}),
    ...(deps.sendBudget ? { sendBudget: deps.sendBudget } : {}),
    ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
    onError: ({ path, errcode, attempt }) =>
      deps.audit.record({ actor: 'channel:wecom', action: 'channel.api_error', subjectType: 'channel', subjectId: 'wecom', details: { path, errcode, attempt } }),
  });
  const adapter = new WecomAdapter(api, { bot: { id: `wecom-agent-${settings.agentId}`, name: '就业帮' }, logger: deps.logger, apologyText: deps.t('wecom.refused.send_failed') });
  const logic = createWecomCommands({ members: deps.members, actions: deps.actions, desk: deps.desk, t: deps.t });
  const runner = createInboxRunner({
    inbox: deps.inbox,
    channel: 'wecom',
    leaseMs: deps.leaseMs ?? 30_000,
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
    async run(payload) {
      const kf = kfEventOf(payload);
      if (kf) return deps.onKfEvent?.(kf.token, kf.openKfId);
      const inbound = wecomActivityOf(payload);
      if (!inbound) return;
      await adapter.processActivity(inbound.userId, inbound.activity, logic);
    },
  });
  const outbox = createWecomOutbox({
    api, queue: deps.queue, audit: deps.audit, logger: deps.logger, now: deps.now ?? (() => new Date()),
    ...(deps.retryBackoffMs ? { retryBackoffMs: deps.retryBackoffMs } : {}),
  });
  const notifier = createCaseCardNotifier({
    members: deps.members,
    desk: deps.desk,
    outbox,
    consoleUrl: settings.consoleUrl,
    t: deps.t,
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const crypto = createCallbackCrypto({ token: settings.token, aesKey: settings.aesKey, receiveId: settings.corpId });
  const router: Router = createWecomCallbackRouter({ crypto, runner, logger: deps.logger });
  return { router, adapter, runner, notifier, outbox };
}
