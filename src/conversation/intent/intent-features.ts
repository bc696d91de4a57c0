// Turns a message into the tokens the intent model sees. Chinese: jieba words, toneless pinyin syllables and
// syllable pairs, so a homophone typo from a pinyin keyboard (失业等级 for 失业登记) looks like the word that was
// meant. English: words and word pairs. Both: words under a negation are marked, so "不想登记" is not "登记".
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/** Longest text the intent layer looks at; a question to the bot is short, and the cap comes before any parsing. */
export const MAX_INTENT_TEXT = 120;

const jieba = Jieba.withDict(dict);
const HAN = /\p{Script=Han}/u;
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;
const QUESTION = /[?？吗嘛么呢]/u;
/** Chinese words that negate what follows ("不想登记", "别办了", "不用联系我"). */
const ZH_NEGATORS = new Set(['不', '不想', '不要', '不用', '不必', '不再', '别', '甭', '不需要', '不打算', '不愿意', '不愿', '没必要', '不办', '不登', '不想要']);
/** English words that negate what follows, once contractions are spelled out ("do not register me", "not now"). */
const EN_NEGATORS = new Set(['not', 'no', 'never', 'stop', 'cannot']);
/** How many words after a negator it covers. */
const NEGATION_SPAN = 3;

/** Which model reads the text: any Han character makes it Chinese, whatever the conversation's language. */
export function intentLanguageOf(text: string): 'zh' | 'en' {
  return HAN.test(text) ? 'zh' : 'en';
}

/** Model tokens for `text` (already capped by the caller or here). Empty when nothing is left. */
export function intentFeaturesOf(text: string): string {
  const capped = text.slice(0, MAX_INTENT_TEXT).normalize('NFKC').toLowerCase();
  const plain = capped.replace(SEPARATORS, ' ').trim();
  if (plain === '') return '';
  const question = QUESTION.test(capped) ? ['qmark'] : [];
  if (intentLanguageOf(plain) === 'en') {
    const words = expandContractions(capped).replace(SEPARATORS, ' ').trim().split(' ').filter((w) => w !== '');
    const pairs = words.slice(1).map((w, i) => `${words[i] ?? ''}_${w}`);
    const negated = negatedAfter(words, (w) => EN_NEGATORS.has(w)).map((w) => `neg_${w}`);
    return [...words, ...pairs, ...negated, ...question].join(' ');
  }
  const joined = plain.replace(/ /g, '');
  const words = jieba.cut(joined, false).filter((w) => w.trim() !== '');
  const syllables = pinyin(joined, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.replace(/[^a-z0-9]/g, ''));
  const pairs = syllables.slice(1).map((s, i) => `p${syllables[i] ?? ''}${s}`);
  const singles = syllables.map((s) => `s${s}`);
  const negated = negatedAfter(words, isZhNegator).map((w) => `n${encodeWord(w)}`);
  return [...words.map(encodeWord), ...pairs, ...singles, ...negated, ...question].join(' ');
}

/** "don't" -> "do not", "I'm" -> "I am": one spelling for what people type either way. */
function expandContractions(text: string): string {
  return text.replace(/’/g, "'").replace(/\bcan'?t\b/g, 'can not').replace(/\bwon'?t\b/g, 'will not').replace(/n't\b/g, ' not').replace(/\bdont\b/g, 'do not')
    .replace(/\bi'?m\b/g, 'i am').replace(/'re\b/g, ' are').replace(/'ll\b/g, ' will').replace(/'ve\b/g, ' have').replace(/'d\b/g, ' would');
}

/** A Chinese negator: a listed one, or a two-character 不… word that jieba kept whole (不办, 不填). */
function isZhNegator(word: string): boolean {
  return ZH_NEGATORS.has(word) || (word.startsWith('不') && [...word].length === 2);
}

/** The words within NEGATION_SPAN after each negator. */
function negatedAfter(words: readonly string[], isNegator: (w: string) => boolean): string[] {
  return words.flatMap((w, i) => (isNegator(w) ? words.slice(i + 1, i + 1 + NEGATION_SPAN) : []));
}

/** A Chinese word as an ASCII token, so the English tokenizer of the model keeps it whole. */
function encodeWord(word: string): string {
  return `w${[...word].map((c) => (c.codePointAt(0) ?? 0).toString(36)).join('x')}`;
}
