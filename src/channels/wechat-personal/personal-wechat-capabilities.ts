// What personal WeChat (wechaty) can show: plain text with choices as numbered lines, split conservatively at
// the 2048 bytes of WeChat's official texts (the protocol is unofficial and states none), no reply window, and
// every send paced for the one account (a minimum gap and a daily cap), since WeChat blocks bursts.
import type { ChannelCapabilities } from '../channel-capabilities.ts';

export const WECHATY_CHANNEL_ID = 'wechaty';

export const WECHATY_CAPABILITIES = {
  channel: WECHATY_CHANNEL_ID,
  buttons: { kind: 'numbered-lines' },
  cards: 'none',
  text: { format: 'plain', max: 2048, unit: 'utf8-bytes' },
  windows: {},
  pacing: 'per-account',
} as const satisfies ChannelCapabilities;
