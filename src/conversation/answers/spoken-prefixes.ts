// What people put around an answer when they type or dictate it: "我叫王芳。", "身份证号是 4408 …",
// "我的手机是138-1234-5678". Stripped here, before the domain parsers see the bare value.
import { foldDecimalDigits } from '../../domain/identity/normalize-digits.ts';
import { trimTrailing } from '../trim-trailing.ts';

/** Punctuation and spaces people leave at the end (dictation adds a full stop); trimmed in one linear pass. */
const TRAILING = ' \t\n\r\u00a0\u3000。．.!！?？,，、;；~～…';

const NAME_PREFIX = /^(?:(?:我的)?(?:名字|姓名)(?:是|叫|为)?[:：]?|我叫|我是|本人|叫|(?:my )?name(?: is)?[:：]?|i am|i'm|this is)\s*/iu;
const ID_PREFIX = /^(?:我的)?(?:(?:居民)?身份证(?:号码|号)?|证件号码?|身份号码?|id(?: card)?(?: number| no\.?)?|my id(?: card)?(?: number| no\.?)?)\s*(?:是|为|is)?\s*[:：]?\s*/iu;
const PHONE_PREFIX = /^(?:我的)?(?:手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|(?:my )?(?:mobile|phone|cell)(?: number| no\.?)?|tel\.?)\s*(?:是|为|is)?\s*[:：]?\s*/iu;

function bare(input: string): string {
  return trimTrailing(input.normalize('NFKC').trim(), TRAILING);
}

/** "我叫王芳。" → "王芳"; "My name is Li Lei." → "Li Lei". */
export function spokenName(input: string): string {
  return trimTrailing(bare(input).replace(NAME_PREFIX, ''), TRAILING).trim();
}

/** "身份证号是 4408 0219 9003 0100 2X" → "44080219900301002X": digits folded, spaces and dashes dropped. */
export function spokenIdNumber(input: string): string {
  return foldDecimalDigits(bare(input)).replace(ID_PREFIX, '').replace(/[\s\-‐‑–—_.]/gu, '').replace(/x$/u, 'X');
}

/** "我的手机是138-1234-5678" → "13812345678" (a +86 or 0086 country code is left for the domain parser). */
export function spokenPhone(input: string): string {
  return foldDecimalDigits(bare(input)).replace(PHONE_PREFIX, '').replace(/[\s\-‐‑–—_.()（）]/gu, '').replace(/^0086/u, '+86');
}
