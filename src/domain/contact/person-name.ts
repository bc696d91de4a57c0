// A person's name as written on the ID card: Chinese names with an optional middle dot, or Latin letters.

export type PersonNameResult = { valid: true; normalized: string } | { valid: false; reason: 'empty' | 'too_long' | 'characters' };

const NAME_PATTERN = /^[\p{Script=Han}·•.\p{L} '-]+$/u;

export function parsePersonName(raw: string): PersonNameResult {
  const name = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!name) return { valid: false, reason: 'empty' };
  if ([...name].length > 30) return { valid: false, reason: 'too_long' };
  if (!NAME_PATTERN.test(name) || /\d/.test(name)) return { valid: false, reason: 'characters' };
  return { valid: true, normalized: name };
}
