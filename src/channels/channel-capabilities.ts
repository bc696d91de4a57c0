// What a channel can show and when it may speak, declared once per channel (ARCHITECTURE.md: "each channel
// declares its capabilities"): the reply renderer, the engine's numbered lines and outreach all read it.

/** How a message's choices reach the person. */
export type ButtonStyle =
  /** Buttons under the message (Web Chat's suggested actions), at most `max` of them; a longer list is numbered. */
  | { kind: 'suggested-actions'; max: number }
  /** Numbered lines in the text; the person types the number back (the engine maps it to the choice). */
  | { kind: 'numbered-lines' }
  /** No choices at all: the channel only carries registered templates. */
  | { kind: 'none' };

/** What a message's text may be. `max` is the longest message in `unit`; a longer one is split at sentence ends. */
export type TextStyle =
  | { format: 'plain' | 'markdown'; max: number; unit: 'chars' | 'utf8-bytes' }
  /** No free text: the channel sends registered templates only (SMS in mainland China). */
  | { format: 'templates-only' };

/** A reply window: after the person's action the channel may send `budget` messages within `ms`. */
export interface ReplyWindow {
  budget: number;
  ms: number;
}

export interface ChannelCapabilities {
  /** The channel id its activities and addresses carry. */
  channel: string;
  buttons: ButtonStyle;
  /** Cards a sender builds itself (WeCom's template card for a case, its buttons calling back with keys). */
  cards: 'template-card' | 'none';
  text: TextStyle;
  /**
   * Reply windows by the action that opens them; none: the channel may speak at any time. A channel with a
   * window counts every message against its budget, so a turn's replies are joined into as few as fit.
   */
  windows: Readonly<Record<string, ReplyWindow>>;
  /** Whose sends are spaced out: each recipient's (WeCom members), the one sending account's (personal WeChat), or nobody's. */
  pacing: 'none' | 'per-recipient' | 'per-account';
}

/** Whether choices can go out as buttons at all (the engine numbers them otherwise). */
export function showsButtons(capabilities: Pick<ChannelCapabilities, 'buttons'>): boolean {
  return capabilities.buttons.kind === 'suggested-actions';
}

/** The most buttons one message carries, when the channel has buttons. */
export function maxButtonsOf(capabilities: Pick<ChannelCapabilities, 'buttons'>): number | undefined {
  return capabilities.buttons.kind === 'suggested-actions' ? capabilities.buttons.max : undefined;
}

/** Whether a turn's replies count against a message budget (and so are joined into as few messages as fit). */
export function countsMessages(capabilities: Pick<ChannelCapabilities, 'windows'>): boolean {
  return Object.keys(capabilities.windows).length > 0;
}
