// A place as a person names it on the form (户籍地 / 常住地, SPEC §1.12): free text such as "湛江市赤坎区".
// The bot never infers 户籍 from the ID number's address code (SPEC §4.3); it asks and keeps the words.

export type PlaceNameResult = { valid: true; normalized: string } | { valid: false; reason: 'format' | 'too_long' };

/** Longest place text kept; a full street address is for the caseworker, not the chat. */
export const PLACE_NAME_MAX_CHARS = 60;

/**
 * SPEC §1.12 (addresses: 户籍地, 常住地): at least two characters, some of them letters or Chinese characters
 * (not only digits or symbols), at most PLACE_NAME_MAX_CHARS.
 */
export function parsePlaceName(raw: string): PlaceNameResult {
  const place = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const letters = [...place].filter((c) => /[\p{Script=Han}\p{L}]/u.test(c)).length;
  if (letters < 2) return { valid: false, reason: 'format' };
  if ([...place].length > PLACE_NAME_MAX_CHARS) return { valid: false, reason: 'too_long' };
  return { valid: true, normalized: place };
}
