// A long answer reaches a person on WeChat or WeCom in parts the channel accepts: each part within the limit
// (characters for 微信客服 and the Official Account, bytes for the WeCom app), cut at sentence ends so no
// sentence that fits in one part is broken, and a sentence too long for any part still cut within the limit.
import { describe, expect, it } from 'vitest';
import { splitText, utf8Bytes } from '../../../src/channels/split-text.ts';

const chars = (s: string) => [...s].length;

/** Sentences of a real answer, of different lengths and endings. */
const SENTENCES = [
  '办理失业登记需要带上本人身份证。',
  '如果您已经在网上提交了申请，请在五个工作日内到户籍所在地或常住地的公共就业服务机构确认。',
  '您可以选择现场办理，也可以通过就业帮继续在线办理！',
  '您上一次的工作单位是否已经为您办理了解除劳动合同的手续？',
  '登记成功后，工作人员会在一个月内联系您，了解您的求职意向并推荐合适的岗位和培训。',
  '有问题随时说“转人工”。',
];

function answerOf(sentenceCount: number): string {
  return Array.from({ length: sentenceCount }, (_, i) => SENTENCES[i % SENTENCES.length]).join('');
}

const endsASentence = (part: string) => /[。！？]$/.test(part);

describe('splitText (long messages on Tencent channels)', () => {
  it('sends a message that fits as it is, in one part', () => {
    expect(splitText('您好，我是就业帮。', 600, chars)).toEqual(['您好，我是就业帮。']);
    expect(splitText(SENTENCES[1] ?? '', 600)).toEqual([SENTENCES[1]]);
  });

  it('splits a long answer into parts within the limit, each ending at a sentence end, nothing lost', () => {
    const text = answerOf(40);
    const parts = splitText(text, 100, chars);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) {
      expect(chars(part)).toBeLessThanOrEqual(100);
      expect(endsASentence(part)).toBe(true);
    }
    expect(parts.join('')).toBe(text);
  });

  it('keeps every sentence whole when it fits: a part is always a run of whole sentences', () => {
    const text = answerOf(40);
    for (const limit of [50, 80, 150, 600]) {
      for (const part of splitText(text, limit, chars)) {
        const sentences = part.match(/[^。！？]+[。！？]/g) ?? [];
        expect(sentences.join('')).toBe(part);
        for (const sentence of sentences) expect(SENTENCES).toContain(sentence);
      }
    }
  });

  it('does not break a sentence that fits just because a short sentence comes before it', () => {
    const short = '请带好身份证。';
    const long = `${'就'.repeat(94)}。`;
    expect(splitText(short + long, 100, chars)).toEqual([short, long]);
  });

  it('cuts a single sentence longer than the limit within the limit, and nothing is lost', () => {
    const sentence = `${'失业保险金申领'.repeat(36)}。`;
    const parts = splitText(sentence, 100, chars);
    expect(parts.map(chars)).toEqual([100, 100, 53]);
    expect(parts.join('')).toBe(sentence);
  });

  it('measures in bytes for the WeCom app (2048): no part over the limit, no character cut in half', () => {
    const text = answerOf(120);
    expect(utf8Bytes(text)).toBeGreaterThan(3 * 2048);
    const parts = splitText(text, 2048);
    for (const part of parts) {
      expect(utf8Bytes(part)).toBeLessThanOrEqual(2048);
      expect(part).not.toContain('\uFFFD');
      expect(endsASentence(part)).toBe(true);
    }
    expect(parts.join('')).toBe(text);
  });
});
