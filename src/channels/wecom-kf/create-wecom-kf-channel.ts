// Assembles 微信客服: a kf event on the WeCom callback triggers kf/sync_msg from the stored cursor; each
// customer message is accepted once (ChannelInbox, by msgid), opens their window, sends what was queued for
// it, and runs the conversation engine; replies go through kf/send_msg within the window or wait for the next.
// What a servicer writes in the WeCom client (origin 5) is accepted once the same way and only recorded; their
// session changes there (origin 4 events) update the recorded session state.
// The OutboundChannel (address = `<openKfId>|<userid>`) lets outreach use the same rule; the handover moves
// the kf session to a human servicer when a caseworker claims the customer's case.
import type { SharedTokens } from '../tencent/shared-tokens.ts';
import type { AuditLog, DeliveryReceipts, OutboundChannel, TranscriptLog } from '../../conversation/ports.ts';
import { createInboxRunner } from '../tencent/inbox-runner.ts';
import type { TurnLogic } from '../tencent/tencent-adapter.ts';
import { TencentApiError } from '../tencent/tencent-api.ts';
import type { MessageQueue } from '../tencent/message-queue-port.ts';
import type { ChannelInbox, KfCursors, KfSessions, KfWindows, WecomMembers } from '../tencent/tencent-ports.ts';
import { createKfApi } from './kf-api.ts';
import { createKfHandover } from './kf-handover.ts';
import { createKfReplySender, KfWindowClosedError } from './kf-reply-sender.ts';
import { createKfServicerLog } from './kf-servicer-messages.ts';
import { sendFailureOf } from './kf-send-failures.ts';
import { sessionChangeOf } from './kf-session-events.ts';
import { createKfSessionGuard } from './kf-session-guard.ts';
import { KF_CAPABILITIES, kfCustomerId, WECOM_KF_CHANNEL_ID, WecomKfAdapter } from './wecom-kf-adapter.ts';
import { renderForChannel } from '../render-for-channel.ts';
import { kfReachability } from './kf-reachability.ts';
import { z } from 'zod';

export interface WecomKfChannelDeps {
  settings: { corpId: string; kfSecret: string; apiBase: string };
  inbox: ChannelInbox;
  cursors: KfCursors;
  windows: KfWindows;
  /** Replies waiting for the customer's window or a retry (shared with the other Tencent channels). */
  queue: MessageQueue;
  sessions: KfSessions;
  members: Pick<WecomMembers, 'userIdOf' | 'find'>;
  audit: AuditLog;
  /** Where send failures 微信客服 reports go (a failed outreach message's task is reopened). */
  receipts: DeliveryReceipts;
  /** Where a servicer's messages from the WeCom client are recorded (the person's transcript). */
  transcript: Pick<TranscriptLog, 'append'>;
  logic: TurnLogic;
  textOnly: string;
  apologyText: string;
  logger: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  leaseMs?: number;
  /** Pauses before queued replies kf/send_msg refused for now are tried again. */
  retryBackoffMs?: readonly number[];
  now?: () => Date;
  /** The access token every instance shares (the database's); in this process when absent. */
  sharedTokens?: SharedTokens;
}

const storedMessage = z.object({ msgid: z.string(), open_kfid: z.string(), external_userid: z.string(), send_time: z.number().int(), origin: z.number().int().default(3), servicer_userid: z.string().max(128).optional(), msgtype: z.string(), text: z.object({ content: z.string() }).optional() });

