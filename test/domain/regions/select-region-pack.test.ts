// Choosing the region pack: by GB/T 2260 region code and effective dates, national as the fallback.
import { describe, expect, it } from 'vitest';
import { regionPackSchema } from '../../../src/domain/regions/region-pack.ts';
import { selectRegionPack } from '../../../src/domain/regions/select-region-pack.ts';
import { PACKS, pack } from './test-packs.ts';

describe('selectRegionPack', () => {
  it.each([
    ['330302', '2026-01-01', 'wenzhou-2022', 'Wenzhou Lucheng: the city pack is more specific than the province pack'],
    ['330102', '2026-01-01', 'zhejiang-2025', 'Hangzhou: the Zhejiang 2025 pack'],
    ['330102', '2024-06-01', 'national', 'Hangzhou before the Zhejiang 2025 pack: national fallback'],
    ['330302', '2022-06-09', 'national', 'Wenzhou the day before 温人社发〔2022〕37号'],
    ['330302', '2022-06-10', 'wenzhou-2022', 'Wenzhou on the day of issue'],
    ['440802', '2025-01-01', 'zhanjiang-2021', 'Zhanjiang Chikan'],
    ['440802', '2021-01-19', 'national', 'Zhanjiang before 2021-01-20'],
    ['230102', '2025-01-01', 'harbin-2010', 'Harbin Daoli'],
    ['210302', '2025-01-01', 'anshan-2022', 'Anshan Tiedong'],
    ['110105', '2025-01-01', 'national', 'Beijing: no pack, national'],
  ])('%s on %s → %s (%s)', (code, asOf, expected) => {
    expect(selectRegionPack(PACKS, code, asOf).code).toBe(expected);
  });

  it('a pack past its effectiveTo is no longer chosen', () => {
    const ended = { ...pack('wenzhou-2022'), effectiveTo: '2025-12-31' };
    const packs = PACKS.map((p) => (p.code === 'wenzhou-2022' ? ended : p));
    expect(selectRegionPack(packs, '330302', '2025-12-31').code).toBe('wenzhou-2022');
    expect(selectRegionPack(packs, '330302', '2026-01-01').code).toBe('zhejiang-2025');
  });

  it('throws when not even a fallback is in force', () => {
    expect(() => selectRegionPack([pack('wenzhou-2022')], '110105', '2025-01-01')).toThrow(/no national fallback/);
  });
});

describe('region packs', () => {
  it('Zhanjiang quota is 2 policy / 3 guidance / 3 jobs / 3 training (Z §四(三)), rolling year by default', () => {
    expect(pack('zhanjiang-2021').quota).toMatchObject({ policy: 2, guidance: 3, jobs: 3, training: 3, year: 'rolling' });
  });
  it('zhejiang-2025 is marked as needing confirmation; seed packs are not', () => {
    expect(pack('zhejiang-2025').needsConfirmation).toBe(true);
    expect(PACKS.filter((p) => p.needsConfirmation).map((p) => p.code)).toEqual(['zhejiang-2025']);
  });
  it('SPEC §6 item 7: hotline 12333 in Zhanjiang and Harbin, 12345 in Anshan', () => {
    expect(pack('zhanjiang-2021').hotline?.number).toBe('12333');
    expect(pack('harbin-2010').hotline?.number).toBe('12333');
    expect(pack('anshan-2022').hotline?.number).toBe('12345');
  });
  it('every deregistration ground of every pack needs caseworker confirmation', () => {
    for (const p of PACKS) for (const g of p.deregistration.grounds) expect(g.needsCaseworkerConfirm).toBe(true);
  });
  it('only Wenzhou-based packs allow a 6-monthly cadence after refusal (SPEC §6 item 8)', () => {
    expect(PACKS.filter((p) => p.followUp.refusal !== null).map((p) => p.code).sort()).toEqual(['wenzhou-2022', 'zhejiang-2025']);
  });
  it.each([
    [{ quota: { ...pack('zhanjiang-2021').quota, jobs: '3' } }, 'quota.jobs'],
    [{ hardship: { ...pack('wenzhou-2022').hardship, categories: [{ code: 'NOT_A_CODE', clause: 'SPEC §1.8', rule: { kind: 'flag', anyOf: ['martyrFamily'] } }] } }, 'hardship.categories.0.code'],
    [{ source: 'the Wenzhou notice' }, 'source'],
    [{ effectiveFrom: '2022-02-30' }, 'effectiveFrom'],
    [{ followUp: { ...pack('wenzhou-2022').followUp, firstContact: { workingDays: 0, source: 'SPEC §1.3', basis: 'seed' } } }, 'followUp.firstContact.workingDays'],
  ])('a bad pack is rejected at the field (%#)', (patch, path) => {
    const result = regionPackSchema.safeParse({ ...pack('zhanjiang-2021'), ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
