// R1.3/R1.4/R1.7: first contact, follow-up cadence and credit-promise deadlines on the real 2025/2026 calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/config/load-calendar-overrides.ts';
import { addDays, compareDates } from '../../../src/domain/dates/plain-date.ts';
import { creditPromiseDeadline } from '../../../src/domain/follow-up/credit-promise-deadline.ts';
import { planFollowUps } from '../../../src/domain/follow-up/plan-follow-ups.ts';
import { pack } from '../regions/test-packs.ts';

const calendar = loadWorkCalendar();
const W = 'wenzhou-2022';

describe('first contact', () => {
  it.each([
    ['2026-02-12', '2026-02-26', 'Sat 2/14 counts; 2/15–23 Spring Festival'],
    ['2026-04-30', '2026-05-11', '5/9 Sat is a working day'],
    ['2026-09-30', '2026-10-13', 'National Day'],
    ['2025-12-31', '2026-01-08', '1/4 Sun counts'],
    ['2025-09-26', '2025-10-10', 'SPEC §3.5'],
  ])('W 二(一)1: registered %s → contact by %s (%s)', (registeredOn, date) => {
    const plan = planFollowUps({ registeredOn, group: 'unemployed' }, pack('wenzhou-2022'), calendar);
    expect(plan.firstContact).toEqual({ date, provisional: false, kind: 'first_contact', source: `${W}#二(一)1`, basis: 'seed' });
  });
  it('W 二(一)1: hardship people too, within 5 working days of recognition', () => {
    expect(planFollowUps({ registeredOn: '2026-02-12', group: 'hardship' }, pack('wenzhou-2022'), calendar).firstContact.date).toBe('2026-02-26');
  });
  it('W 二(一)2: graduates within 1 month; 2026-01-31 → 2026-02-28 (a Saturday make-up working day)', () => {
    const plan = planFollowUps({ registeredOn: '2026-01-31', group: 'graduate' }, pack('wenzhou-2022'), calendar);
    expect(plan.firstContact).toMatchObject({ date: '2026-02-28', source: `${W}#二(一)2` });
    expect(plan.productDecisions).toContain('GRADUATE_FIRST_CONTACT_START');
  });
  it('regions without a first-contact rule use the Wenzhou default and say so', () => {
    const plan = planFollowUps({ registeredOn: '2026-02-12', group: 'unemployed' }, pack('zhanjiang-2021'), calendar);
    expect(plan.firstContact).toMatchObject({ date: '2026-02-26', basis: 'product_default' });
    expect(plan.productDecisions).toContain('FIRST_CONTACT_DEFAULT_FROM_WENZHOU');
  });
  it('a deadline in a year without holiday data is provisional', () => {
    expect(planFollowUps({ registeredOn: '2027-03-01', group: 'unemployed' }, pack('wenzhou-2022'), calendar).firstContact.provisional).toBe(true);
  });
});

