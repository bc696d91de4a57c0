// What the Official Account can show and when it may speak (channels.md §4): plain text without buttons
// (choices become numbered lines), and the customer-service window a person's message or event opens.
import type { ChannelCapabilities } from '../channel-capabilities.ts';

export const WECHAT_OA_CHANNEL_ID = 'wechat-oa';

export const WECHAT_OA_CAPABILITIES = {
  channel: WECHAT_OA_CHANNEL_ID,
  buttons: { kind: 'numbered-lines' },
  cards: 'none',
  /** A customer-service text holds 2048 bytes, as WeCom's does; longer replies are split at sentence ends. */
  text: { format: 'plain', max: 2048, unit: 'utf8-bytes' },
  /** Since 2023-06-12: a message gives 5 messages in 48 hours; a menu click, follow or scan 3 in 1 minute. */
  windows: {
    message: { budget: 5, ms: 48 * 3_600_000 },
    event: { budget: 3, ms: 60_000 },
  },
  pacing: 'none',
} as const satisfies ChannelCapabilities;

/** A 订阅通知 `thing` field holds 20 characters. */
export const OA_NOTICE_FIELD_CHARS = 20;

export type WindowKind = keyof typeof WECHAT_OA_CAPABILITIES.windows;

/** Whether the window opened at `openedAt` by `kind` is still open at `now`. */
export function windowIsOpen(kind: WindowKind | null, openedAt: Date | null, now: Date): boolean {
  if (!kind || !openedAt) return false;
  return now.getTime() - openedAt.getTime() < WECHAT_OA_CAPABILITIES.windows[kind].ms;
}
