// Masks ID and phone numbers in every string of a JSON value (object keys too), for whatever a client sent
// beside its text: `value`, `channelData`, attachments, entities. Returns a new value; the input is untouched.
import { maskPersonalNumbers } from './mask-personal-numbers.ts';

/** Deeper than this is not walked: the branch is replaced (client input is capped far below it). */
const MAX_DEPTH = 64;

/** A copy of `value` with every string leaf and key masked; prototype keys are dropped, never assigned. */
export function maskJsonStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item: unknown) => maskJsonStrings(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '__proto__') continue;
    Object.defineProperty(out, maskPersonalNumbers(key), { value: maskJsonStrings(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
