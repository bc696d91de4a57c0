// The WeCom self-built app (caseworkers) as a BotAdapter: replies go out through message/send as text (split
// at sentence ends to WeCom's 2048 bytes) or, when the activity carries one, as a template card.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { splitText } from '../tencent/split-text.ts';
import { TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import { WECOM_TEXT_BYTES, type WecomApi, type WecomCard } from './wecom-api.ts';

export const WECOM_CHANNEL_ID = 'wecom';

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
      for (const part of splitText(activity.text ?? '', WECOM_TEXT_BYTES)) last = await this.api.sendText(to, part);
      ids.push(last);
    }
    return ids;
  }
}
