// Mainland mobile numbers (11 digits starting 13–19), as job seekers type them: spaces, dashes, +86.
import { normalizeDigits, withoutCountryCode } from '../identity/normalize-digits.ts';

export type MobileNumberResult = { valid: true; normalized: string } | { valid: false; reason: 'format' };

/** Accepts `138 1234 5678`, `138-1234-5678`, `+86 13812345678` and digits of any script (the masker's reading). */
export function parseMobileNumber(raw: string): MobileNumberResult {
  const digits = withoutCountryCode(normalizeDigits(raw));
  return /^1[3-9]\d{9}$/.test(digits) ? { valid: true, normalized: digits } : { valid: false, reason: 'format' };
}

/** `13812345678` → `138****5678`. */
export function maskMobileNumber(normalized: string): string {
  return `${normalized.slice(0, 3)}****${normalized.slice(-4)}`;
}
