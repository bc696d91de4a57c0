// The pure rules behind the work lists and reports: working days until a deadline (holidays skipped), the
// first-contact timeliness share, and who is behind on the yearly quota with the weeks left.
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { loadChineseDaysHolidayData } from '../../../src/config/load-calendar-overrides.ts';
import { workingDaysUntil } from '../../../src/domain/calendar/working-days-until.ts';
import { firstContactTimeliness } from '../../../src/domain/reports/first-contact-timeliness.ts';
import { quotaStanding } from '../../../src/domain/reports/quota-standing.ts';
import { quotaProgress } from '../../../src/domain/quota/quota-progress.ts';
import { pack } from '../regions/test-packs.ts';

const calendar = createWorkCalendar({ years: {} }, loadChineseDaysHolidayData());

describe('workingDaysUntil', () => {
  it.each([
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-20', '2026-11-27', 5],
    ['2026-11-20', '2026-11-23', 1], // over a weekend
    ['2026-11-20', '2026-11-19', -1],
    ['2026-11-20', '2026-11-09', -9],
    ['2026-11-21', '2026-11-20', -1], // Saturday after a Friday deadline: overdue all the same
    ['2026-09-30', '2026-10-09', 2], // 1–7 Oct (National Day) are not counted: only 8 and 9 Oct
  ])('from %s to %s is %i working days', (today, due, expected) => {
    expect(workingDaysUntil(calendar, today, due)).toBe(expected);
  });
});

describe('firstContactTimeliness', () => {
  const item = (registrationId: string, dueOn: string, contactedOn: string | null) => ({ registrationId, registeredOn: '2026-11-02', dueOn, contactedOn });
  it('counts on time, late and not yet contacted, and leaves deadlines still ahead out', () => {
    const result = firstContactTimeliness([
      item('on-time', '2026-11-09', '2026-11-09'),
      item('late', '2026-11-09', '2026-11-10'),
      item('missed', '2026-11-09', null),
      item('not-due', '2026-11-25', null),
    ], '2026-11-20');
    expect(result).toMatchObject({ judged: 3, onTime: 1, share: 1 / 3 });
    expect(result.late.map((l) => [l.registrationId, l.lateReason])).toEqual([['late', 'contacted_late'], ['missed', 'not_contacted']]);
  });
  it('has no share when nothing is due yet', () => {
    expect(firstContactTimeliness([item('x', '2026-11-25', null)], '2026-11-20').share).toBeNull();
  });
});

describe('quotaStanding (Zhanjiang 2/3/3/3, rolling year)', () => {
  const zhanjiang = pack('zhanjiang-2021');
  it('owes nothing pro rata in the first weeks', () => {
    const standing = quotaStanding(quotaProgress(zhanjiang, '2026-11-02', [], '2026-11-20'), '2026-11-20');
    expect(standing).toMatchObject({ behind: false, missing: 11, weeksLeft: 49, yearEnd: '2027-11-01' });
  });
  it('is behind where a kind falls under its share of the year gone', () => {
    const contacts = [{ date: '2026-12-01', kind: 'guidance' as const }, { date: '2027-01-05', kind: 'policy' as const }];
    const standing = quotaStanding(quotaProgress(zhanjiang, '2026-11-02', contacts, '2027-05-02'), '2027-05-02');
    expect(standing?.behind).toBe(true);
    expect(standing?.behindKinds.map((k) => [k.kind, k.delivered, k.expectedByNow])).toEqual([['jobs', 0, 1], ['training', 0, 1]]);
    expect(standing).toMatchObject({ missing: 9, weeksLeft: 26 });
  });
  it('says nothing where a region has no quota', () => {
    const noQuota = { ...zhanjiang, quota: null };
    expect(quotaStanding(quotaProgress(noQuota, '2026-11-02', [], '2026-11-20'), '2026-11-20')).toBeNull();
  });
});
