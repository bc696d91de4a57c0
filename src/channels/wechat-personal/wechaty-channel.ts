// Personal WeChat through wechaty: the puppet is wechaty's own choice (WECHATY_PUPPET, WECHATY_PUPPET_SERVICE_*),
// so a bureau's self-hosted puppet gateway works. Text is answered by the engine; anything else gets a polite
// "please type"; the bot's own messages (and group chats, unless enabled) are ignored; sending is paced.
import { types, type Wechaty } from 'wechaty';
import type { Message } from 'wechaty';
import type { OutboundChannel } from '../../conversation/ports.ts';
import { MAX_TURN_TEXT_CHARS } from '../../conversation/turn-limits.ts';
import type { TurnLogic } from '../proactive-adapter.ts';
import type { SendPacer } from './send-pacer.ts';
import { CapReachedError, sendRendered, WECHATY_CHANNEL_ID, WechatyAdapter, type WechatyLogger } from './wechaty-adapter.ts';

/** What /healthz and the console show: whether someone must scan the login QR code. */
export type WechatyLoginState = 'starting' | 'scan_required' | 'logged_in' | 'logged_out';

export interface WechatyChannelOptions {
  bot: Wechaty;
  pacer: SendPacer;
  logic: TurnLogic;
  /** Answer messages in group chats too (off: a job seeker's details do not belong in a group). */
  answerRooms: boolean;
  texts: { pleaseType: string; apology: string };
  logger: WechatyLogger & { info(obj: object, msg?: string): void };
}

export interface WechatyChannel {
  adapter: WechatyAdapter;
  /** Proactive texts to a contact id (outreach, notices), paced like every other send. */
  outbound: OutboundChannel;
  loginState(): WechatyLoginState;
  /** The state with the QR code's content while a scan is required (the console shows it to administrators). */
  loginStatus(): { state: WechatyLoginState; qrcode: string | null };
  stop(): Promise<void>;
}

/** Message kinds that carry nothing to read; a recalled message asks for no answer at all. */
const SILENT_TYPES: ReadonlySet<types.Message> = new Set([types.Message.Recalled]);

export async function startWechatyChannel(options: WechatyChannelOptions): Promise<WechatyChannel> {
  const { bot, pacer, logger, texts } = options;
  let state: WechatyLoginState = 'starting';
  let qrcode: string | null = null;
  const sendText = (contactId: string, text: string) => pacer.send(async () => (await bot.puppet.messageSendText(contactId, text)) ?? '');
  const adapter = new WechatyAdapter(sendText, { id: 'jiuyebang', name: '就业帮' }, logger, texts.apology);

  bot.on('scan', (code, status) => {
    state = 'scan_required';
    qrcode = code.slice(0, 2000);
    logger.info({ channel: WECHATY_CHANNEL_ID, status, qrcode: code }, 'WeChat: scan this QR code with the office account to log in');
  });
  bot.on('login', (user) => {
    state = 'logged_in';
    qrcode = null;
    logger.info({ channel: WECHATY_CHANNEL_ID, account: user.name() }, 'WeChat: logged in');
  });
  bot.on('logout', () => {
    state = 'logged_out';
    qrcode = null;
    logger.warn({ channel: WECHATY_CHANNEL_ID }, 'WeChat: logged out; scan again to resume');
  });
  bot.on('error', (err) => logger.error({ err, channel: WECHATY_CHANNEL_ID }, 'WeChat puppet error'));
  bot.on('message', (message) => {
    handle(message).catch((err: unknown) => logger.error({ err, channel: WECHATY_CHANNEL_ID }, 'WeChat message not handled'));
  });

  async function handle(message: Message): Promise<void> {
    if (message.self()) return;
    if (message.room() && !options.answerRooms) return;
    const contactId = message.talker().id;
    const type = message.type();
    if (SILENT_TYPES.has(type)) return;
    if (type !== types.Message.Text) {
      const outcome = await sendText(contactId, texts.pleaseType);
      if (!outcome.sent) logger.warn({ channel: WECHATY_CHANNEL_ID, reason: outcome.reason }, 'WeChat: reply not sent');
      return;
    }
    // Capped before anything reads it: one character past the limit still tells the engine it was too long.
    const text = message.text().slice(0, MAX_TURN_TEXT_CHARS + 1);
    await adapter.processText({ messageId: message.id, contactId, text, at: message.date() }, options.logic);
  }

  await bot.start();
  return {
    adapter,
    outbound: {
      channel: WECHATY_CHANNEL_ID,
      async reachability(_contactId, now) {
        if (state !== 'logged_in') return { canSendNow: false, reason: 'logged_out' };
        return pacer.hasRoomOn(now) ? { canSendNow: true, reason: 'always' } : { canSendNow: false, reason: 'paced' };
      },
      async send(address, message) {
        try {
          return { ok: true, providerMessageId: await sendRendered(sendText, address, { text: message.text, choices: message.choices ?? [] }) };
        } catch (err) {
          if (err instanceof CapReachedError) return { ok: false, retryable: true, code: err.reason };
          throw err;
        }
      },
    },
    loginState: () => state,
    loginStatus: () => ({ state, qrcode }),
    stop: () => bot.stop(),
  };
}
