// What the Official Account can show and when it may speak (channels.md §4): plain text without buttons
// (choices become numbered lines), and the customer-service window a person's message or event opens.

export const WECHAT_OA_CHANNEL_ID = 'wechat-oa';

export const WECHAT_OA_CAPABILITIES = {
  buttons: false,
  markdown: false,
  /** Characters per customer-service message before it is split at sentence ends. */
  maxTextChars: 600,
  /** Since 2023-06-12: a message gives 5 messages in 48 hours; a menu click, follow or scan 3 in 1 minute. */
  windows: {
    message: { budget: 5, ms: 48 * 3_600_000 },
    event: { budget: 3, ms: 60_000 },
  },
  /** A 订阅通知 `thing` field holds 20 characters. */
  noticeFieldChars: 20,
} as const;

export type WindowKind = keyof typeof WECHAT_OA_CAPABILITIES.windows;

/** Whether the window opened at `openedAt` by `kind` is still open at `now`. */
export function windowIsOpen(kind: WindowKind | null, openedAt: Date | null, now: Date): boolean {
  if (!kind || !openedAt) return false;
  return now.getTime() - openedAt.getTime() < WECHAT_OA_CAPABILITIES.windows[kind].ms;
}
