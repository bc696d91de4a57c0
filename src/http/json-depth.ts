// Refuses JSON nested deeper than any real request needs, before it is parsed: deep nesting made zod and
// JSON.stringify overflow the stack (500). Used as body-parser's `verify` hook; the error handlers turn
// its error type into a 400.

export const JSON_TOO_DEEP = 'entity.too.deep';
export const MAX_JSON_DEPTH = 32;

/** True when brackets nest deeper than `max` outside strings (one pass over the raw bytes). */
export function jsonNestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** body-parser `verify` hook: throws an error typed `entity.too.deep` for over-nested bodies. */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) throw Object.assign(new Error('JSON is nested too deeply'), { type: JSON_TOO_DEEP });
}
