// Channel-neutral shapes of one turn: what a channel hands the engine and what it gets back.

export type InboundKind = 'message' | 'join' | 'other';

export interface InboundTurn {
  channel: string;
  conversationId: string;
  userKey: string;
  kind: InboundKind;
  text: string;
  /** The value of a pressed button, when the channel tells buttons from typed text. */
  value?: string;
  activityId?: string;
  /**
   * The channel runs each activity's turn at most once to completion and runs it again after a crash (web chat):
   * an activity already recorded is not a duplicate, and one already decided gets its saved replies again.
   */
  resumable?: boolean;
  /** Serialized ConversationReference, kept so the scheduler can reach the person later. */
  reference: string;
  /** Whether the channel can show suggested-action buttons; without them choices become numbered lines. */
  buttons: boolean;
  /** The most buttons one message may carry on this channel; a longer list of choices goes out as numbered lines. */
  maxButtons?: number;
  at: Date;
}

export interface Choice {
  title: string;
  value: string;
}

export interface OutboundMessage {
  text: string;
  choices: Choice[];
  /** The language the text is in, so a channel can switch its own labels (Web Chat's `locale`) to match. */
  locale?: string;
}

export const CONVERSATION_MODES = ['bot', 'awaiting_caseworker', 'caseworker'] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

export function conversationKeyOf(turn: Pick<InboundTurn, 'channel' | 'conversationId'>): string {
  return `${turn.channel}:${turn.conversationId}`;
}
