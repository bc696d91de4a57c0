// What web chat can show: suggested-action buttons (at most 8 stacked on a phone screen, a longer list goes as
// numbered lines), plain text (the page serves Web Chat's minimal bundle, which renders no Markdown, and the
// stars of a masked number must never turn bold), long messages, and no window: the browser polls any time.
import type { ChannelCapabilities } from '../channel-capabilities.ts';

export const WEBCHAT_CHANNEL_ID = 'webchat';

export const WEBCHAT_CAPABILITIES = {
  channel: WEBCHAT_CHANNEL_ID,
  buttons: { kind: 'suggested-actions', max: 8 },
  cards: 'none',
  /** A bubble longer than what a person may type (cap-client-strings) is split, so a phone scrolls by message. */
  text: { format: 'plain', max: 2000, unit: 'chars' },
  windows: {},
  pacing: 'none',
} as const satisfies ChannelCapabilities;
