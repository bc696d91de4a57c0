// R1.9: deregistration grounds per region; the engine only informs a caseworker and never deregisters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as module from '../../../src/domain/deregistration/assess-deregistration-grounds.ts';
import { assessDeregistrationGrounds } from '../../../src/domain/deregistration/assess-deregistration-grounds.ts';
import { DEREGISTRATION_FLAG_FACTS } from '../../../src/domain/deregistration/deregistration-ground.ts';
import { pack, PACKS } from '../regions/test-packs.ts';

const Z = 'zhanjiang-2021';
const codes = (region: string, facts: Parameters<typeof assessDeregistrationGrounds>[1]) =>
  assessDeregistrationGrounds(pack(region), facts).grounds.map((g) => g.code);

describe('Zhanjiang: 11 grounds (Z §二(一))', () => {
  it.each([
    [{ hired: true }, 'HIRED', '1'],
    [{ flexibleOrNewFormWork: true }, 'SELF_EMPLOYED', '2'],
    [{ selfEmployedOrFoundedBusiness: true }, 'SELF_EMPLOYED', '2'],
    [{ stableMonthlyIncome: 1200, localMinimumLivingAllowance: 1000 }, 'STABLE_INCOME', '3'],
    [{ drawingPension: true }, 'PENSION', '4'],
    [{ lostWorkAbility: true }, 'LOST_WORK_ABILITY', '5'],
    [{ enteredSchool: true }, 'SCHOOL', '6'],
    [{ militaryService: true }, 'MILITARY_SERVICE', '6'],
    [{ emigrated: true }, 'EMIGRATED', '6'],
    [{ imprisoned: true }, 'IMPRISONED', '7'],
    [{ consecutiveRefusals: 3 }, 'REFUSED_SERVICES', '8'],
    [{ monthsWithoutContact: 6 }, 'NO_CONTACT', '9'],
    [{ died: true }, 'DIED', '10'],
    [{ otherCaseDecidedAfterPublicNotice: true }, 'OTHER_REVIEWED', '11'],
  ])('Z 二(一): %j → %s (item %s), referred to a caseworker', (facts, code, item) => {
    const r = assessDeregistrationGrounds(pack('zhanjiang-2021'), facts);
    expect(r.outcome).toBe('refer_to_caseworker');
    expect(r.grounds).toEqual([expect.objectContaining({ code, source: `${Z}#二(一)${item}`, requiresCaseworkerConfirmation: true })]);
  });
  it('Z 二(一): 2 refusals or 5 months without contact are not yet grounds', () => {
    expect(codes('zhanjiang-2021', { consecutiveRefusals: 2, monthsWithoutContact: 5 })).toEqual([]);
  });
  it('Z 二(一): the person is not told on emigration, imprisonment, death or when unreachable', () => {
    const r = assessDeregistrationGrounds(pack('zhanjiang-2021'), { emigrated: true, imprisoned: true, died: true, monthsWithoutContact: 6, hired: true });
    expect(Object.fromEntries(r.grounds.map((g) => [g.code, g.notifyPerson]))).toEqual({ HIRED: true, EMIGRATED: false, IMPRISONED: false, NO_CONTACT: false, DIED: false });
  });
});

describe('SPEC §1.9 conflicts', () => {
  const refusedAndUnreachable = { consecutiveRefusals: 3, monthsWithoutContact: 7 };
  it('C1: 3 refusals + 6 months without contact → Zhanjiang refers to a caseworker; Wenzhou forbids them as the sole ground', () => {
    expect(assessDeregistrationGrounds(pack('zhanjiang-2021'), refusedAndUnreachable).outcome).toBe('refer_to_caseworker');
    const w = assessDeregistrationGrounds(pack('wenzhou-2022'), refusedAndUnreachable);
    expect(w.outcome).toBe('sole_ground_forbidden');
    expect(w.grounds.map((g) => [g.code, g.forbiddenAsSoleGround, g.source])).toEqual([
      ['REFUSED_SERVICES', true, 'wenzhou-2022#二(三)1'],
      ['NO_CONTACT', true, 'wenzhou-2022#二(三)1'],
    ]);
  });
  it('C1: in Wenzhou a real ground (hired) alongside them is referred, the forbidden ones stay flagged', () => {
    const w = assessDeregistrationGrounds(pack('wenzhou-2022'), { ...refusedAndUnreachable, hired: true });
    expect(w.outcome).toBe('refer_to_caseworker');
    expect(w.grounds.filter((g) => g.forbiddenAsSoleGround).map((g) => g.code)).toEqual(['REFUSED_SERVICES', 'NO_CONTACT']);
  });
  it('C2: income 1,200 with allowance 1,000 and minimum wage 2,000 → stable income in Zhanjiang, not under the national rule', () => {
    const facts = { stableMonthlyIncome: 1200, localMinimumLivingAllowance: 1000, localMinimumWage: 2000 };
    expect(codes('zhanjiang-2021', facts)).toEqual(['STABLE_INCOME']);
    expect(codes('national', facts)).toEqual([]);
    expect(codes('anshan-2022', facts)).toEqual([]);
  });
  it('unknown facts are listed as undetermined, not as grounds', () => {
    const r = assessDeregistrationGrounds(pack('zhanjiang-2021'), { stableMonthlyIncome: 1200 });
    expect(r.grounds).toEqual([]);
    expect(r.undetermined).toContain('STABLE_INCOME');
  });
});

describe('the engine never deregisters', () => {
  it('the module exports only the assessment: no function changes a status', () => {
    expect(Object.keys(module)).toEqual(['assessDeregistrationGrounds']);
  });
  it('property: every ground found in every region requires caseworker confirmation', () => {
    const facts = fc.record(
      {
        ...Object.fromEntries(DEREGISTRATION_FLAG_FACTS.map((f) => [f, fc.boolean()])),
        consecutiveRefusals: fc.nat(10),
        monthsWithoutContact: fc.nat(24),
        stableMonthlyIncome: fc.nat(5000),
        localMinimumLivingAllowance: fc.nat(3000),
        localMinimumWage: fc.nat(3000),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(facts, fc.constantFrom(...PACKS), (f, p) => {
        const r = assessDeregistrationGrounds(p, f);
        for (const g of r.grounds) expect(g.requiresCaseworkerConfirmation).toBe(true);
        if (r.outcome === 'sole_ground_forbidden') expect(r.grounds.every((g) => g.forbiddenAsSoleGround)).toBe(true);
      }),
    );
  });
});
