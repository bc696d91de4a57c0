import { describe, expect, it } from 'vitest';
import { maskIdNumber, parseIdNumber } from '../../../src/domain/identity/id-number.ts';

const TODAY = '2026-11-22';

// SPEC §4.5: items 1 and 2 are the standard's own examples, the others synthetic.
const VALID_VECTORS = [
  { n: 1, rule: "standard's example, S mod 11 = 2 gives X", input: '11010519491231002X', normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', region: '110105', legacy: false },
  { n: 2, rule: "standard's example, check character 4", input: '440524188001010014', normalized: '440524188001010014', birthDate: '1880-01-01', sex: 'M', region: '440524', legacy: false },
  { n: 3, rule: 'Wenzhou Lucheng number is valid', input: '330302199005151235', normalized: '330302199005151235', birthDate: '1990-05-15', sex: 'M', region: '330302', legacy: false },
  { n: 4, rule: 'Harbin Daoli number is valid, even sequence digit means female', input: '230102197503014563', normalized: '230102197503014563', birthDate: '1975-03-01', sex: 'F', region: '230102', legacy: false },
  { n: 5, rule: 'leap-day birth date 2000-02-29 is a real date', input: '440802200002290078', normalized: '440802200002290078', birthDate: '2000-02-29', sex: 'M', region: '440802', legacy: false },
  { n: 6, rule: 'Anshan Tiedong number is valid', input: '210302200511300107', normalized: '210302200511300107', birthDate: '2005-11-30', sex: 'F', region: '210302', legacy: false },
  { n: 7, rule: 'man born 1965-01 is valid', input: '420102196501010017', normalized: '420102196501010017', birthDate: '1965-01-01', sex: 'M', region: '420102', legacy: false },
  { n: 8, rule: 'Wenzhou woman with check character X', input: '33030219800120004X', normalized: '33030219800120004X', birthDate: '1980-01-20', sex: 'F', region: '330302', legacy: false },
  { n: 9, rule: 'lower-case x is accepted and upper-cased', input: '11010519491231002x', normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', region: '110105', legacy: false },
  { n: 13, rule: 'legacy 15-digit number is upgraded with 19 and a computed X', input: '110105491231002', normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', region: '110105', legacy: true },
  { n: 14, rule: 'legacy 15-digit number is upgraded with 19 and a computed 3', input: '440524800101001', normalized: '440524198001010013', birthDate: '1980-01-01', sex: 'M', region: '440524', legacy: true },
] as const;

const INVALID_VECTORS = [
  { n: 10, rule: 'wrong check character is rejected (expected X)', input: '110105194912310021', reason: 'checksum' },
  { n: 11, rule: 'impossible date 1999-02-30 is rejected', input: '110105199902300015', reason: 'date' },
  { n: 12, rule: 'birth date in the future is rejected', input: '110105209912310010', reason: 'future' },
] as const;

describe('GB 11643-1999 resident ID number (SPEC §4.5 vectors)', () => {
  it.each(VALID_VECTORS)('GB 11643 vector $n: $rule', (v) => {
    expect(parseIdNumber(v.input, TODAY)).toEqual({
      valid: true, normalized: v.normalized, birthDate: v.birthDate, sex: v.sex, region: v.region, legacyUpgraded: v.legacy,
    });
  });

  it.each(INVALID_VECTORS)('GB 11643 vector $n: $rule', (v) => {
    expect(parseIdNumber(v.input, TODAY)).toEqual({ valid: false, reason: v.reason });
  });
});

describe('GB 11643-1999 input handling', () => {
  it('full-width digits, full-width X and surrounding spaces are accepted', () => {
    const r = parseIdNumber('  １１０１０５１９４９１２３１００２Ｘ \n', TODAY);
    expect(r).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it.each([
    ['empty input', ''],
    ['17 digits', '11010519491231002'],
    ['letters inside the number', '1101051949123100AX'],
    ['X in a position other than the last', '1101051949123100X2'],
    ['16 digits', '1101054912310021'],
  ])('malformed number is rejected as format: %s', (_label, input) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ valid: false, reason: 'format' });
  });

  it('a number whose first two digits are not a province code is rejected as province', () => {
    const first17 = '10010519900515123'; // 10 is not a province code; the check character is correct
    expect(parseIdNumber(first17 + checkOf(first17), TODAY)).toEqual({ valid: false, reason: 'province' });
  });

  it('a foreign permanent-resident ID (starts with 9) is not parsed as a resident ID', () => {
    const first17 = '91115619900515123';
    expect(parseIdNumber(first17 + checkOf(first17), TODAY)).toEqual({ valid: false, reason: 'province' });
  });

  it('Taiwan/Hong Kong/Macau residence-permit prefixes 81 are accepted', () => {
    const first17 = '81000019900515123';
    expect(parseIdNumber(first17 + checkOf(first17), TODAY)).toMatchObject({ valid: true, region: '810000' });
  });

  it('a legacy 15-digit number with an impossible date is rejected as date', () => {
    expect(parseIdNumber('110105490230002', TODAY)).toEqual({ valid: false, reason: 'date' });
  });

  it('a person born today is valid, born tomorrow is in the future', () => {
    const today = '110105' + '20261122' + '001';
    const tomorrow = '110105' + '20261123' + '001';
    expect(parseIdNumber(today + checkOf(today), TODAY)).toMatchObject({ valid: true, birthDate: '2026-11-22' });
    expect(parseIdNumber(tomorrow + checkOf(tomorrow), TODAY)).toEqual({ valid: false, reason: 'future' });
  });
});

describe('ID numbers as people type them (the masker reads them the same way)', () => {
  it.each([
    ['groups split by spaces', '110105 19491231002X'],
    ['groups split by dashes', '110105-1949-1231-002x'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['mathematical bold digits', '𝟏𝟏𝟎𝟏𝟎𝟓𝟏𝟗𝟒𝟗𝟏𝟐𝟑𝟏𝟎𝟎𝟐X'],
    ['Arabic-Indic digits', '١١٠١٠٥١٩٤٩١٢٣١٠٠٢X'],
  ])('%s: %s', (_label, input) => {
    expect(parseIdNumber(input, TODAY)).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });
});

describe('ID masking (SPEC §4.7, product decision ID_MASK_KEEPS_4_AND_2)', () => {
  it('keeps the first 4 and last 2 characters: 3303************35', () => {
    expect(maskIdNumber('330302199005151235')).toBe('3303************35');
  });
  it('never reveals a short string', () => {
    expect(maskIdNumber('1234')).toBe('****');
  });
});

function checkOf(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...first17].reduce((acc, c, i) => acc + Number(c) * (w[i] ?? 0), 0);
  return '10X98765432'[s % 11] ?? '';
}
