import { describe, expect, it } from 'vitest';
import { foldDecimalDigits } from '../../../src/domain/identity/normalize-digits.ts';

describe('foldDecimalDigits', () => {
  it.each([
    ['１３８', '138'], ['٤٤٠٨', '4408'], ['۱۲۳', '123'], ['१२३', '123'], ['𝟏𝟐𝟑', '123'], ['𝟘𝟡', '09'], ['abc 12', 'abc 12'], ['一二三', '一二三'],
  ])('"%s" → "%s"', (said, folded) => expect(foldDecimalDigits(said)).toBe(folded));
});
