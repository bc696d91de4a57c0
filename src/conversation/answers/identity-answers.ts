// Answer parsers for a person's identity: domain rules in, slot values and locale error keys out.
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { parseMobileNumber } from '../../domain/contact/mobile-number.ts';
import { parsePersonName } from '../../domain/contact/person-name.ts';
import type { ParseContext, ParseResult } from '../dialog-types.ts';

export function nameAnswer(input: string): ParseResult {
  const name = parsePersonName(input);
  return name.valid ? { ok: true, value: name.normalized } : { ok: false, error: `errors.name.${name.reason}` };
}

export function idNumberAnswer(input: string, ctx: ParseContext): ParseResult {
  const id = parseIdNumber(input, ctx.today);
  if (!id.valid) return { ok: false, error: `errors.idNumber.${id.reason}` };
  return { ok: true, value: id.normalized, derived: { birthDate: id.birthDate, sex: id.sex, idRegion: id.region } };
}

export function phoneAnswer(input: string): ParseResult {
  const phone = parseMobileNumber(input);
  return phone.valid ? { ok: true, value: phone.normalized } : { ok: false, error: 'errors.phone.format' };
}
