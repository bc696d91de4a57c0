// Folds every Unicode decimal digit (\p{Nd}: full-width ０–９, Arabic-Indic, Devanagari, mathematical bold, …)
// to its ASCII digit. Pure and tiny on purpose: one place the digit normaliser of the parsers can absorb.

const DECIMAL_DIGIT = /\p{Nd}/u;

/** The value 0–9 of a decimal digit: Unicode lays every Nd run out as 0…9 blocks, so count back to the run's start. */
function valueOf(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

/** `'１３８'` → `'138'`, `'٤٤٠'` → `'440'`; everything else is left as it is. */
export function foldDecimalDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : String(valueOf(d))));
}
