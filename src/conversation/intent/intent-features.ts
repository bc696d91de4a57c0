// Turns a message into the tokens the intent model sees. Chinese: jieba words plus toneless pinyin pairs, so a
// homophone typo from a pinyin keyboard (失业等级 for 失业登记) looks like the word that was meant. English: words.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/** Longest text the intent layer looks at; a question to the bot is short, and the cap comes before any parsing. */
export const MAX_INTENT_TEXT = 120;

const jieba = Jieba.withDict(dict);
const HAN = /\p{Script=Han}/u;
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;

/** Which model reads the text: any Han character makes it Chinese, whatever the conversation's language. */
export function intentLanguageOf(text: string): 'zh' | 'en' {
  return HAN.test(text) ? 'zh' : 'en';
}

/** Model tokens for `text` (already capped by the caller or here). Empty when nothing is left. */
export function intentFeaturesOf(text: string): string {
  const plain = text.slice(0, MAX_INTENT_TEXT).normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
  if (intentLanguageOf(plain) === 'en') return plain;
  const joined = plain.replace(/ /g, '');
  const words = jieba.cut(joined, false).filter((w) => w.trim() !== '').map(encodeWord);
  const syllables = pinyin(joined, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const pairs = syllables.slice(1).map((s, i) => `p${syllables[i] ?? ''}${s}`.replace(/[^a-z0-9]/g, ''));
  return [...words, ...pairs].join(' ');
}

/** A Chinese word as an ASCII token, so the English tokenizer of the model keeps it whole. */
function encodeWord(word: string): string {
  return `w${[...word].map((c) => (c.codePointAt(0) ?? 0).toString(36)).join('x')}`;
}
