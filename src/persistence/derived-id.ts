// A UUID (version 5 layout) derived from text: two instances creating "the same" row pick the same id, so the
// second insert is a unique violation instead of a duplicate.
import { createHash } from 'node:crypto';

export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
