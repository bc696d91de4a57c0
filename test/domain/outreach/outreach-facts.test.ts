// Unreachable for 6 months and three refusals in a row become grounds for a caseworker to review (never a deregistration).
import { describe, expect, it } from 'vitest';
import { outreachFacts, wholeMonthsBetween } from '../../../src/domain/outreach/outreach-facts.ts';
import { pack } from '../regions/test-packs.ts';

const base = { lastReachedOn: '2026-01-10', failedSince: true, outcomesNewestFirst: [] as string[], today: '2026-07-10' };

describe('outreachFacts', () => {
  it.each([
    ['6 months unreachable with failed attempts', base, ['NO_CONTACT']],
    ['a day short of 6 months', { ...base, today: '2026-07-09' }, []],
    ['6 months of silence but nothing failed', { ...base, failedSince: false }, []],
    ['three refusals in a row', { ...base, failedSince: false, outcomesNewestFirst: ['refused_service', 'refused_service', 'refused_service', 'looking'] }, ['REFUSED_SERVICES']],
    ['two refusals, then a reply', { ...base, failedSince: false, outcomesNewestFirst: ['refused_service', 'refused_service', 'looking', 'refused_service'] }, []],
  ])('%s', (_name, history, codes) => {
    expect(outreachFacts(pack('anshan-2022'), history).map((g) => g.code)).toEqual(codes);
  });
  it('each finding names its clause and needs a caseworker', () => {
    expect(outreachFacts(pack('anshan-2022'), base)).toEqual([expect.objectContaining({ code: 'NO_CONTACT', source: 'employment-services-provisions#第六十六条', requiresCaseworkerConfirmation: true })]);
  });
  it('counts whole months the civil-code way', () => {
    expect([wholeMonthsBetween('2026-01-31', '2026-02-27'), wholeMonthsBetween('2026-01-31', '2026-02-28'), wholeMonthsBetween('2026-01-10', '2027-01-10')]).toEqual([0, 1, 12]);
  });
});
