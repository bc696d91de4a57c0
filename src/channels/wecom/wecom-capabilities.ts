// What the WeCom self-built app (caseworkers) can show: text of 2048 bytes (channels.md §3.4: message/send;
// its `markdown` type is not used, so a caseworker sees what a job seeker typed, stars and all), template
// cards for a case (the 认领 button calls back with the case's key), no window, and sends paced per member.
import type { ChannelCapabilities } from '../channel-capabilities.ts';

export const WECOM_CHANNEL_ID = 'wecom';

export const WECOM_CAPABILITIES = {
  channel: WECOM_CHANNEL_ID,
  /** Free choices have no key the caseworker commands understand, so they are numbered; cards carry keys. */
  buttons: { kind: 'numbered-lines' },
  cards: 'template-card',
  text: { format: 'plain', max: 2048, unit: 'utf8-bytes' },
  windows: {},
  /** WeCom silently drops more than 30 a minute or 1000 an hour to one member (member-pacer.ts). */
  pacing: 'per-recipient',
} as const satisfies ChannelCapabilities;
