// The WeCom self-built app (caseworkers) as a BotAdapter: replies go out through message/send as text, shaped
// by the channel renderer (plain, numbered lines, split at sentence ends to 2048 bytes), or, when the activity
// carries one, as a template card.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { replyOfActivity } from '../bot-bridge.ts';
import { renderForChannel } from '../render-for-channel.ts';
import { TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import type { WecomApi, WecomCard } from './wecom-api.ts';
import { WECOM_CAPABILITIES, WECOM_CHANNEL_ID } from './wecom-capabilities.ts';

export { WECOM_CHANNEL_ID };

/** A template card as carried on an activity or in the message queue (its task id as WeCom accepts it). */
export const wecomCardSchema = z.object({
  taskId: z.string().regex(/^[A-Za-z0-9_\-@]{1,128}$/),
  title: z.string(),
  description: z.string(),
  buttons: z.array(z.object({ text: z.string(), key: z.string() })),
  link: z.object({ title: z.string(), url: z.string() }).optional(),
});
const channelDataSchema = z.object({ wecomCard: wecomCardSchema }).partial();

/** An activity that WeCom shows as a template card (the text is what other channels would show). */
export function cardActivity(card: WecomCard, text: string): Partial<Activity> {
  return { type: 'message', text, channelData: { wecomCard: card } };
}

export class WecomAdapter extends TencentAdapter {
  constructor(private readonly api: WecomApi, options: Omit<TencentAdapterOptions, 'channelId'>) {
    super({ ...options, channelId: WECOM_CHANNEL_ID });
  }

  protected async deliver(to: string, activities: Partial<Activity>[]): Promise<string[]> {
    const ids: string[] = [];
    for (const activity of activities) {
      const data = channelDataSchema.safeParse(activity.channelData ?? {});
      const card = data.success ? data.data.wecomCard : undefined;
      if (card) {
        ids.push(await this.api.sendCard(to, card));
        continue;
      }
      let last = '';
      for (const part of renderForChannel([replyOfActivity(activity)], WECOM_CAPABILITIES)) last = await this.api.sendText(to, part.text);
      ids.push(last);
    }
    return ids;
  }
}
