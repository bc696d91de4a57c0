// The Official Account as a BotAdapter: one turn's replies are joined into as few customer-service messages
// as fit (each counts against the window's budget), split at sentence ends beyond the channel's length, and
// handed to the reply queue, which sends them now if the rules allow and keeps them for later otherwise.
import type { Activity } from 'botbuilder';
import { splitText } from '../tencent/split-text.ts';
import type { QueuedSender } from '../tencent/queued-sender.ts';
import { keyedParts, TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import { WECHAT_OA_CAPABILITIES, WECHAT_OA_CHANNEL_ID } from './oa-capabilities.ts';

export class WechatOaAdapter extends TencentAdapter {
  constructor(private readonly replies: Pick<QueuedSender, 'send'>, options: Omit<TencentAdapterOptions, 'channelId'>) {
    super({ ...options, channelId: WECHAT_OA_CHANNEL_ID });
  }

  protected async deliver(to: string, activities: Partial<Activity>[], batchKey?: string): Promise<string[]> {
    const joined = activities.map((a) => a.text ?? '').filter((t) => t.trim() !== '').join('\n\n');
    const ids = await this.replies.send(to, keyedParts(splitText(joined, WECHAT_OA_CAPABILITIES.maxTextChars, (s) => [...s].length), batchKey));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
