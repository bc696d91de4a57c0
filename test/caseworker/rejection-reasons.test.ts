// The person's rejection notice in both languages: a chosen reason in their words, the caseworker's own words
// quoted as theirs ("经办人说明" / "Your caseworker wrote (in Chinese)"), and the Chinese wording kept on record.
import { describe, expect, it } from 'vitest';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { Locale } from '../../src/conversation/locales.ts';
import { REJECTION_REASONS, recordedRejectionReason, rejectionNotice, type RejectionReason } from '../../src/caseworker/rejection-reasons.ts';

const { t } = createLocalizer(readLocaleResources());
const told = (locale: Locale, code: RejectionReason | undefined, words: string | null) => {
  const notice = rejectionNotice(code, words);
  return t(locale, notice.key, notice.params((key) => t(locale, key)));
};

describe('rejection notice', () => {
  it.each([
    ['zh-CN', 'pension', null, '您的登记没有通过审核。原因：已领取基本养老金\n如有疑问，请输入“转人工”。'],
    ['en', 'pension', null, 'Your registration was not approved. Reason: You already draw a basic pension.\nIf you have questions, type "human".'],
    ['zh-CN', 'other', '请补交离职证明', '您的登记没有通过审核。经办人说明：请补交离职证明\n如有疑问，请输入“转人工”。'],
    ['en', 'other', '请补交离职证明', 'Your registration was not approved. Your caseworker wrote (in Chinese): “请补交离职证明”\nIf you have questions, type "human".'],
    ['en', undefined, '请补交离职证明', 'Your registration was not approved. Your caseworker wrote (in Chinese): “请补交离职证明”\nIf you have questions, type "human".'],
  ] as const)('%s, %s', (locale, code, words, want) => {
    expect(told(locale, code, words)).toBe(want);
  });

  it('every reason has wording in both languages (no key shown to a person)', () => {
    for (const code of REJECTION_REASONS.filter((c) => c !== 'other')) {
      for (const locale of ['zh-CN', 'en'] as const) expect(told(locale, code, null)).not.toMatch(/decisions\.|\{\{/);
    }
  });

  it('the record keeps the Chinese reason, with the caseworker\'s note after it', () => {
    const zh = (key: string) => t('zh-CN', key);
    expect(recordedRejectionReason('duplicate', null, zh)).toBe('已有有效的登记，无需重复办理');
    expect(recordedRejectionReason('duplicate', '2025年已登记', zh)).toBe('已有有效的登记，无需重复办理（2025年已登记）');
    expect(recordedRejectionReason('other', '材料不符', zh)).toBe('材料不符');
  });
});
