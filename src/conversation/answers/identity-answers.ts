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

/** Words of both languages that mean a command; `inside`: only those never part of a real name ("人工", "客服"). */
function commandWords(ctx: ParseContext | undefined, inside: boolean): string[] {
  if (!ctx?.phrases) return [];
  const commands: readonly string[] = inside ? ['human', 'cancel', 'menu'] : GLOBAL_COMMANDS;
  return [...commands.flatMap((c) => ctx.phrases?.(`commands.${c}`) ?? []), ...ctx.phrases('answers.notAName')].map((w) => w.toLowerCase());
}

/**
 * A command word is never a name: "人工客服" typed at the name question is refused, not stored. Words such as
 * "英文" only count said alone, since they can be part of a real name (李英文).
 */
export function nameAnswer(input: string, ctx?: ParseContext): ParseResult {
  const said = spokenName(input);
  const lowered = said.toLowerCase();
  const contains = commandWords(ctx, true).some((w) => /\p{Script=Han}/u.test(w) && [...w].length >= 2 && lowered.includes(w));
  if (contains || commandWords(ctx, false).includes(lowered)) return { ok: false, error: 'errors.name.command', params: { said } };
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
