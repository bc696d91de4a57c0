// The Official Account as a BotAdapter: one turn's replies go out as the channel renderer shapes them for the
// OA (joined into as few customer-service messages as fit, since each counts against the window's budget;
// numbered lines, plain text, split at sentence ends beyond the channel's length), handed to the reply queue,
// which sends them now if the rules allow and keeps them for later otherwise.
import type { Activity } from 'botbuilder';
import { replyOfActivity } from '../bot-bridge.ts';
import { renderForChannel } from '../render-for-channel.ts';
import type { QueuedSender } from '../tencent/queued-sender.ts';
import { keyedParts, TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import { WECHAT_OA_CAPABILITIES, WECHAT_OA_CHANNEL_ID } from './oa-capabilities.ts';

export class WechatOaAdapter extends TencentAdapter {
  constructor(private readonly replies: Pick<QueuedSender, 'send'>, options: Omit<TencentAdapterOptions, 'channelId'>) {
    super({ ...options, channelId: WECHAT_OA_CHANNEL_ID });
  }

  protected async deliver(to: string, activities: Partial<Activity>[], batchKey?: string): Promise<string[]> {
    const parts = renderForChannel(activities.map(replyOfActivity), WECHAT_OA_CAPABILITIES).map((p) => p.text);
    const ids = await this.replies.send(to, keyedParts(parts, batchKey));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
