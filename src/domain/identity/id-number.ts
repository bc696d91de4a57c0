// Parses and validates a mainland resident ID number (居民身份证号码, GB 11643-1999) into birth date, sex and
// address code; upgrades legacy 15-digit numbers. Pure: "today" is an argument. See domain SPEC §4.
import { compareDates, isValidPlainDate } from '../dates/plain-date.ts';
import { normalizeDigits } from './normalize-digits.ts';

export type IdNumberResult =
  | { valid: true; normalized: string; birthDate: string; sex: 'M' | 'F'; region: string; legacyUpgraded: boolean }
  | { valid: false; reason: 'format' | 'checksum' | 'date' | 'future' | 'province' };

/** Where the rules of this file come from. */
export const ID_NUMBER_SOURCE = 'gb-11643-1999';

/** Weights of positions 1..17: 2^(17-i) mod 11 (GB 11643-1999 §4.2, SPEC §4.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** S mod 11 → check character (SPEC §4.2 lookup table). */
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes (GB/T 2260 first two digits) plus 71/81/82/83 used on residence permits for people
 * from Taiwan, Hong Kong and Macau (SPEC §4.3). The full 6-digit code is deliberately not checked.
 */
const PROVINCE_CODES = new Set<string>([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);


/** The MOD 11-2 check character of the first 17 digits (GB 11643-1999 §4.2). */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function birthDateOf(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates a resident ID number in the order of SPEC §4.3: length/pattern → check character → real date →
 * not in the future → province code. A legacy 15-digit number (first-generation card, SPEC §4.4) has no check
 * character: "19" is inserted after the address code and the check character appended. Numbers starting
 * with 9 (foreign permanent-resident ID cards since 2023) are not resident IDs: reason 'province', checked
 * before the date because their birth-date field need not follow GB 11643.
 * Source: GB 11643-1999 §4; SPEC §4.3–4.5.
 */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  if (!isValidPlainDate(today)) throw new RangeError(`today is not a plain date: ${JSON.stringify(today)}`);
  // The same reading as the masker: digits of any script, spaces and dashes between groups, x or X.
  const input = normalizeDigits(raw);
  let normalized: string;
  let legacyUpgraded = false;
  if (/^\d{15}$/.test(input)) {
    const first17 = `${input.slice(0, 6)}19${input.slice(6)}`;
    normalized = first17 + checkCharacter(first17);
    legacyUpgraded = true;
  } else if (/^\d{17}[\dX]$/.test(input)) {
    if (checkCharacter(input.slice(0, 17)) !== input[17]) return { valid: false, reason: 'checksum' };
    normalized = input;
  } else {
    return { valid: false, reason: 'format' };
  }
  if (normalized.startsWith('9')) return { valid: false, reason: 'province' };
  const birthDate = birthDateOf(normalized.slice(6, 14));
  if (!isValidPlainDate(birthDate)) return { valid: false, reason: 'date' };
  if (compareDates(birthDate, today) > 0) return { valid: false, reason: 'future' };
  if (!PROVINCE_CODES.has(normalized.slice(0, 2))) return { valid: false, reason: 'province' };
  return {
    valid: true,
    normalized,
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F',
    region: normalized.slice(0, 6),
    legacyUpgraded,
  };
}

/**
 * Birth date and sex read from an ID number that was valid when stored (GB 11643-1999 §4: positions 7–14 and
 * the parity of position 17); null when `normalized` is not an 18-character number with a real date. They are
 * derived on read, never stored in plain text beside the mask.
 */
export function birthDateAndSexOf(normalized: string): { birthDate: string; sex: 'M' | 'F' } | null {
  if (!/^\d{17}[\dX]$/.test(normalized)) return null;
  const birthDate = birthDateOf(normalized.slice(6, 14));
  if (!isValidPlainDate(birthDate)) return null;
  return { birthDate, sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F' };
}

/**
 * Masks a normalized ID for logs, chats and staff screens: the first 4 (the city) and the last 2 characters
 * kept, the rest '*' (e.g. 3303************35). SPEC §4.7's example keeps the last 4, but those 4 plus the
 * birth date or the 户籍地 leave only a few hundred candidates; with these 2 the birth date and two sequence
 * digits stay hidden (over 100,000 candidates even with the place known). Shorter strings are fully masked.
 * @productDecision ID_MASK_KEEPS_4_AND_2
 */
export function maskIdNumber(normalized: string): string {
  const s = normalized.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 6)}${s.slice(-2)}`;
}
