// Size caps on everything a web chat client sends, checked on the parsed JSON before any schema, parser or
// regular expression sees it: so no single request can make the service do more than a bounded amount of work.

/** Longest message text accepted from a job seeker (a phone keyboard never needs more). */
export const MAX_TEXT_LENGTH = 2000;

export const CLIENT_LIMITS = {
  /** Any one string a client sends: text, value, names, every string inside channelData/entities/attachments. */
  stringChars: MAX_TEXT_LENGTH,
  /** `value`, `channelData`, `entities` and `attachments` together, as JSON (a button press needs a few hundred). */
  extrasChars: 16_384,
  /** Nesting of objects and arrays below the activity. */
  depth: 8,
  /** Keys and array items in the whole activity. */
  nodes: 1_000,
} as const;

/** Field names a client never needs and that could reach an object's prototype when copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const EXTRA_FIELDS = ['value', 'channelData', 'entities', 'attachments'];

export type CapRefusal = { status: 400 | 413; code: string; message: string };

/** Null when `body` is within every cap, else why not (the first cap it breaks). Iterative: any depth is safe. */
export function capClientStrings(body: unknown): CapRefusal | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  let nodes = 0;
  let extras = 0;
  const stack: { value: unknown; depth: number; path: string; extra: boolean }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (FORBIDDEN_KEYS.has(key)) return badArgument(`the field name ${key} is not allowed`);
    stack.push({ value, depth: 1, path: key.slice(0, 64), extra: EXTRA_FIELDS.includes(key) });
  }
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, depth, path, extra } = item;
    nodes += 1;
    if (nodes > CLIENT_LIMITS.nodes) return tooLarge(`the activity has more than ${CLIENT_LIMITS.nodes} fields`);
    if (typeof value === 'string') {
      if (value.length > CLIENT_LIMITS.stringChars) return path === 'text' ? textTooLong(value.length) : tooLarge(`${path} is longer than ${CLIENT_LIMITS.stringChars} characters`);
      if (extra) extras += value.length + 2;
    } else if (extra) {
      extras += 8;
    }
    if (extras > CLIENT_LIMITS.extrasChars) return tooLarge(`value, channelData, entities and attachments exceed ${CLIENT_LIMITS.extrasChars} characters`);
    if (value === null || typeof value !== 'object') continue;
    if (depth > CLIENT_LIMITS.depth) return badArgument(`${path} is nested deeper than ${CLIENT_LIMITS.depth} levels`);
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return badArgument(`the field name ${key} is not allowed`);
      if (extra) extras += key.length + 3;
      if (key.length > CLIENT_LIMITS.stringChars) return tooLarge(`a field name in ${path} is too long`);
      stack.push({ value: child, depth: depth + 1, path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key.slice(0, 64)}`, extra });
    }
  }
  return null;
}

function textTooLong(length: number): CapRefusal {
  return {
    status: 413,
    code: 'MessageTooLong',
    message: `消息太长了（${length} 字），请不超过 ${MAX_TEXT_LENGTH} 字。Message text is limited to ${MAX_TEXT_LENGTH} characters.`,
  };
}

function tooLarge(detail: string): CapRefusal {
  return { status: 413, code: 'MessageTooLarge', message: `消息内容太大，请精简后再发。The activity is too large: ${detail}.` };
}

function badArgument(detail: string): CapRefusal {
  return { status: 400, code: 'BadArgument', message: `消息格式不正确。Invalid activity: ${detail}.` };
}
