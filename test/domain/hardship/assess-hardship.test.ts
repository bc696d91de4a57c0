// Hardship categories per region (R1.8) and the SPEC §6 conflicts: same profile, different region → different answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessHardship } from '../../../src/domain/hardship/assess-hardship.ts';
import { HARDSHIP_FLAG_FIELDS, type HardshipProfile } from '../../../src/domain/hardship/hardship-profile.ts';
import { nextHardshipQuestions } from '../../../src/domain/hardship/next-hardship-questions.ts';
import { idFor, pack, PACKS } from '../regions/test-packs.ts';

const statusOf = (code: string, region: string, profile: HardshipProfile, asOf: string) =>
  assessHardship(pack(region), profile, asOf).categories.find((c) => c.code === code)?.status;

describe('Wenzhou 2022 (W 一(二))', () => {
  it.each([
    ['2025-07-10', 'met', 'registered unemployed 6 months → LONG_TERM_UNEMPLOYED met (6个月以上 includes 6)'],
    ['2025-07-09', 'not_met', 'one day short of 6 months → not met'],
  ])('W 一(二): registered since 2025-01-10, as of %s → %s (%s)', (asOf, expected) => {
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'wenzhou-2022', { registeredSince: '2025-01-10' }, asOf)).toBe(expected);
  });

  it('W 一(二): no registration date → LONG_TERM_UNEMPLOYED unknown, never not_met', () => {
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'wenzhou-2022', {}, '2025-07-10')).toBe('unknown');
  });

  // Man born 1966-01-15: new statutory age 60y4m → reached 2026-05-15; five years before: 2021-05-15.
  it.each([
    ['2021-05-15', 'not_met'],
    ['2021-05-16', 'met'],
    ['2026-05-14', 'met'],
    ['2026-05-15', 'not_met'],
  ])('W 一(二): man born 1966-01-15 on %s → NEAR_RETIREMENT %s (person-specific age, SPEC §2)', (asOf, expected) => {
    expect(statusOf('NEAR_RETIREMENT', 'wenzhou-2022', { idNumber: idFor('1966-01-15', 'M') }, asOf)).toBe(expected);
  });

  it('W 一(二): woman born 1975-06-10, track unknown, tracks disagree → unknown, asks the retirement category', () => {
    const profile = { idNumber: idFor('1975-06-10', 'F') };
    const result = assessHardship(pack('wenzhou-2022'), profile, '2024-01-01').categories.find((c) => c.code === 'NEAR_RETIREMENT');
    expect(result).toMatchObject({ status: 'unknown', missing: ['retirementCategory'] });
    expect(statusOf('NEAR_RETIREMENT', 'wenzhou-2022', { ...profile, retirementCategory: 'FEMALE_50' }, '2024-01-01')).toBe('met');
    expect(statusOf('NEAR_RETIREMENT', 'wenzhou-2022', { ...profile, retirementCategory: 'FEMALE_55' }, '2024-01-01')).toBe('not_met');
  });

  it('W 一(二): an invalid ID number leaves NEAR_RETIREMENT unknown with ID_INVALID', () => {
    const r = assessHardship(pack('wenzhou-2022'), { idNumber: '110105194912310021' }, '2025-01-01').categories.find((c) => c.code === 'NEAR_RETIREMENT');
    expect(r?.status).toBe('unknown');
    expect(r?.reasons.map((x) => x.code)).toContain('ID_INVALID');
  });

  it.each([
    ['familyPovertyAlleviated', 'POVERTY_ALLEVIATED_FAMILY'],
    ['familyMinimumLivingAllowance', 'LOW_INCOME_FAMILY'],
    ['familyLowIncomeEdge', 'LOW_INCOME_FAMILY'],
    ['familyExtremePoverty', 'LOW_INCOME_FAMILY'],
    ['zeroEmploymentFamily', 'ZERO_EMPLOYMENT_FAMILY'],
    ['disabilityCertified', 'DISABLED'],
    ['supportsSeriouslyIllRelative', 'SUPPORTS_SERIOUSLY_ILL_RELATIVE'],
    ['communityCorrection', 'COMMUNITY_CORRECTION'],
    ['landRequisitioned', 'LAND_REQUISITIONED'],
  ])('W 一(二): %s → %s met', (field, code) => {
    expect(statusOf(code, 'wenzhou-2022', { [field]: true }, '2025-01-01')).toBe('met');
  });

  it.each([
    [{ familyMinimumLivingAllowance: true }, true],
    [{ familyLowIncomeEdge: true }, true],
    [{ disabilityCertified: true }, true],
    [{ familyExtremePoverty: true }, false],
    [{ zeroEmploymentFamily: true }, false],
  ])('W 一(二): public notice waived for minimum-allowance, near-allowance families and certified disabled (%j → %s)', (profile, exempt) => {
    expect(assessHardship(pack('wenzhou-2022'), profile, '2025-01-01').publicNoticeExempt).toBe(exempt);
  });

  it('W 一(二): a valid unemployment registration is a precondition', () => {
    expect(assessHardship(pack('wenzhou-2022'), {}, '2025-01-01').registrationPrecondition?.status).toBe('unknown');
    expect(assessHardship(pack('harbin-2010'), {}, '2025-01-01').registrationPrecondition).toBeNull();
  });
});