export function createWecomKfChannel(deps: WecomKfChannelDeps) {
  const now = deps.now ?? (() => new Date());
  const api = createKfApi(deps.settings, {
    ...(deps.sharedTokens ? { sharedTokens: deps.sharedTokens } : {}),
    onError: ({ path, errcode, attempt }) =>
      deps.audit.record({ actor: 'channel:wecom-kf', action: 'channel.api_error', subjectType: 'channel', subjectId: WECOM_KF_CHANNEL_ID, details: { path, errcode, attempt } }),
  });
  const replies = createKfReplySender({ api, windows: deps.windows, queue: deps.queue, audit: deps.audit, now, logger: deps.logger, ...(deps.retryBackoffMs ? { retryBackoffMs: deps.retryBackoffMs } : {}) });
  const guard = createKfSessionGuard({ sessions: deps.sessions, api, logger: deps.logger });
  const adapter = new WecomKfAdapter(replies, { bot: { id: 'wecom-kf', name: '就业帮' }, logger: deps.logger, apologyText: deps.apologyText }, guard);
  const recordServicerMessage = createKfServicerLog({ transcript: deps.transcript, members: deps.members, audit: deps.audit });
  const say = (text: string): TurnLogic => async (ctx) => void (await ctx.sendActivity({ type: 'message', text }));

  const runner = createInboxRunner({
    inbox: deps.inbox, channel: WECOM_KF_CHANNEL_ID, leaseMs: deps.leaseMs ?? 30_000, logger: deps.logger, now,
    async run(payload) {
      const parsed = storedMessage.safeParse(JSON.parse(payload));
      if (!parsed.success) return;
      const m = parsed.data;
      const customer = kfCustomerId(m.open_kfid, m.external_userid);
      // A servicer answering in the WeCom client: recorded, no window, no bot turn.
      if (m.origin === 5) return void (await recordServicerMessage({ msgid: m.msgid, customer, servicerUserId: m.servicer_userid || null, msgtype: m.msgtype, text: m.text?.content ?? '' }));
      const at = new Date(m.send_time * 1000);
      await deps.windows.open(customer, at);
      // What waited for this window goes first; the answer to this message queues behind anything left.
      await replies.flush(customer).catch((err: unknown) => deps.logger.warn({ err }, 'wecom-kf queued replies not sent'));
      const activity = { id: `wecom-kf:${m.msgid}`, timestamp: at, locale: 'zh-CN', type: 'message' };
      if (m.msgtype === 'text' && m.text) return adapter.processActivity(customer, { ...activity, text: m.text.content.slice(0, 2000) }, deps.logic);
      return adapter.processActivity(customer, { ...activity, text: '' }, say(deps.textOnly));
    },
  });

  const syncing = new Map<string, Promise<void>>();
  /** Reads every new message of one kf account from the stored cursor; one sync per account at a time here. */
  function sync(token: string, openKfId: string): Promise<void> {
    const previous = syncing.get(openKfId) ?? Promise.resolve();
    const next = previous.then(async () => {
      for (let page = 0; page < 100; page++) {
        const answer = await api.syncMsg({ cursor: await deps.cursors.get(openKfId), token, openKfId });
        for (const m of answer.msg_list) {
          const change = sessionChangeOf(m);
          const failure = change ? null : sendFailureOf(m);
          if (change) await deps.sessions.set(change.customer, change.state, change.servicerUserId);
          else if (failure) await deps.receipts.record({ channel: WECOM_KF_CHANNEL_ID, providerMessageId: failure.msgId, delivered: false, reason: failure.reason, at: now() });
          else if ((m.origin === 3 || m.origin === 5) && m.external_userid) await runner.accept(`wecom-kf:msg:${m.msgid}`, JSON.stringify(m));
        }
        if (answer.next_cursor) await deps.cursors.set(openKfId, answer.next_cursor);
        if (answer.has_more !== 1) break;
      }
    }).catch((err: unknown) => deps.logger.warn({ err, openKfId }, 'wecom-kf sync failed'));
    syncing.set(openKfId, next);
    return next;
  }

  const outbound: OutboundChannel = {
    channel: WECOM_KF_CHANNEL_ID,
    reachability: kfReachability(deps.windows),
    async send(address, message) {
      try {
        let id = '';
        for (const part of renderForChannel([message], KF_CAPABILITIES)) id = await replies.sendNow(address, part.text);
        return { ok: true, providerMessageId: id };
      } catch (err) {
        if (err instanceof KfWindowClosedError) {
          await deps.audit.record({ actor: 'channel:wecom-kf', action: 'wecom_kf.undeliverable', subjectType: 'wecom_kf_customer', subjectId: address, details: { reason: 'outside_window' } });
          return { ok: false, retryable: false, code: 'outside_window' };
        }
        if (err instanceof TencentApiError) return { ok: false, retryable: err.retryable, code: String(err.errcode) };
        return { ok: false, retryable: true, code: 'network' };
      }
    },
  };
  return { adapter, runner, sync, outbound, replies, handover: createKfHandover({ api, members: deps.members, sessions: deps.sessions, audit: deps.audit }) };
}
