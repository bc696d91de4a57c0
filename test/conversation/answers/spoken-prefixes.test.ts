// Table tests: what people put around a name, an ID number or a phone number is stripped before parsing;
// command words are never a name.
import { describe, expect, it } from 'vitest';
import { spokenIdNumber, spokenName, spokenPhone } from '../../../src/conversation/answers/spoken-prefixes.ts';
import { nameAnswer } from '../../../src/conversation/answers/identity-answers.ts';
import type { ParseContext } from '../../../src/conversation/dialog-types.ts';
import { createLocalizer, readLocaleResources } from '../../../src/conversation/localizer.ts';
import { LOCALES } from '../../../src/conversation/locales.ts';

describe('spoken prefixes', () => {
  it.each([
    ['王芳。', '王芳'], ['我叫王芳', '王芳'], ['我是王芳！', '王芳'], ['我的名字是王芳', '王芳'], ['姓名：王芳', '王芳'],
    ['欧阳 娜娜…', '欧阳 娜娜'], ['My name is Li Lei.', 'Li Lei'], ["I'm Wang Fang", 'Wang Fang'], ['买买提·艾力', '买买提·艾力'],
  ])('name "%s" → %s', (said, bare) => expect(spokenName(said)).toBe(bare));

  it.each([
    ['身份证号是 3303 0219 9005 1512 35', '330302199005151235'], ['我的身份证号码：330302-19900515-1235', '330302199005151235'],
    ['身份证 44080219900301002x', '44080219900301002X'], ['３３０３０２１９９００５１５１２３５', '330302199005151235'],
    ['٣٣٠٣٠٢١٩٩٠٠٥١٥١٢٣٥', '330302199005151235'], ['my ID number is 330302199005151235.', '330302199005151235'],
  ])('ID "%s" → %s', (said, bare) => expect(spokenIdNumber(said)).toBe(bare));

  it.each([
    ['我的手机是138-1234-5678', '13812345678'], ['手机号是 138 1234 5678', '13812345678'], ['电话：13812345678。', '13812345678'],
    ['我的电话号码是(138)1234 5678', '13812345678'], ['0086 138 1234 5678', '+8613812345678'], ['my phone is 138 1234 5678', '13812345678'],
  ])('phone "%s" → %s', (said, bare) => expect(spokenPhone(said)).toBe(bare));
});

describe('command words are never a name', () => {
  const localizer = createLocalizer(readLocaleResources());
  const ctx: ParseContext = {
    today: '2025-03-11', locale: 'zh-CN', slots: {}, mask: String, label: (k) => k, cite: (ref) => ref,
    policy: {} as ParseContext['policy'],
    phrases: (key) => LOCALES.flatMap((l) => localizer.list(l, key)),
  };
  it.each(['人工客服', '转人工。', '客服', '取消', 'human', '我叫人工客服', '英文', '帮助'])('"%s" is refused as a command word', (said) => {
    expect(nameAnswer(said, ctx)).toMatchObject({ ok: false, error: 'errors.name.command' });
  });
  it.each(['王芳', '李人杰', '李英文', '王中文', 'Li Lei'])('"%s" is a name', (said) => {
    expect(nameAnswer(said, ctx)).toMatchObject({ ok: true, value: said });
  });
});
