// A caseworker's deregistration is refused where the region forbids the chosen grounds as the sole reason (W 二(三)1).
import { describe, expect, it } from 'vitest';
import { checkDeregistrationGrounds } from '../../../src/domain/deregistration/check-deregistration-grounds.ts';
import { pack } from '../regions/test-packs.ts';

describe('checkDeregistrationGrounds', () => {
  it('Wenzhou: three refusals alone, or no contact alone, or both together, are refused with W 二(三)1', () => {
    for (const chosen of [['REFUSED_SERVICES'], ['NO_CONTACT'], ['REFUSED_SERVICES', 'NO_CONTACT']] as const) {
      const check = checkDeregistrationGrounds(pack('wenzhou-2022'), chosen);
      expect(check.ok).toBe(false);
      if (check.ok || check.reason !== 'SOLE_GROUND_FORBIDDEN') throw new Error('expected SOLE_GROUND_FORBIDDEN');
      expect(check.grounds.map((g) => g.clause)).toEqual(chosen.map(() => 'wenzhou-2022#二(三)1'));
    }
  });

  it('Wenzhou: no contact beside a job is allowed', () => {
    const check = checkDeregistrationGrounds(pack('wenzhou-2022'), ['NO_CONTACT', 'HIRED']);
    expect(check.ok).toBe(true);
  });

  it('refuses no ground at all, and grounds the region does not have', () => {
    expect(checkDeregistrationGrounds(pack('zhanjiang-2021'), [])).toEqual({ ok: false, reason: 'NO_GROUND' });
    // Zhanjiang's notice has no "stopped wanting work" ground.
    expect(checkDeregistrationGrounds(pack('zhanjiang-2021'), ['HIRED', 'STOPPED_WANTING_WORK'])).toEqual({ ok: false, reason: 'GROUND_NOT_IN_REGION', codes: ['STOPPED_WANTING_WORK'] });
  });

  it('Zhanjiang: a job alone is a ground a caseworker may decide on, with its clause', () => {
    const check = checkDeregistrationGrounds(pack('zhanjiang-2021'), ['HIRED']);
    expect(check).toMatchObject({ ok: true, grounds: [{ code: 'HIRED' }] });
  });
});
