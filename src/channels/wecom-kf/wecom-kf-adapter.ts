// 微信客服 as a BotAdapter: the user id is `<openKfId>|<externalUserId>`; one turn's replies are joined into as
// few messages as fit, each taken from the customer's window (5 in 48 h after their message). A reply the
// window no longer allows is refused (KfWindowClosedError) and recorded, never sent against the rule.
import type { Activity } from 'botbuilder';
import { splitText } from '../tencent/split-text.ts';
import { TencentAdapter, type TencentAdapterOptions } from '../tencent/tencent-adapter.ts';
import type { KfWindows } from '../tencent/tencent-ports.ts';
import type { KfApi } from './kf-api.ts';

export const WECOM_KF_CHANNEL_ID = 'wecom-kf';
export const KF_CAPABILITIES = { buttons: false, markdown: false, maxTextChars: 1000, window: { budget: 5, ms: 48 * 3_600_000 } } as const;

export class KfWindowClosedError extends Error {}

export function kfCustomerId(openKfId: string, externalUserId: string): string {
  return `${openKfId}|${externalUserId}`;
}

export class WecomKfAdapter extends TencentAdapter {
  constructor(private readonly api: KfApi, private readonly windows: KfWindows, private readonly now: () => Date, options: Omit<TencentAdapterOptions, 'channelId'>) {
    super({ ...options, channelId: WECOM_KF_CHANNEL_ID });
  }

  /** Sends one text to a customer if their window allows; throws KfWindowClosedError otherwise. */
  async sendWithinWindow(customer: string, text: string): Promise<string> {
    const [openKfId, externalUserId] = customer.split('|');
    if (!openKfId || !externalUserId) throw new KfWindowClosedError(`wecom-kf: bad customer id`);
    const state = await this.windows.get(customer);
    const openedAt = state?.windowOpenedAt ?? null;
    const open = openedAt !== null && this.now().getTime() - openedAt.getTime() < KF_CAPABILITIES.window.ms;
    if (!open || !(await this.windows.take(customer, openedAt, KF_CAPABILITIES.window.budget))) throw new KfWindowClosedError('wecom-kf: outside the 48-hour window or its 5 messages');
    return this.api.sendText(openKfId, externalUserId, text);
  }

  protected async deliver(to: string, activities: Partial<Activity>[]): Promise<string[]> {
    const joined = activities.map((a) => a.text ?? '').filter((t) => t.trim() !== '').join('\n\n');
    const ids: string[] = [];
    for (const part of splitText(joined, KF_CAPABILITIES.maxTextChars, (s) => [...s].length)) ids.push(await this.sendWithinWindow(to, part));
    return activities.map((_, i) => ids[i] ?? ids.at(-1) ?? '');
  }
}
