// 微信客服 as a BotAdapter: the user id is `<openKfId>|<externalUserId>`; one turn's replies are joined into as
// few messages as fit and handed to the reply sender, which sends them within the customer's window (5 messages
// in 48 h after their message) and queues the rest for their next message, never sending against the rule.
import type { Activity } from 'botbuilder';
import { splitText } from '../tencent/split-text.ts';
import { TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
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

  protected async deliver(to: string, activities: Partial<Activity>[]): Promise<string[]> {
    await this.guard?.(to, activities);
    const joined = activities.map((a) => a.text ?? '').filter((t) => t.trim() !== '').join('\n\n');
    const ids = await this.replies.reply(to, splitText(joined, KF_CAPABILITIES.text.max));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
