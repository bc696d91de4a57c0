// What SMS can carry: registered templates only (a one-time code, a notice with a short link to web chat), so
// no buttons and no free text; each send is counted against the provider's per-number limits.
import type { ChannelCapabilities } from '../channel-capabilities.ts';

export const SMS_CHANNEL_ID = 'sms';

export const SMS_CAPABILITIES = {
  channel: SMS_CHANNEL_ID,
  buttons: { kind: 'none' },
  cards: 'none',
  text: { format: 'templates-only' },
  windows: {},
  pacing: 'per-recipient',
} as const satisfies ChannelCapabilities;
