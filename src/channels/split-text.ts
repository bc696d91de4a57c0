// Splits a message too long for a channel into parts that fit, at sentence ends (。！？!?. or a line break)
// where possible, else at the limit; each part is measured the channel's way (WeCom and WeChat count bytes).
import type { TextStyle } from './channel-capabilities.ts';

export function splitText(text: string, max: number, measure: (s: string) => number = utf8Bytes): string[] {
  const parts: string[] = [];
  let rest = text;
  while (measure(rest) > max) {
    const chars = [...rest];
    let fit = 0;
    let size = 0;
    while (fit < chars.length && size + measure(chars[fit] ?? '') <= max) size += measure(chars[fit++] ?? '');
    const head = chars.slice(0, fit).join('');
    const cut = Math.max(...['\n', '。', '！', '？', '!', '?', '. ', '；'].map((end) => { const i = head.lastIndexOf(end); return i < 0 ? -1 : i + end.length; }));
    const take = cut > head.length / 3 ? cut : head.length;
    parts.push(head.slice(0, take).trimEnd());
    rest = rest.slice(take).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
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