describe('Harbin 2010 (H 第三条): ten categories', () => {
  it.each([
    ['zeroEmploymentFamily', 'ZERO_EMPLOYMENT_FAMILY', '(二)'],
    ['disabilityCertified', 'DISABLED', '(三)'],
    ['familyMinimumLivingAllowance', 'MINIMUM_LIVING_ALLOWANCE', '(四)'],
    ['landRequisitioned', 'LAND_REQUISITIONED', '(六)'],
    ['singleParentOfMinor', 'SINGLE_PARENT', '(七)'],
    ['modelWorkerCountyLevel', 'MODEL_WORKER', '(八)'],
    ['martyrFamily', 'MARTYR_FAMILY', '(九)'],
    ['militarySpouse', 'MILITARY_SPOUSE', '(十)'],
  ])('H 第三条: %s → %s met, cited as 第三条%s', (field, code, item) => {
    const r = assessHardship(pack('harbin-2010'), { [field]: true }, '2025-01-01').categories.find((c) => c.code === code);
    expect(r?.status).toBe('met');
    expect(r?.source).toBe(`harbin-2010#第三条${item}`);
  });
  it.each([
    ['2024-03-01', 'met'],
    ['2024-02-29', 'not_met'],
  ])('H 第三条(五): unemployed since 2023-03-01, as of %s → LONG_TERM_UNEMPLOYED %s (1 year or more)', (asOf, expected) => {
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'harbin-2010', { unemployedSince: '2023-03-01' }, asOf)).toBe(expected);
  });
  it.each([
    ['1985-08-01', 'F', 'met'],
    ['1985-08-02', 'F', 'not_met'],
    ['1975-08-01', 'M', 'met'],
    ['1975-08-02', 'M', 'not_met'],
  ] as const)('H 第三条(一) "4050": born %s (%s), as of 2025-08-01 → AGE_4050 %s', (birth, sex, expected) => {
    expect(statusOf('AGE_4050', 'harbin-2010', { idNumber: idFor(birth, sex, '230102') }, '2025-08-01')).toBe(expected);
  });
  it('H 第四条(一): public notice, then recognition — never waived', () => {
    expect(assessHardship(pack('harbin-2010'), { disabilityCertified: true, familyMinimumLivingAllowance: true }, '2025-01-01').publicNoticeExempt).toBe(false);
  });
});

