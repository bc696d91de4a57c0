// 微信客服 as a BotAdapter: the user id is `<openKfId>|<externalUserId>`; one turn's replies, as the channel
// renderer shapes them (joined into as few messages as fit, numbered lines, plain text), go to the reply sender,
// which sends them within the customer's window (5 messages in 48 h after their message) and queues the rest
// for their next message, never sending against the rule.
import type { Activity } from 'botbuilder';
import { replyOfActivity } from '../bot-bridge.ts';
import { renderForChannel } from '../render-for-channel.ts';
import { keyedParts, TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import { KF_CAPABILITIES, WECOM_KF_CHANNEL_ID } from './kf-capabilities.ts';
import type { KfReplySender } from './kf-reply-sender.ts';

export { KfWindowClosedError } from './kf-reply-sender.ts';
export { KF_CAPABILITIES, WECOM_KF_CHANNEL_ID };

export function kfCustomerId(openKfId: string, externalUserId: string): string {
  return `${openKfId}|${externalUserId}`;
}

export class WecomKfAdapter extends TencentAdapter {
  /** `guard` may refuse a batch before anything is queued or sent (a caseworker's reply in 人工接待). */
  constructor(private readonly replies: KfReplySender, options: Omit<TencentAdapterOptions, 'channelId'>, private readonly guard?: (to: string, activities: Partial<Activity>[]) => Promise<void>) {
    super({ ...options, channelId: WECOM_KF_CHANNEL_ID });
  }

  protected async deliver(to: string, activities: Partial<Activity>[], batchKey?: string): Promise<string[]> {
    await this.guard?.(to, activities);
    const parts = renderForChannel(activities.map(replyOfActivity), KF_CAPABILITIES).map((m) => m.text);
    const ids = await this.replies.reply(to, keyedParts(parts, batchKey));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
