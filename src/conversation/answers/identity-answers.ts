// Answer parsers for a person's identity: what people say around the value is stripped (spoken-prefixes),
// then domain rules in, slot values and locale error keys out. Every refusal says what was wrong.
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { parseMobileNumber } from '../../domain/contact/mobile-number.ts';
import { parsePersonName } from '../../domain/contact/person-name.ts';
import type { ParseContext, ParseResult } from '../dialog-types.ts';
import { GLOBAL_COMMANDS } from '../global-commands.ts';
import { spokenIdNumber, spokenName, spokenPhone } from './spoken-prefixes.ts';

const ID_LENGTH = 18;
const PHONE_LENGTH = 11;

/** Command words of both languages ("人工", "取消", …) plus the words under `answers.notAName`. */
function commandWords(ctx: ParseContext | undefined): string[] {
  if (!ctx?.phrases) return [];
  return [...GLOBAL_COMMANDS.flatMap((c) => ctx.phrases?.(`commands.${c}`) ?? []), ...ctx.phrases('answers.notAName')].map((w) => w.toLowerCase());
}

/** A command word is never a name: "人工客服" typed at the name question is refused, not stored. */
export function nameAnswer(input: string, ctx?: ParseContext): ParseResult {
  const said = spokenName(input);
  const lowered = said.toLowerCase();
  if (commandWords(ctx).some((w) => lowered === w || (/\p{Script=Han}/u.test(w) && [...w].length >= 2 && lowered.includes(w)))) {
    return { ok: false, error: 'errors.name.command', params: { said } };
  }
  if (/\d/u.test(said)) return { ok: false, error: 'errors.name.digits' };
  const name = parsePersonName(said);
  return name.valid ? { ok: true, value: name.normalized } : { ok: false, error: `errors.name.${name.reason}` };
}

/** How many digits were typed, when the answer is only digits (and a final X) of the wrong length. */
function lengthError(kind: 'idNumber' | 'phone', value: string, expected: number): ParseResult | null {
  if (!/^\d+X?$/u.test(value) || value.length === expected) return null;
  const count = value.length;
  return count < expected
    ? { ok: false, error: `errors.${kind}.too_short`, params: { count, missing: expected - count } }
    : { ok: false, error: `errors.${kind}.too_long_digits`, params: { count, extra: count - expected } };
}

export function idNumberAnswer(input: string, ctx: ParseContext): ParseResult {
  const said = spokenIdNumber(input);
  const id = parseIdNumber(said, ctx.today);
  if (!id.valid) return (id.reason === 'format' && lengthError('idNumber', said, ID_LENGTH)) || { ok: false, error: `errors.idNumber.${id.reason}` };
  return { ok: true, value: id.normalized, derived: { birthDate: id.birthDate, sex: id.sex, idRegion: id.region } };
}

export function phoneAnswer(input: string): ParseResult {
  const said = spokenPhone(input);
  const phone = parseMobileNumber(said);
  if (phone.valid) return { ok: true, value: phone.normalized };
  const digits = said.replace(/^\+?86(?=\d{11,})/u, '');
  return lengthError('phone', digits, PHONE_LENGTH) ?? { ok: false, error: 'errors.phone.format' };
}
