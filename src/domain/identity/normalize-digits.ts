// One reading of numbers as people type them, shared by the parsers (ID number, mobile number) and the masker:
// NFKC, every Unicode decimal digit (\p{Nd}, any script: full-width, 𝟏𝟑𝟖, ١٣٨, १३८) folded to ASCII,
// spaces and dashes between digits dropped, a +86 / 0086 country code dropped. Pure.

/** Spaces (any Unicode space, tab), dashes (any Pd, the minus sign) and invisible format characters between digit groups. */
const SEPARATOR = /^[\s\p{Pd}\u2212\p{Cf}]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<number, string>();

/**
 * The ASCII digit of one code point of category Nd. Unicode encodes every decimal digit in runs of ten,
 * 0 to 9, and adjacent runs start at 0, so the value is the distance to the start of the run, modulo 10.
 */
function asciiDigit(codePoint: number): string {
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  let back = 0;
  while (back < 100 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - back - 1))) back += 1;
  const value = String(back % 10);
  digitValues.set(codePoint, value);
  return value;
}

/** One character as a number reader sees it: a digit of any script → ASCII, `x`/`Ｘ` → `X`, else NFKC. */
export function foldNumberChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return char === 'x' ? 'X' : char;
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return char; // CJK ideographs: the bulk of chat text
  if (DECIMAL_DIGIT.test(char)) return asciiDigit(codePoint);
  const nfkc = char.normalize('NFKC');
  return nfkc === 'x' ? 'X' : nfkc;
}

/** Every Unicode decimal digit in `text` as its ASCII digit (`'１３８'` → `'138'`, `'٤٤٠'` → `'440'`); the rest unchanged. */
export function foldDecimalDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += codePoint >= 0x80 && DECIMAL_DIGIT.test(char) ? asciiDigit(codePoint) : char;
  }
  return out;
}

/** True for a space or dash that may sit between digit groups ("138 0013 8000", "138-0013-8000"). */
export function isDigitSeparator(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return char === ' ' || char === '-' || char === '\t' || char === '\n' || char === '\r';
  return SEPARATOR.test(char);
}

/**
 * The number in `raw` as ASCII digits (and `X`): every character folded, separators dropped. Text that is not
 * a number keeps its other characters, so parsers still see it is not one. Linear in the input.
 */
export function normalizeDigits(raw: string): string {
  let out = '';
  for (const char of raw) {
    if (isDigitSeparator(char)) continue;
    out += foldNumberChar(char);
  }
  return out;
}

/** `+8613800138000`, `008613800138000`, `8613800138000` → `13800138000`; anything else unchanged. */
export function withoutCountryCode(digits: string): string {
  for (const prefix of ['+86', '0086', '86']) {
    const rest = digits.startsWith(prefix) ? digits.slice(prefix.length) : '';
    if (rest.length === 11 && rest.startsWith('1')) return rest;
  }
  return digits;
}