describe('Zhejiang 2025 (SPEC §1.8, needs confirmation)', () => {
  it('long-term unemployed = drawing unemployment insurance 6 months in a row', () => {
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'zhejiang-2025', { drawingUnemploymentInsuranceSince: '2025-02-01' }, '2025-08-01')).toBe('met');
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'zhejiang-2025', { drawingUnemploymentInsuranceSince: '2025-02-02' }, '2025-08-01')).toBe('not_met');
  });
  it('certified disabled, except those in extreme-poverty support', () => {
    expect(statusOf('DISABLED', 'zhejiang-2025', { disabilityCertified: true, familyExtremePoverty: false }, '2025-08-01')).toBe('met');
    expect(statusOf('DISABLED', 'zhejiang-2025', { disabilityCertified: true, familyExtremePoverty: true }, '2025-08-01')).toBe('not_met');
    expect(statusOf('DISABLED', 'zhejiang-2025', { disabilityCertified: true }, '2025-08-01')).toBe('unknown');
  });
  it('older unemployed: woman 45 needs 6 months registered; threshold 46 from 2028 (product decision)', () => {
    const woman = { idNumber: idFor('1980-03-01', 'F'), registeredSince: '2025-01-01' };
    expect(statusOf('NEAR_RETIREMENT', 'zhejiang-2025', woman, '2025-08-01')).toBe('met');
    expect(statusOf('NEAR_RETIREMENT', 'zhejiang-2025', { ...woman, registeredSince: '2025-03-01' }, '2025-08-01')).toBe('not_met');
    const born1983 = { idNumber: idFor('1983-03-01', 'F'), registeredSince: '2028-01-01' };
    expect(statusOf('NEAR_RETIREMENT', 'zhejiang-2025', born1983, '2028-08-01')).toBe('not_met');
  });
});

describe('SPEC §6 conflicts: same profile, different region', () => {
  it('3. long-term unemployed: registered 7 months → W met / H not met (needs 1 year unemployed) / Zhejiang 2025 unknown (benefit not known)', () => {
    const p = { registeredSince: '2025-01-01', unemployedSince: '2025-01-01' };
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'wenzhou-2022', p, '2025-08-01')).toBe('met');
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'harbin-2010', p, '2025-08-01')).toBe('not_met');
    expect(statusOf('LONG_TERM_UNEMPLOYED', 'zhejiang-2025', p, '2025-08-01')).toBe('unknown');
  });
  it('4. older unemployed: woman aged 45 on the 50 track → W not met (7 years to retirement) / H "4050" met / Zhejiang 2025 met', () => {
    const p: HardshipProfile = { idNumber: idFor('1980-03-01', 'F'), retirementCategory: 'FEMALE_50', registeredSince: '2025-01-01' };
    expect(statusOf('NEAR_RETIREMENT', 'wenzhou-2022', p, '2025-08-01')).toBe('not_met');
    expect(statusOf('AGE_4050', 'harbin-2010', p, '2025-08-01')).toBe('met');
    expect(statusOf('NEAR_RETIREMENT', 'zhejiang-2025', p, '2025-08-01')).toBe('met');
  });
  it('4. older unemployed: man aged 52 → H "4050" met / Zhejiang 2025 not met (55)', () => {
    const p = { idNumber: idFor('1973-01-01', 'M'), registeredSince: '2025-01-01' };
    expect(statusOf('AGE_4050', 'harbin-2010', p, '2025-08-01')).toBe('met');
    expect(statusOf('NEAR_RETIREMENT', 'zhejiang-2025', p, '2025-08-01')).toBe('not_met');
  });
  it('5. public notice: certified disabled → waived in W, not in H, Z or Zhejiang 2025', () => {
    const exempt = (code: string) => assessHardship(pack(code), { disabilityCertified: true }, '2025-08-01').publicNoticeExempt;
    expect([exempt('wenzhou-2022'), exempt('harbin-2010'), exempt('zhanjiang-2021'), exempt('zhejiang-2025')]).toEqual([true, false, false, false]);
  });
  it('each region lists only its own categories', () => {
    const codes = (c: string) => assessHardship(pack(c), {}, '2025-08-01').categories.map((x) => x.code);
    expect(codes('harbin-2010')).toContain('MARTYR_FAMILY');
    expect(codes('wenzhou-2022')).not.toContain('MARTYR_FAMILY');
    expect(codes('zhanjiang-2021')).toEqual([]);
  });
});

