// Personal WeChat through wechaty as a botbuilder adapter: a text from a contact runs the bot logic in a
// TurnContext; replies, shaped by the channel renderer (plain text, choices as numbered lines, split at sentence
// ends), go back to the contact through the paced sender.
import { TurnContext } from 'botbuilder';
import type { Activity, ResourceResponse } from 'botbuilder';
import { ProactiveAdapter, type TurnLogic } from '../proactive-adapter.ts';
import { replyOfActivity } from '../bot-bridge.ts';
import { renderForChannel, type ReplyToRender } from '../render-for-channel.ts';
import type { PacedOutcome } from './send-pacer.ts';
import { WECHATY_CAPABILITIES, WECHATY_CHANNEL_ID } from './personal-wechat-capabilities.ts';

export { WECHATY_CHANNEL_ID };
export const WECHATY_SERVICE_URL = 'urn:jiuyebang:wechaty';

/** Sends one text to a contact (the puppet behind the pacer). */
export type WechatTextSender = (contactId: string, text: string) => Promise<PacedOutcome<string>>;

export interface WechatyLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the channel reads off a wechaty message; the rest of the payload never reaches the engine. */
export interface InboundWechatText {
  messageId: string;
  contactId: string;
  text: string;
  at: Date;
}

export class CapReachedError extends Error {
  constructor(readonly reason: string) {
    super(`wechat: ${reason}`);
  }
}

export class WechatyAdapter extends ProactiveAdapter {
  readonly channelId = WECHATY_CHANNEL_ID;

  constructor(
    private readonly sendText: WechatTextSender,
    private readonly account: { id: string; name: string },
    logger: WechatyLogger,
    apologyText: string,
  ) {
    super();
    this.onTurnError = async (ctx, error) => {
      logger.error({ err: error, channel: WECHATY_CHANNEL_ID }, 'wechat turn failed');
      if (!(error instanceof CapReachedError)) await ctx.sendActivity({ type: 'message', text: apologyText });
    };
  }

  /** Runs one text message from a contact through `logic`. */
  async processText(message: InboundWechatText, logic: TurnLogic): Promise<void> {
    const activity: Partial<Activity> = {
      type: 'message',
      id: message.messageId,
      channelId: WECHATY_CHANNEL_ID,
      serviceUrl: WECHATY_SERVICE_URL,
      timestamp: message.at,
      conversation: { id: message.contactId, name: '', isGroup: false, conversationType: 'personal' },
      from: { id: message.contactId, name: '', role: 'user' },
      recipient: { ...this.account, role: 'bot' },
      text: message.text,
      locale: 'zh-CN',
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Each message goes out as WeChat texts, one per rendered part; typing, trace and delay mean nothing here. */
  async sendActivities(_ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const contactId = activity.conversation?.id;
      if (activity.type !== 'message' || !contactId) {
        responses.push({ id: '' });
        continue;
      }
      await sendRendered(this.sendText, contactId, replyOfActivity(activity));
      responses.push({ id: '' });
    }
    return responses;
  }
}

/** Sends what the renderer makes of one message to a contact, part by part; stops when the day's cap is reached. */
export async function sendRendered(sendText: WechatTextSender, contactId: string, reply: ReplyToRender): Promise<string> {
  let last = '';
  for (const part of renderForChannel([reply], WECHATY_CAPABILITIES)) {
    const outcome = await sendText(contactId, part.text);
    if (!outcome.sent) throw new CapReachedError(outcome.reason);
    last = outcome.value;
  }
  return last;
}
