// The one renderer from the engine's replies to what a channel can show, by its declared capabilities: buttons
// where it has them (else numbered lines), Markdown made plain where it is shown literally, a turn's replies
// joined where every message counts against a window's budget, and text split at sentence ends to its limit.
import { numberedLines } from '../conversation/reply-renderer.ts';
import type { Choice } from '../conversation/turn-types.ts';
import { countsMessages, type ChannelCapabilities } from './channel-capabilities.ts';
import { plainTextOf } from './plain-text.ts';
import { measureIn, splitText } from './split-text.ts';

/** One reply as the engine (or a caseworker, or outreach) hands it over: text and the choices it offers. */
export interface ReplyToRender {
  text: string;
  choices?: readonly Choice[];
}

/** One message to send. `choices` are buttons (only where the channel has them); `reply` is the reply it ends. */
export interface RenderedMessage {
  text: string;
  choices: Choice[];
  reply: number;
}

/** A reply shaped for the channel before splitting: its text, its choices as numbered lines or as buttons. */
interface Shaped {
  text: string;
  lines: string;
  choices: Choice[];
  reply: number;
}

/**
 * The messages to send for `replies` on a channel with `capabilities`. Choices that cannot be buttons become
 * lines "1. title" in the offered order, so a typed number still means the same choice, and stay together at
 * the end of the last part. A channel without free text (SMS) gets nothing: it sends its registered template.
 */
export function renderForChannel(replies: readonly ReplyToRender[], capabilities: ChannelCapabilities): RenderedMessage[] {
  const { text: style } = capabilities;
  if (style.format === 'templates-only') return [];
  const shaped = replies.map((r, reply): Shaped => {
    const choices = r.choices ?? [];
    const text = style.format === 'markdown' ? r.text : plainTextOf(r.text);
    const buttons = capabilities.buttons.kind === 'suggested-actions' && choices.length <= capabilities.buttons.max;
    if (buttons || choices.length === 0) return { text, lines: '', choices: choices.map(({ title, value }) => ({ title, value })), reply };
    return { text, lines: numberedLines(choices).join('\n'), choices: [], reply };
  }).filter((s) => withLines(s).trim() !== '' || s.choices.length > 0);
  const batch = countsMessages(capabilities) && shaped.length > 1 ? [joined(shaped)] : shaped;
  const measure = measureIn(style.unit);
  return batch.flatMap((s) => {
    const parts = splitText(s.text, style.max, measure);
    if (s.lines !== '') {
      const tail = parts.pop();
      const together = tail === undefined ? s.lines : `${tail}\n${s.lines}`;
      if (measure(together) <= style.max) parts.push(together);
      else parts.push(...(tail === undefined ? [] : [tail]), ...splitText(s.lines, style.max, measure));
    }
    if (parts.length === 0) parts.push('');
    return parts.map((text, i) => ({ text, choices: i === parts.length - 1 ? s.choices : [], reply: s.reply }));
  });
}

function withLines(s: Shaped): string {
  return s.lines === '' ? s.text : s.text.trim() === '' ? s.lines : `${s.text}\n${s.lines}`;
}

/** A turn's replies as one message (blank line between them), with the buttons of the last that offers any. */
function joined(shaped: readonly Shaped[]): Shaped {
  const last = shaped[shaped.length - 1];
  const earlier = shaped.slice(0, -1).map(withLines);
  return {
    text: [...earlier, last?.text ?? ''].filter((t) => t.trim() !== '').join('\n\n'),
    lines: last?.lines ?? '',
    choices: [...shaped].reverse().find((s) => s.choices.length > 0)?.choices ?? [],
    reply: last?.reply ?? 0,
  };
}
