// What 微信客服 can show and when it may speak: plain text (choices as numbered lines; its 菜单消息 is not used),
// 2048 bytes a message, and 5 messages in the 48 hours after the customer's last message.
import type { ChannelCapabilities } from '../channel-capabilities.ts';

export const WECOM_KF_CHANNEL_ID = 'wecom-kf';

export const KF_CAPABILITIES = {
  channel: WECOM_KF_CHANNEL_ID,
  buttons: { kind: 'numbered-lines' },
  cards: 'none',
  /** kf/send_msg: a text's content is at most 2048 bytes. */
  text: { format: 'plain', max: 2048, unit: 'utf8-bytes' },
  windows: { message: { budget: 5, ms: 48 * 3_600_000 } },
  pacing: 'none',
} as const satisfies ChannelCapabilities;

export const KF_WINDOW = KF_CAPABILITIES.windows.message;