describe('follow-up cadence', () => {
  it('W 二(二) / Z 四(二) / A 四(三): monthly from registration, 12 dates, moved off rest days', () => {
    const plan = planFollowUps({ registeredOn: '2026-02-12', group: 'unemployed' }, pack('zhanjiang-2021'), calendar);
    expect(plan.followUps).toHaveLength(12);
    expect(plan.followUps.slice(0, 3).map((d) => d.date)).toEqual(['2026-03-12', '2026-04-13', '2026-05-12']);
    expect(plan.followUps[0]).toMatchObject({ kind: 'monthly', source: 'zhanjiang-2021#四(二)' });
  });
  it('W 二(二): refused monthly follow-up → every 6 months counted from registration', () => {
    const plan = planFollowUps({ registeredOn: '2025-03-15', group: 'unemployed', refusedMonthly: true }, pack('wenzhou-2022'), calendar);
    expect(plan.followUps[0]).toMatchObject({ date: '2025-09-15', kind: 'after_refusal', source: `${W}#二(二)` });
    expect(plan.followUps[1]?.date).toBe('2026-03-16');
    expect(plan.refusedFlag).toBe(false);
  });
  it('SPEC §6 item 8: the same refusal in Zhanjiang keeps the monthly plan with a refused flag', () => {
    const plan = planFollowUps({ registeredOn: '2025-03-15', group: 'unemployed', refusedMonthly: true }, pack('zhanjiang-2021'), calendar);
    expect(plan.followUps[0]).toMatchObject({ date: '2025-04-15', kind: 'monthly_refused' });
    expect(plan.refusedFlag).toBe(true);
    expect(plan.productDecisions).toContain('REFUSAL_MONTHLY_WITH_FLAG');
  });
  it('W 二(二) "提高服务频次": hardship people every 14 days (product choice), on the next working day', () => {
    const plan = planFollowUps({ registeredOn: '2026-02-02', group: 'hardship' }, pack('wenzhou-2022'), calendar);
    expect(plan.followUps[0]).toMatchObject({ date: '2026-02-24', kind: 'hardship_interval', basis: 'product_default' });
    expect(plan.followUps[1]?.date).toBe('2026-03-02');
    expect(plan.productDecisions).toContain('HARDSHIP_CONTACT_INTERVAL');
  });
  it('R1.4.3 (W 二(二)): graduates from hardship families get the hardship interval too, with the graduates\' first contact', () => {
    const plan = planFollowUps({ registeredOn: '2026-02-02', group: 'hardship_family_graduate' }, pack('wenzhou-2022'), calendar);
    expect(plan.firstContact).toMatchObject({ date: '2026-03-02', source: pack('wenzhou-2022').followUp.graduateFirstContact.source });
    expect(plan.followUps.slice(0, 2).map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2026-02-24', 'hardship_interval', 'decision:HARDSHIP_CONTACT_INTERVAL@wenzhou-2022#二(二)'],
      ['2026-03-02', 'hardship_interval', 'decision:HARDSHIP_CONTACT_INTERVAL@wenzhou-2022#二(二)'],
    ]);
    expect(plan.productDecisions).toEqual(expect.arrayContaining(['GRADUATE_FIRST_CONTACT_START', 'HARDSHIP_CONTACT_INTERVAL']));
    // A graduate from a family not in hardship stays monthly.
    expect(planFollowUps({ registeredOn: '2026-02-02', group: 'graduate' }, pack('wenzhou-2022'), calendar).followUps[0]).toMatchObject({ date: '2026-03-02', kind: 'monthly' });
  });
  it('property: due dates are working days, strictly increasing, after registration', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(day, fc.constantFrom('unemployed', 'hardship', 'graduate', 'hardship_family_graduate'), fc.boolean(), fc.constantFrom('wenzhou-2022', 'zhanjiang-2021', 'harbin-2010'), (registeredOn, group, refusedMonthly, code) => {
        const plan = planFollowUps({ registeredOn, group, refusedMonthly }, pack(code), calendar);
        const dates = [plan.firstContact.date, ...plan.followUps.map((d) => d.date)];
        for (const d of dates) expect(calendar.isWorkday(d)).toBe(true);
        expect(compareDates(plan.firstContact.date, registeredOn)).toBe(1);
        plan.followUps.forEach((d, i) => i > 0 && expect(compareDates(d.date, plan.followUps[i - 1]?.date ?? '')).toBe(1));
      }),
      { numRuns: 150 },
    );
  });
});

describe('credit promise (Z §五(一))', () => {
  it('2026-09-28 + 7 working days → 2026-10-13', () => {
    expect(creditPromiseDeadline(pack('zhanjiang-2021'), '2026-09-28', calendar)).toEqual({ date: '2026-10-13', provisional: false, source: 'zhanjiang-2021#五(一)' });
  });
  it('no credit-promise rule outside Zhanjiang', () => {
    expect(creditPromiseDeadline(pack('wenzhou-2022'), '2026-09-28', calendar)).toBeNull();
  });
});
