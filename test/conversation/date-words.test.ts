// Dates in every reply as people write them: 2026年12月14日 / 14 Dec 2026, never 2026-12-14.
import { describe, expect, it } from 'vitest';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import { renderReplies } from '../../src/conversation/reply-renderer.ts';
import { reply } from '../../src/conversation/reply.ts';

const localizer = createLocalizer(readLocaleResources());

describe('dates in words', () => {
  it.each([
    ['zh-CN', '2026-12-14', '2026年12月14日'],
    ['zh-CN', '2025-03-01', '2025年3月1日'],
    ['en', '2026-12-14', '14 Dec 2026'],
    ['en', '2025-03-01', '1 Mar 2025'],
  ] as const)('%s: %s reads %s in a reply', (locale, iso, words) => {
    const text = localizer.t(locale, 'status.nextContact', { date: iso });
    expect(text).toContain(words);
    expect(text).not.toContain(iso);
  });

  it('rewrites a date inside a longer value (the summary lines) and leaves ID numbers and other digits alone', () => {
    const lines = '失业日期：2025-03-01\n身份证：3303**********1235\n手机：138****5678\n编号：12026-03-011';
    const text = localizer.t('zh-CN', 'registration.confirm.ask', { lines });
    expect(text).toContain('失业日期：2025年3月1日\n身份证：3303**********1235\n手机：138****5678\n编号：12026-03-011');
  });

  it('leaves a value that only looks like a date alone (month 13)', () => {
    expect(localizer.t('en', 'status.nextContact', { date: '2026-13-01' })).toContain('2026-13-01');
  });
});

describe('choices on a phone', () => {
  const choices = Array.from({ length: 15 }, (_, i) => ({ value: `f${i}`, label: 'registration.fields.name' }));
  const few = choices.slice(0, 3);

  it('keeps a short list as buttons and carries the language of the text', () => {
    const { messages } = renderReplies([reply('registration.edit.ask', undefined, few)], 'zh-CN', localizer, true, 8);
    expect(messages[0]?.choices).toHaveLength(3);
    expect(messages[0]?.locale).toBe('zh-CN');
  });

  it('turns a list longer than the channel takes into numbered lines that also accept the name', () => {
    const { messages, offered } = renderReplies([reply('registration.edit.ask', undefined, choices)], 'en', localizer, true, 8);
    const lines = messages[0]?.text.split('\n') ?? [];
    expect(messages[0]?.choices).toEqual([]);
    expect(lines[1]).toBe(`1. ${localizer.t('en', 'registration.fields.name')}`);
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(15);
    expect(lines.at(-1)).toBe(localizer.t('en', 'engine.replyWithNumberOrName'));
    expect(offered).toHaveLength(15);
  });
});
