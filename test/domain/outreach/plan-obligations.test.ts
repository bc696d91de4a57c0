// R1.3–R1.5 as rows: first contact, check-ins by cadence and the yearly quota spread, on the real calendar.
import { describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/config/load-calendar-overrides.ts';
import { planObligations, type ObligationSubject } from '../../../src/domain/outreach/plan-obligations.ts';
import { spreadQuota } from '../../../src/domain/quota/spread-quota.ts';
import { PACKS, pack } from '../regions/test-packs.ts';

const calendar = loadWorkCalendar();
const subject = (over: Partial<ObligationSubject> = {}): ObligationSubject => ({
  registrationId: 'r1', regionCode: '440802', registeredOn: '2026-01-05', group: 'unemployed', refusedMonthly: false, reachable: true, ...over,
});
const year = { from: '2026-01-05', to: '2026-12-31' };

describe('planObligations', () => {
  it.each([
    ['unemployed, Zhanjiang', subject(), { first: ['2026-01-06', '2026-01-12'], checkIns: 11, firstCheckIn: '2026-02-05', cadence: 'm1' }],
    ['graduate: first contact within 1 month', subject({ group: 'graduate' }), { first: ['2026-01-06', '2026-02-05'], checkIns: 11, firstCheckIn: '2026-02-05', cadence: 'm1' }],
    ['hardship: every 14 days', subject({ group: 'hardship' }), { first: ['2026-01-06', '2026-01-12'], checkIns: 25, firstCheckIn: '2026-01-19', cadence: 'd14' }],
    ['graduate from a hardship family: first contact within 1 month, then every 14 days', subject({ group: 'hardship_family_graduate' }), { first: ['2026-01-06', '2026-02-05'], checkIns: 25, firstCheckIn: '2026-01-19', cadence: 'd14' }],
    ['refused in Wenzhou: every 6 months', subject({ regionCode: '330302', refusedMonthly: true }), { first: ['2026-01-06', '2026-01-12'], checkIns: 1, firstCheckIn: '2026-07-06', cadence: 'm6' }],
    ['refused in Zhanjiang: still monthly (no 6-month rule)', subject({ refusedMonthly: true }), { first: ['2026-01-06', '2026-01-12'], checkIns: 11, firstCheckIn: '2026-02-05', cadence: 'm1' }],
  ])('%s', (_name, s, want) => {
    const plan = planObligations(s, PACKS, calendar, year);
    const first = plan.find((o) => o.kind === 'first_contact');
    expect([first?.dueOn, first?.deadlineOn]).toEqual(want.first);
    const checkIns = plan.filter((o) => o.kind === 'check_in');
    expect(checkIns).toHaveLength(want.checkIns);
    expect(checkIns[0]).toMatchObject({ dueOn: want.firstCheckIn, period: want.cadence });
    for (const o of plan) expect(calendar.isWorkday(o.dueOn), `${o.key} on ${o.dueOn}`).toBe(true);
    expect(new Set(plan.map((o) => o.key)).size).toBe(plan.length);
  });

  it('cites the clause of each row', () => {
    const plan = planObligations(subject(), PACKS, calendar, year);
    expect(plan.find((o) => o.kind === 'check_in')?.clause).toBe(pack('zhanjiang-2021').followUp.monthly.source);
    expect(plan.find((o) => o.kind === 'quota_jobs')?.clause).toBe('zhanjiang-2021#四(三)');
    expect(planObligations(subject({ regionCode: '330302', refusedMonthly: true }), PACKS, calendar, year).find((o) => o.kind === 'check_in')?.clause).toBe(pack('wenzhou-2022').followUp.refusal?.source);
  });

  it('plans nothing for a person who is deregistered or withdrew consent', () => {
    expect(planObligations(subject({ reachable: false }), PACKS, calendar, year)).toEqual([]);
  });

  it('the same facts give the same keys (re-planning never duplicates); a refusal keeps the month-6 row', () => {
    const a = planObligations(subject({ regionCode: '330302' }), PACKS, calendar, year).map((o) => o.key);
    expect(planObligations(subject({ regionCode: '330302' }), PACKS, calendar, year).map((o) => o.key)).toEqual(a);
    const refused = planObligations(subject({ regionCode: '330302', refusedMonthly: true }), PACKS, calendar, year).map((o) => o.key);
    expect(refused).toContain('check_in:r1:m6');
    expect(a).toContain('check_in:r1:m6');
  });

  it('a window plans its days (a month at a time), what is still owed from before it, and the first contact until it is made, even late', () => {
    const march = planObligations(subject(), PACKS, calendar, { from: '2026-03-01', to: '2026-03-31' });
    expect(march.filter((o) => o.kind !== 'first_contact').every((o) => o.dueOn <= '2026-03-31' && (o.dueOn >= '2026-03-01' || o.deadlineOn >= '2026-03-01'))).toBe(true);
    // February's check-in was due on 02-05 and may still be made until 03-04: planned now (no tick ran on its day).
    expect(march.filter((o) => o.kind === 'check_in').map((o) => [o.period, o.dueOn, o.deadlineOn])).toEqual([['m1', '2026-02-05', '2026-03-04'], ['m2', '2026-03-05', '2026-04-04']]);
    // From 03-05 on, February's is past its deadline: not planned any more (it shows as missed, not sent late).
    expect(planObligations(subject(), PACKS, calendar, { from: '2026-03-05', to: '2026-03-31' }).filter((o) => o.kind === 'check_in').map((o) => o.period)).toEqual(['m2']);
    // Planned for the first time after its January deadline: still owed, with its own dates (so it shows overdue).
    expect(march.find((o) => o.kind === 'first_contact')?.deadlineOn).toMatch(/^2026-01-/);
    expect(planObligations(subject(), PACKS, calendar, { from: '2026-01-09', to: '2026-01-31' }).map((o) => o.kind)).toContain('first_contact');
  });
});

describe('spreadQuota (Z §四(三): 2 + 3 + 3 + 3 a year)', () => {
  it('spreads each kind over the rolling year, on working days, none bunched at the end', () => {
    const slots = spreadQuota(pack('zhanjiang-2021'), '2026-01-05', '2027-01-04', calendar);
    const count = (k: string) => slots.filter((s) => s.kind === k).length;
    expect([count('policy'), count('guidance'), count('jobs'), count('training')]).toEqual([2, 3, 3, 3]);
    expect(slots.filter((s) => s.kind === 'jobs').map((s) => s.dueOn)).toEqual(['2026-03-10', '2026-07-10', '2026-11-09']);
    expect(slots.every((s) => s.deadlineOn === '2027-01-04' && calendar.isWorkday(s.dueOn))).toBe(true);
    expect(slots.filter((s) => s.dueOn > '2026-11-30')).toHaveLength(0);
  });
  it('a region without a quota plans none', () => {
    expect(spreadQuota(pack('wenzhou-2022'), '2026-01-05', '2027-01-04', calendar)).toEqual([]);
  });
});

// Issue 12: what a caseworker logged in the console counts, so only what is still owed is planned.
describe('planObligations with contacts made outside the plan', () => {
  const kinds = (plan: readonly { kind: string; period: string }[], kind: string) => plan.filter((o) => o.kind === kind).map((o) => o.period);
  const guidance = (date: string) => ({ date, kind: 'guidance' as const });

  it.each([
    ['nothing logged', { services: [], contactDays: [] }, ['y1-1', 'y1-2', 'y1-3']],
    ['one guidance session: the year\'s last slot goes', { services: [guidance('2026-02-10')], contactDays: [] }, ['y1-1', 'y1-2']],
    ['three guidance sessions: none is left to send', { services: [guidance('2026-02-10'), guidance('2026-02-11'), guidance('2026-02-12')], contactDays: [] }, []],
    ['four sessions: still none (never below zero)', { services: ['2026-02-10', '2026-02-11', '2026-03-01', '2026-04-01'].map(guidance), contactDays: [] }, []],
    ['a session before registration is not this year\'s', { services: [guidance('2026-01-04')], contactDays: [] }, ['y1-1', 'y1-2', 'y1-3']],
    ['another kind does not count as guidance', { services: [{ date: '2026-02-10', kind: 'jobs' as const }], contactDays: [] }, ['y1-1', 'y1-2', 'y1-3']],
  ])('quota guidance: %s', (_name, credits, want) => {
    expect(kinds(planObligations(subject(), PACKS, calendar, year, credits), 'quota_guidance')).toEqual(want);
  });

  it('a guidance session in the second quota year counts there, not in the first', () => {
    const twoYears = { from: '2026-01-05', to: '2027-12-31' };
    const plan = planObligations(subject(), PACKS, calendar, twoYears, { services: [guidance('2027-02-01')], contactDays: [] });
    expect(kinds(plan, 'quota_guidance')).toEqual(['y1-1', 'y1-2', 'y1-3', 'y2-1', 'y2-2']);
  });

  it.each([
    ['a call inside month 2 (2026-03-05 … 2026-04-04) meets the m2 check-in only', ['2026-03-20'], ['m2']],
    ['on the first day of the period', ['2026-03-05'], ['m2']],
    ['on the last day of the period', ['2026-04-04'], ['m2']],
    ['two calls in one month meet that month once', ['2026-03-06', '2026-03-30'], ['m2']],
    ['calls in two months meet both', ['2026-02-10', '2026-03-10'], ['m1', 'm2']],
    ['a call on registration week meets no check-in (first contact is its own)', ['2026-01-07'], []],
  ])('check-ins: %s', (_name, contactDays, met) => {
    const all = kinds(planObligations(subject(), PACKS, calendar, year), 'check_in');
    const left = kinds(planObligations(subject(), PACKS, calendar, year, { services: [], contactDays }), 'check_in');
    expect(all.filter((p) => !left.includes(p))).toEqual(met);
    expect(kinds(planObligations(subject(), PACKS, calendar, year, { services: [], contactDays }), 'first_contact')).toHaveLength(1);
  });

  it('a hardship person\'s 14-day check-in is met by a visit inside those 14 days', () => {
    const left = kinds(planObligations(subject({ group: 'hardship' }), PACKS, calendar, year, { services: [], contactDays: ['2026-01-25'] }), 'check_in');
    expect(left).not.toContain('d14');
    expect(left.slice(0, 2)).toEqual(['d28', 'd42']);
  });
});

// EXIT_REPORT_PAUSES_OFFERS: a reported job waits for a caseworker; meanwhile no offers and one check-in.
describe('planObligations after a reported job, until a caseworker decides', () => {
  const kinds = (plan: readonly { kind: string; period: string }[], kind: string) => plan.filter((o) => o.kind === kind).map((o) => o.period);

  it.each([
    ['Zhanjiang, reported in month 2 (2026-03-05 … 2026-04-04): only m3 stays', subject({ exitReportedOn: '2026-03-20' }), ['m3']],
    ['reported on the last day before a check-in: that check-in stays', subject({ exitReportedOn: '2026-04-04' }), ['m3']],
    ['reported on a check-in day: the one after it', subject({ exitReportedOn: '2026-04-05' }), ['m4']],
    ['hardship (every 14 days): the next 14-day check-in', subject({ group: 'hardship', exitReportedOn: '2026-02-03' }), ['d42']],
    ['refused in Wenzhou (every 6 months): the next 6-month check-in', subject({ regionCode: '330302', refusedMonthly: true, exitReportedOn: '2026-03-20' }), ['m6']],
  ])('%s', (_name, s, want) => {
    // Planned from the report day on (a tick re-plans from its own day), to the year's end.
    const plan = planObligations(s, PACKS, calendar, { from: s.exitReportedOn ?? year.from, to: year.to });
    expect(kinds(plan, 'check_in')).toEqual(want);
    expect(plan.filter((o) => o.kind.startsWith('quota_'))).toEqual([]);
  });

  it('without a report the quota and every check-in are planned (the same facts otherwise)', () => {
    const plan = planObligations(subject(), PACKS, calendar, year);
    expect(kinds(plan, 'check_in')).toHaveLength(11);
    expect(kinds(plan, 'quota_jobs')).toEqual(['y1-1', 'y1-2', 'y1-3']);
  });

  it('the first contact is still owed until made', () => {
    expect(kinds(planObligations(subject({ exitReportedOn: '2026-01-05' }), PACKS, calendar, year), 'first_contact')).toHaveLength(1);
  });

  it('a caseworker\'s call in the next period meets it, and no later check-in takes its place', () => {
    const window = { from: '2026-03-20', to: year.to };
    expect(kinds(planObligations(subject({ exitReportedOn: '2026-03-20' }), PACKS, calendar, window, { services: [], contactDays: ['2026-04-10'] }), 'check_in')).toEqual([]);
  });
});
