// The reply renderer over every channel's declared capabilities: a long Chinese summary in Markdown with three
// choices comes out as each channel can show it (buttons or numbered lines that a typed number maps back to,
// no Markdown marks where they would show, masked numbers intact, each part within the limit and cut at 。！？).
import { describe, expect, it } from 'vitest';
import { CHANNEL_CAPABILITIES } from '../../src/channels/channel-capability-list.ts';
import { renderForChannel } from '../../src/channels/render-for-channel.ts';
import { resolveChoice, type OfferedChoice } from '../../src/conversation/reply-renderer.ts';

const SENTENCES = [
  '您的求职登记已经提交，经办人员会在三个工作日内完成审核。',
  '审核通过后，我们会按您选择的方式每月联系您一次！',
  '如果您已经找到工作，是否愿意告诉我们单位名称？',
  '登记期间可以随时查询办理进度，也可以申请就业困难人员认定。',
  '请保管好您的**登记编号**，办理其他业务时需要用到。',
];
/** About 2,700 characters (8,000 bytes): longer than every channel's longest message. */
const SUMMARY = [
  '# 登记摘要',
  '**姓名**：张三。',
  '* 手机：138****5678。',
  '* 身份证：3303************35。',
  '---',
  ...Array.from({ length: 20 }, (_, i) => `第${i + 1}段：${SENTENCES.join('')}`),
].join('\n');
const CHOICES: OfferedChoice[] = [
  { title: '确认无误', value: 'confirm', label: 'choices.confirm' },
  { title: '修改信息', value: 'edit', label: 'choices.edit' },
  { title: '转人工', value: 'human', label: 'choices.human' },
];

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const chars = (s: string) => [...s].length;

/** What each channel must do, written out here (not read back from its declaration). */
const EXPECTED: Record<string, { choices: 'buttons' | 'numbered' | 'nothing sent'; max?: number; measure?: (s: string) => number; joinsTurn?: boolean }> = {
  webchat: { choices: 'buttons', max: 2000, measure: chars, joinsTurn: false },
  'wechat-oa': { choices: 'numbered', max: 2048, measure: bytes, joinsTurn: true },
  'wecom-kf': { choices: 'numbered', max: 2048, measure: bytes, joinsTurn: true },
  wecom: { choices: 'numbered', max: 2048, measure: bytes, joinsTurn: false },
  wechaty: { choices: 'numbered', max: 2048, measure: bytes, joinsTurn: false },
  sms: { choices: 'nothing sent' },
};

describe('the reply renderer, per channel', () => {
  it('has an expectation for every channel that declares capabilities, and a declaration for every expectation', () => {
    expect(CHANNEL_CAPABILITIES.map((c) => c.channel).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(CHANNEL_CAPABILITIES.map((c) => [c.channel, c] as const))('%s', (channel, capabilities) => {
    const expected = EXPECTED[channel] ?? { choices: 'nothing sent' };
    const parts = renderForChannel([{ text: SUMMARY, choices: CHOICES }], capabilities);
    const all = parts.map((p) => p.text).join('\n');

    if (expected.choices === 'nothing sent') it('sends no free text (its registered template goes instead)', () => {
      expect(parts).toEqual([]);
    });

    if (expected.choices !== 'nothing sent') it('splits the summary into parts within the limit, each cut at 。！ or ？', () => {
      const { max = 0, measure = chars } = expected;
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(measure(part.text)).toBeLessThanOrEqual(max);
      for (const part of parts.slice(0, -1)) expect(part.text).toMatch(/[。！？]$/);
    });

    if (expected.choices !== 'nothing sent') it('shows the text without Markdown marks, masked numbers and every sentence intact', () => {
      // The only stars left are the masks between digits.
      expect(all.replace(/(?<=\d)\*+(?=\d)/g, '')).not.toContain('*');
      expect(all).not.toMatch(/^#|^---$/m);
      expect(all).toContain('姓名：张三。');
      expect(all).toContain('请保管好您的登记编号，办理其他业务时需要用到。');
      expect(all).toContain('138****5678');
      expect(all).toContain('3303************35');
      expect(all.replace(/\s/g, '').match(/您的求职登记已经提交/g)).toHaveLength(20);
    });

    if (expected.choices === 'buttons') it('offers the choices as buttons on the last part only', () => {
      expect(parts.at(-1)?.choices).toEqual(CHOICES.map(({ title, value }) => ({ title, value })));
      expect(parts.slice(0, -1).every((p) => p.choices.length === 0)).toBe(true);
      expect(all).not.toMatch(/^\d\. /m);
    });

    if (expected.choices === 'numbered') it('ends with the choices as numbered lines, and a typed number is that choice', () => {
      expect(parts.every((p) => p.choices.length === 0)).toBe(true);
      const last = parts.at(-1)?.text ?? '';
      expect(last).toMatch(/\n1\. 确认无误\n2\. 修改信息\n3\. 转人工$/);
      for (const [, n, title] of last.matchAll(/^(\d)\. (.+)$/gm)) {
        expect(resolveChoice(n ?? '', CHOICES, () => [])).toBe(CHOICES.find((c) => c.title === title)?.value);
      }
    });

    if (expected.choices !== 'nothing sent') it(expected.joinsTurn ? 'joins a turn’s short replies into one message (each counts against the window)' : 'sends each of a turn’s replies as its own message', () => {
      const turn = renderForChannel([{ text: '已记录您的回答。' }, { text: '您本月是否已经就业？', choices: CHOICES.slice(0, 2) }], capabilities);
      expect(turn.map((m) => m.text.split('\n')[0])).toEqual(expected.joinsTurn ? ['已记录您的回答。'] : ['已记录您的回答。', '您本月是否已经就业？']);
      if (expected.joinsTurn) expect(turn[0]?.text).toBe('已记录您的回答。\n\n您本月是否已经就业？\n1. 确认无误\n2. 修改信息');
    });
  });

  it('leaves stars that are not Markdown alone, and writes links out', () => {
    const [web] = CHANNEL_CAPABILITIES;
    if (!web) throw new Error('no channels');
    const [part] = renderForChannel([{ text: '尾号****5678 的号码已登记，详见[办事指南](https://jiuye.example.gov.cn/guide)。3 * 4 = 12。' }], web);
    expect(part?.text).toBe('尾号****5678 的号码已登记，详见办事指南 (https://jiuye.example.gov.cn/guide)。3 * 4 = 12。');
  });
});
