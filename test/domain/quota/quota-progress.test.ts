// R1.5: the Zhanjiang "12333" yearly service quota, counted per quota year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../../src/domain/dates/plain-date.ts';
import { quotaProgress, QUOTA_KINDS, type QuotaContact } from '../../../src/domain/quota/quota-progress.ts';
import { pack } from '../regions/test-packs.ts';

const Z = pack('zhanjiang-2021');
const contacts: QuotaContact[] = [
  { date: '2025-04-01', kind: 'policy' },
  { date: '2025-05-01', kind: 'policy' },
  { date: '2025-04-02', kind: 'guidance' },
  { date: '2025-06-02', kind: 'guidance' },
  { date: '2025-08-02', kind: 'guidance' },
  { date: '2025-04-03', kind: 'jobs' },
  { date: '2025-09-03', kind: 'jobs' },
  { date: '2025-04-04', kind: 'training' },
  { date: '2025-05-04', kind: 'training' },
  { date: '2025-06-04', kind: 'training' },
];

describe('quotaProgress', () => {
  it('Z §四(三): 2 policy, 3 guidance, 3 jobs, 3 training within 1 year; 2 job recommendations is short', () => {
    const r = quotaProgress(Z, '2025-03-10', contacts, '2025-12-01');
    if (!r.applicable) throw new Error('expected applicable');
    expect(r.items).toEqual([
      { kind: 'policy', delivered: 2, required: 2, met: true },
      { kind: 'guidance', delivered: 3, required: 3, met: true },
      { kind: 'jobs', delivered: 2, required: 3, met: false },
      { kind: 'training', delivered: 3, required: 3, met: true },
    ]);
    expect(r).toMatchObject({ yearStart: '2025-03-10', yearEnd: '2026-03-09', allMet: false, source: 'zhanjiang-2021#四(三)' });
    expect(r.productDecisions).toContain('QUOTA_YEAR_ROLLING');
  });
  it('rolling year: on the registration anniversary a new year starts at zero', () => {
    const r = quotaProgress(Z, '2025-03-10', contacts, '2026-03-10');
    expect(r).toMatchObject({ yearStart: '2026-03-10', yearEnd: '2027-03-09' });
    if (r.applicable) expect(r.items.every((i) => i.delivered === 0)).toBe(true);
  });
  it('calendar year when the pack says so', () => {
    const r = quotaProgress({ ...Z, quota: Z.quota && { ...Z.quota, year: 'calendar' } }, '2025-03-10', [...contacts, { date: '2026-01-05', kind: 'jobs' }], '2026-02-01');
    expect(r).toMatchObject({ yearStart: '2026-01-01', yearEnd: '2026-12-31', yearRule: 'calendar' });
    if (r.applicable) expect(r.items.find((i) => i.kind === 'jobs')?.delivered).toBe(1);
  });
  it('regions without a quota say so', () => {
    expect(quotaProgress(pack('wenzhou-2022'), '2025-03-10', contacts, '2025-12-01')).toEqual({ applicable: false, region: 'wenzhou-2022', reason: 'NO_QUOTA_IN_REGION' });
  });
  it('property: the quota year contains asOf and counts only contacts inside it', () => {
    const day = (from: string) => fc.integer({ min: 0, max: 1500 }).map((n) => addDays(from, n));
    const contact = fc.record({ date: day('2024-01-01'), kind: fc.constantFrom(...QUOTA_KINDS) });
    fc.assert(
      fc.property(day('2024-01-01'), fc.integer({ min: 0, max: 1000 }), fc.array(contact, { maxLength: 30 }), fc.constantFrom('rolling' as const, 'calendar' as const), (reg, after, cs, year) => {
        const asOf = addDays(reg, after);
        const r = quotaProgress({ ...Z, quota: Z.quota && { ...Z.quota, year } }, reg, cs, asOf);
        if (!r.applicable) throw new Error('expected applicable');
        expect(compareDates(r.yearStart, asOf)).toBeLessThanOrEqual(0);
        expect(compareDates(asOf, r.yearEnd)).toBeLessThanOrEqual(0);
        const inside = cs.filter((c) => compareDates(r.yearStart, c.date) <= 0 && compareDates(c.date, asOf) <= 0).length;
        expect(r.items.reduce((n, i) => n + i.delivered, 0)).toBe(inside);
      }),
    );
  });
});