describe('properties', () => {
  const flags = fc.record(Object.fromEntries(HARDSHIP_FLAG_FIELDS.map((f) => [f, fc.option(fc.boolean(), { nil: undefined })])), { requiredKeys: [] });
  it('an empty profile is never not_met for a flag category; answering more never turns met into not_met', () => {
    fc.assert(
      fc.property(flags, fc.constantFrom(...PACKS), (profile, p) => {
        const before = assessHardship(p, {}, '2025-08-01');
        expect(before.categories.every((c) => c.status === 'unknown')).toBe(true);
        const after = assessHardship(p, profile, '2025-08-01');
        const all = assessHardship(p, Object.fromEntries(HARDSHIP_FLAG_FIELDS.map((f) => [f, profile[f] ?? true])), '2025-08-01');
        after.categories.forEach((c, i) => {
          if (c.status === 'met') expect(all.categories[i]?.status === 'met' || all.categories[i]?.status === 'not_met').toBe(true);
          if (c.status !== 'unknown') expect(c.missing).toEqual([]);
        });
      }),
    );
  });
  it('every answer carries the clause it comes from', () => {
    fc.assert(
      fc.property(flags, fc.constantFrom(...PACKS), (profile, p) => {
        for (const c of assessHardship(p, profile, '2025-08-01').categories) {
          expect(c.source.length).toBeGreaterThan(0);
          for (const r of c.reasons) expect(r.source.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('nextHardshipQuestions', () => {
  it('Wenzhou, nothing known: registration date first, then identity, then family facts, in order', () => {
    const q = nextHardshipQuestions(pack('wenzhou-2022'), {}, '2025-08-01');
    expect(q.slice(0, 2)).toEqual(['registeredSince', 'idNumber']);
    expect(q).not.toContain('retirementCategory');
    expect(q).not.toContain('martyrFamily');
    expect(q.indexOf('familyPovertyAlleviated')).toBeLessThan(q.indexOf('landRequisitioned'));
  });
  it('a man does not get asked the women\'s retirement track', () => {
    expect(nextHardshipQuestions(pack('wenzhou-2022'), { idNumber: idFor('1980-01-01', 'M') }, '2025-08-01')).not.toContain('retirementCategory');
  });
  it('a woman whose tracks disagree is asked the retirement track', () => {
    expect(nextHardshipQuestions(pack('wenzhou-2022'), { idNumber: idFor('1975-06-10', 'F') }, '2024-01-01')).toContain('retirementCategory');
  });
  it('once a category is met only the public-notice facts are left to ask', () => {
    const q = nextHardshipQuestions(pack('wenzhou-2022'), { registeredSince: '2025-01-01', zeroEmploymentFamily: true }, '2025-08-01');
    expect(q).toEqual(['familyMinimumLivingAllowance', 'familyLowIncomeEdge', 'disabilityCertified']);
  });
  it('nothing left to ask once met and exempt', () => {
    expect(nextHardshipQuestions(pack('wenzhou-2022'), { registeredSince: '2025-01-01', disabilityCertified: true }, '2025-08-01')).toEqual([]);
  });
  it('Harbin asks Harbin facts only', () => {
    const q = nextHardshipQuestions(pack('harbin-2010'), {}, '2025-08-01');
    expect(q).toContain('martyrFamily');
    expect(q).toContain('unemployedSince');
    expect(q).not.toContain('registeredSince');
    expect(q).not.toContain('communityCorrection');
  });
});
