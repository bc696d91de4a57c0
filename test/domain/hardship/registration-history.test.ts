// W 一(二): unbroken registration time in the province adds up across changes of place; elsewhere it does not.
import { describe, expect, it } from 'vitest';
import { assessHardship } from '../../../src/domain/hardship/assess-hardship.ts';
import { unbrokenRegistration } from '../../../src/domain/hardship/registration-history.ts';
import { pack } from '../regions/test-packs.ts';

const wenzhouThenHangzhou = [
  { from: '2024-10-01', to: '2025-01-15', place: '330302', province: '33' },
  { from: '2025-01-15', place: '330102', province: '33' },
];

describe('unbrokenRegistration', () => {
  it('W 一(二): moved from Wenzhou to Hangzhou without a break → counted from 2024-10-01 → LONG_TERM_UNEMPLOYED met', () => {
    const r = unbrokenRegistration(pack('wenzhou-2022'), wenzhouThenHangzhou, '2025-05-01');
    expect(r.registeredSince).toBe('2024-10-01');
    expect(r.source).toBe('wenzhou-2022#一(二)');
    const status = assessHardship(pack('wenzhou-2022'), { registeredSince: r.registeredSince ?? undefined }, '2025-05-01').categories.find((c) => c.code === 'LONG_TERM_UNEMPLOYED')?.status;
    expect(status).toBe('met');
  });
  it('a region without the merge rule counts only the current place', () => {
    expect(unbrokenRegistration(pack('zhanjiang-2021'), wenzhouThenHangzhou, '2025-05-01').registeredSince).toBe('2025-01-15');
  });
  it('the same place continues in every region', () => {
    const samePlace = [{ from: '2024-10-01', to: '2025-01-14', place: '440802', province: '44' }, { from: '2025-01-15', place: '440802', province: '44' }];
    expect(unbrokenRegistration(pack('zhanjiang-2021'), samePlace, '2025-05-01').registeredSince).toBe('2024-10-01');
  });
  it('a move from another province does not add up', () => {
    const crossProvince = [{ from: '2024-10-01', to: '2025-01-15', place: '440802', province: '44' }, { from: '2025-01-15', place: '330302', province: '33' }];
    expect(unbrokenRegistration(pack('wenzhou-2022'), crossProvince, '2025-05-01').registeredSince).toBe('2025-01-15');
  });
  it('a gap of more than a day breaks the spell', () => {
    const gap = [{ from: '2024-10-01', to: '2025-01-10', place: '330302', province: '33' }, { from: '2025-01-15', place: '330102', province: '33' }];
    expect(unbrokenRegistration(pack('wenzhou-2022'), gap, '2025-05-01').registeredSince).toBe('2025-01-15');
  });
  it('no registration valid on asOf → null', () => {
    expect(unbrokenRegistration(pack('wenzhou-2022'), [{ from: '2024-01-01', to: '2024-06-01', place: '330302', province: '33' }], '2025-05-01').registeredSince).toBeNull();
  });
});
