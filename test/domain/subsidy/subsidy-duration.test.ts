// R1.10.2: what a caseworker sees as the last day a post / social insurance subsidy may cover.
import { describe, expect, it } from 'vitest';
import { parseClauseRef } from '../../../src/domain/clauses/clause-ref.ts';
import { SUBSIDY_DURATION_SOURCE, subsidyDuration } from '../../../src/domain/subsidy/subsidy-duration.ts';

// category, birth date, first approval → endsOn, untilRetirement, statutory retirement date
const ROWS = [
  // 3-year cap: 63y0m, retires 2043-06-15, far away
  ['MALE', '1980-06-15', '2025-03-01', '2028-02-29', false, '2043-06-15'],
  // 60y4m, retires 2026-05-10: less than 5 years to go at approval → until retirement (shorter than 3 years here)
  ['MALE', '1966-01-10', '2025-03-01', '2026-05-09', true, '2026-05-10'],
  // boundary: exactly 5 years before retirement is not "less than 5 years"
  ['MALE', '1980-06-15', '2038-06-15', '2041-06-14', false, '2043-06-15'],
  ['MALE', '1980-06-15', '2038-06-16', '2043-06-14', true, '2043-06-15'],
  // the women's track decides: same birth date, 50 track (50y9m) vs 55 track (56y8m)
  ['FEMALE_50', '1976-06-20', '2024-01-01', '2027-03-19', true, '2027-03-20'],
  ['FEMALE_55', '1976-06-20', '2024-01-01', '2026-12-31', false, '2033-02-20'],
  // near retirement with more than 3 years left: keeps it past the 3-year mark
  ['FEMALE_55', '1976-06-20', '2028-06-01', '2033-02-19', true, '2033-02-20'],
] as const;

describe('subsidyDuration (R1.10.2, W 二(三)2)', () => {
  it.each(ROWS)('%s born %s, first approved %s → ends %s, until retirement %s', (cat, birth, approved, endsOn, untilRetirement, retires) => {
    for (const kind of ['post', 'social_insurance'] as const) {
      const r = subsidyDuration({ kind, firstApprovedOn: approved, birthDate: birth, retirementCategory: cat });
      expect(r).toMatchObject({ status: 'limited', kind, endsOn, untilRetirement, retirementDate: retires, source: SUBSIDY_DURATION_SOURCE });
      if (r.status === 'limited') expect(r.productDecisions).toEqual(['NEAR_RETIREMENT_BY_DATE']);
    }
  });

  it.each([
    ['2024-12-01', 'past_retirement'],
    ['2025-01-01', 'past_retirement'],
    ['2024-11-30', 'limited'],
  ] as const)('a man born 1964-12-01 (retires 2024-12-01) first approved %s → %s', (approved, status) => {
    const r = subsidyDuration({ kind: 'post', firstApprovedOn: approved, birthDate: '1964-12-01', retirementCategory: 'MALE' });
    expect(r.status).toBe(status);
    expect(r.retirementDate).toBe('2024-12-01');
  });

  it.each([
    { kind: 'post', firstApprovedOn: '2025-02-30', birthDate: '1980-01-01', retirementCategory: 'MALE' },
    { kind: 'post', firstApprovedOn: '2025-02-01', birthDate: '1980/01/01', retirementCategory: 'MALE' },
    { kind: 'bonus', firstApprovedOn: '2025-02-01', birthDate: '1980-01-01', retirementCategory: 'MALE' },
    { kind: 'post', firstApprovedOn: '2025-02-01', birthDate: '1980-01-01', retirementCategory: 'FEMALE' },
  ])('rejects malformed input %j', (input) => {
    // @ts-expect-error malformed on purpose: data entering from outside is parsed, not trusted
    expect(() => subsidyDuration(input)).toThrow();
  });

  // That the section exists in the Wenzhou notice is checked in test/policy/policy-notice-clauses.test.ts.
  it('cites a section of the Wenzhou notice', () => {
    expect(parseClauseRef(SUBSIDY_DURATION_SOURCE)).toEqual({ kind: 'source', source: 'wenzhou-2022', section: '二(三)2' });
  });
});
