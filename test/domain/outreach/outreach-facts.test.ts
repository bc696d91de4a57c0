// Unreachable for 6 months and three refusals in a row become grounds for a caseworker to review (never a deregistration).
import { describe, expect, it } from 'vitest';
import { historyFor, outreachFactFor, outreachFacts, wholeMonthsBetween, type OutreachRecord } from '../../../src/domain/outreach/outreach-facts.ts';
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

describe('historyFor: after a caseworker decided a ground, only later evidence counts', () => {
  const dayOf = (at: Date) => at.toISOString().slice(0, 10);
  const at = (day: string) => new Date(`${day}T02:00:00Z`);
  const record: OutreachRecord = {
    registeredAt: at('2026-01-10'), lastReachedAt: null, lastFailedAt: at('2026-08-01'),
    answersNewestFirst: [{ outcome: 'refused_service', at: at('2026-06-10') }, { outcome: 'refused_service', at: at('2026-05-10') }, { outcome: 'refused_service', at: at('2026-04-10') }],
    decidedAt: {},
  };
  const codes = (r: OutreachRecord, today: string) => (['NO_CONTACT', 'REFUSED_SERVICES'] as const).filter((g) => outreachFactFor(pack('anshan-2022'), g, historyFor(g, r, today, dayOf)) !== null);

  it.each([
    ['no decision: both grounds', record, '2026-07-10', ['NO_CONTACT', 'REFUSED_SERVICES']],
    ['both decided on 2026-07-15: nothing new', { ...record, decidedAt: { NO_CONTACT: at('2026-07-15'), REFUSED_SERVICES: at('2026-07-15') } }, '2026-09-01', []],
    ['silence decided: 6 months after the decision with a failure since, again', { ...record, decidedAt: { NO_CONTACT: at('2026-07-15') } }, '2027-01-15', ['NO_CONTACT', 'REFUSED_SERVICES']],
    ['silence decided: a day short of 6 months after it', { ...record, decidedAt: { NO_CONTACT: at('2026-07-15') } }, '2027-01-14', ['REFUSED_SERVICES']],
    ['refusals decided: two new refusals are not three', { ...record, answersNewestFirst: [{ outcome: 'refused_service', at: at('2026-09-10') }, { outcome: 'refused_service', at: at('2026-08-10') }, ...record.answersNewestFirst], decidedAt: { REFUSED_SERVICES: at('2026-07-15') } }, '2026-07-09', []],
    ['refusals decided: three new refusals are', { ...record, answersNewestFirst: [{ outcome: 'refused_service', at: at('2026-10-10') }, { outcome: 'refused_service', at: at('2026-09-10') }, { outcome: 'refused_service', at: at('2026-08-10') }, ...record.answersNewestFirst], decidedAt: { REFUSED_SERVICES: at('2026-07-15') } }, '2026-07-09', ['REFUSED_SERVICES']],
  ] as const)('%s', (_name, r, today, expected) => {
    expect(codes(r, today)).toEqual(expected);
  });

  it('gives the facts the review desk assesses', () => {
    expect(outreachFactFor(pack('anshan-2022'), 'NO_CONTACT', historyFor('NO_CONTACT', record, '2026-08-20', dayOf))?.facts).toEqual({ monthsWithoutContact: 7 });
    expect(outreachFactFor(pack('anshan-2022'), 'REFUSED_SERVICES', historyFor('REFUSED_SERVICES', record, '2026-08-20', dayOf))?.facts).toEqual({ consecutiveRefusals: 3 });
  });
});
