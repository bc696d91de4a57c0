// The Official Account as a BotAdapter: one turn's replies are joined into as few customer-service messages
// as fit (each counts against the window's budget), split at sentence ends beyond the channel's length.
import type { Activity } from 'botbuilder';
import { splitText } from '../tencent/split-text.ts';
import { TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import { WECHAT_OA_CAPABILITIES, WECHAT_OA_CHANNEL_ID } from './oa-capabilities.ts';
import type { OaDelivery } from './oa-delivery.ts';

export class WechatOaAdapter extends TencentAdapter {
  constructor(private readonly delivery: Pick<OaDelivery, 'send'>, options: Omit<TencentAdapterOptions, 'channelId'>) {
    super({ ...options, channelId: WECHAT_OA_CHANNEL_ID });
  }

  protected async deliver(to: string, activities: Partial<Activity>[]): Promise<string[]> {
    const joined = activities.map((a) => a.text ?? '').filter((t) => t.trim() !== '').join('\n\n');
    const ids: string[] = [];
    for (const part of splitText(joined, WECHAT_OA_CAPABILITIES.text.max)) ids.push(await this.delivery.send(to, part));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
