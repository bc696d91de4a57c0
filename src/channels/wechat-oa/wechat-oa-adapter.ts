// The Official Account as a BotAdapter: one turn's replies go out as the channel renderer shapes them for the
// OA (joined into as few customer-service messages as fit, since each counts against the window's budget;
// numbered lines, plain text, split at sentence ends beyond the channel's length).
import type { Activity } from 'botbuilder';
import { replyOfActivity } from '../bot-bridge.ts';
import { renderForChannel } from '../render-for-channel.ts';
import { TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import { WECHAT_OA_CAPABILITIES, WECHAT_OA_CHANNEL_ID } from './oa-capabilities.ts';
import type { OaDelivery } from './oa-delivery.ts';

export class WechatOaAdapter extends TencentAdapter {
  constructor(private readonly delivery: Pick<OaDelivery, 'send'>, options: Omit<TencentAdapterOptions, 'channelId'>) {
    super({ ...options, channelId: WECHAT_OA_CHANNEL_ID });
  }

  protected async deliver(to: string, activities: Partial<Activity>[]): Promise<string[]> {
    const ids: string[] = [];
    for (const part of renderForChannel(activities.map(replyOfActivity), WECHAT_OA_CAPABILITIES)) ids.push(await this.delivery.send(to, part.text));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
