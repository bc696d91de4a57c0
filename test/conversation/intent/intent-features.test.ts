// The tokens the intent model sees: homophone typos share the pinyin of the word meant, negated words are
// marked apart, English contractions read as the words people meant, and long text is capped first.
import { describe, expect, it } from 'vitest';
import { MAX_INTENT_TEXT, intentFeaturesOf, intentLanguageOf } from '../../../src/conversation/intent/intent-features.ts';

const tokens = (text: string) => new Set(intentFeaturesOf(text).split(' '));

describe('intentFeaturesOf', () => {
  it('gives a pinyin typo (失业等级) the pinyin tokens of the word meant (失业登记)', () => {
    const typo = tokens('失业等级');
    const meant = [...tokens('失业登记')].filter((t) => t.startsWith('p') || t.startsWith('s'));
    expect(meant.length).toBeGreaterThan(0);
    expect(meant.filter((t) => !typo.has(t))).toEqual([]);
  });

  it('marks a word under a negation apart from the same word said plainly', () => {
    const negated = [...tokens('我不想登记')].filter((t) => !tokens('我想登记').has(t));
    expect(negated.some((t) => t.startsWith('n'))).toBe(true);
    expect(tokens("I don't want to register")).toEqual(tokens('I do not want to register'));
    expect(tokens('I do not want to register').has('neg_want')).toBe(true);
  });

  it('keeps Chinese words as ASCII tokens and reads punctuation-only text as nothing', () => {
    expect(intentFeaturesOf('你好')).toMatch(/^[a-z0-9_ ]+$/);
    expect(intentFeaturesOf('？！。 ')).toBe('');
  });

  it('reads only the first MAX_INTENT_TEXT characters', () => {
    expect(intentFeaturesOf(`${'a '.repeat(MAX_INTENT_TEXT)}register`)).not.toContain('register');
    expect(intentLanguageOf('hello 你好')).toBe('zh');
  });
});
