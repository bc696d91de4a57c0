// Splits a message too long for a channel into parts that fit, at sentence ends (。！？!?. or a line break), so a
// sentence that fits in one part is never broken; a sentence too long for any part is cut at the limit. Each part
// is measured the channel's way (WeCom and WeChat count bytes).
import type { TextStyle } from './channel-capabilities.ts';

const SENTENCE_ENDS = ['\n', '。', '！', '？', '!', '?', '. ', '；'];

export function splitText(text: string, max: number, measure: (s: string) => number = utf8Bytes): string[] {
  const parts: string[] = [];
  let rest = text;
  while (measure(rest) > max) {
    const chars = [...rest];
    let fit = 0;
    let size = 0;
    while (fit < chars.length && size + measure(chars[fit] ?? '') <= max) size += measure(chars[fit++] ?? '');
    const head = chars.slice(0, fit).join('');
    const cut = lastSentenceEnd(head);
    // After the last whole sentence, unless the next is too long for any part: it is cut anyway, so fill this one.
    const take = cut > 0 && measure(firstSentence(rest.slice(cut).trimStart())) <= max ? cut : head.length;
    const part = head.slice(0, take).trimEnd();
    if (part.length > 0) parts.push(part);
    rest = rest.slice(take).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** Just past the last sentence end in `s`; 0 when there is none. */
function lastSentenceEnd(s: string): number {
  return Math.max(0, ...SENTENCE_ENDS.map((end) => { const i = s.lastIndexOf(end); return i < 0 ? 0 : i + end.length; }));
}

/** `s` up to and with its first sentence end; all of `s` when there is none. */
function firstSentence(s: string): string {
  return s.slice(0, Math.min(...SENTENCE_ENDS.map((end) => { const i = s.indexOf(end); return i < 0 ? s.length : i + end.length; })));
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function characters(s: string): number {
  return [...s].length;
}

/** How a channel measures a message: UTF-8 bytes (the Tencent APIs) or characters (code points). */
export function measureIn(unit: Extract<TextStyle, { unit: string }>['unit']): (s: string) => number {
  return unit === 'utf8-bytes' ? utf8Bytes : characters;
}
