// The one-time code as typed back: six digits (spaces and full-width digits allowed).
import { parseOneTimeCode } from '../../domain/identity/one-time-code-policy.ts';
import type { ParseResult } from '../dialog-types.ts';

export function oneTimeCodeAnswer(input: string): ParseResult {
  const code = parseOneTimeCode(input);
  return code ? { ok: true, value: code } : { ok: false, error: 'identity.code.format' };
}
