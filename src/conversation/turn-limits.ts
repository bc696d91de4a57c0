// The engine's own cap on what a channel hands it: every channel feeds the same matching (commands, menu
// phrases, parsers), so an over-long turn is refused here before any of it runs, whatever the channel checked.
import type { InboundTurn } from './turn-types.ts';

/** Longest text or button value the engine reads (a phone keyboard never needs more). */
export const MAX_TURN_TEXT_CHARS = 2000;

/** True when the turn's text or value is longer than the engine reads. */
export function isOverLong(turn: Pick<InboundTurn, 'text' | 'value'>): boolean {
  return turn.text.length > MAX_TURN_TEXT_CHARS || (turn.value?.length ?? 0) > MAX_TURN_TEXT_CHARS;
}

/** What the transcript keeps of a text: masked first (so no number is cut in half unmasked), then cut to the cap. */
export function transcriptTextOf(text: string, mask: (text: string) => string): string {
  const masked = mask(text);
  return masked.length > MAX_TURN_TEXT_CHARS ? `${masked.slice(0, MAX_TURN_TEXT_CHARS)}…` : masked;
}
