// The SLA of a 转人工 case: the region's local setting (default one working day) counted on the government
// work calendar from the Beijing day the case was opened, due at the end of that day.
import { describe, expect, it } from 'vitest';
import { createCaseDueBy } from '../../src/caseworker/case-due-by.ts';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';
import { regionPackSchema, type RegionPack } from '../../src/domain/regions/region-pack.ts';
import { PACKS, pack } from '../domain/regions/test-packs.ts';

const calendar = loadWorkCalendar();
const dueBy = createCaseDueBy(PACKS, calendar);

describe('case SLA due time', () => {
  it.each([
    ['Tuesday morning', '2025-03-11T02:00:00Z', '2025-03-12T16:00:00.000Z'],
    ['Friday afternoon → Monday', '2025-03-14T08:00:00Z', '2025-03-17T16:00:00.000Z'],
    ['late Friday evening UTC is already Saturday in Beijing → still Monday', '2025-03-14T17:00:00Z', '2025-03-17T16:00:00.000Z'],
    ['eve of National Day → first working day after the holiday', '2025-09-30T02:00:00Z', '2025-10-09T16:00:00.000Z'],
    ['a make-up working Sunday counts (2025-09-28)', '2025-09-26T02:00:00Z', '2025-09-28T16:00:00.000Z'],
  ])('%s', (_label, opened, due) => {
    expect(dueBy('440800', new Date(opened))).toEqual({ dueBy: new Date(due), provisional: false });
  });

  it('is provisional in a year without holiday data', () => {
    expect(dueBy('440800', new Date('2031-03-11T02:00:00Z')).provisional).toBe(true);
  });

  it("follows the region pack's own setting", () => {
    const zhanjiang = pack('zhanjiang-2021');
    expect(zhanjiang.handoff).toEqual({ slaWorkingDays: 1, basis: 'local_setting' });
    const slower: RegionPack = { ...zhanjiang, handoff: { slaWorkingDays: 3, basis: 'local_setting' } };
    const packs = PACKS.map((p) => (p.code === zhanjiang.code ? slower : p));
    expect(createCaseDueBy(packs, calendar)('440800', new Date('2025-03-11T02:00:00Z')).dueBy).toEqual(new Date('2025-03-14T16:00:00.000Z'));
    expect(createCaseDueBy(packs, calendar)('330302', new Date('2025-03-11T02:00:00Z')).dueBy).toEqual(new Date('2025-03-12T16:00:00.000Z'));
  });

  it('rejects a pack whose SLA is not a local setting of 0–30 working days', () => {
    const raw = JSON.parse(JSON.stringify(pack('zhanjiang-2021')));
    expect(regionPackSchema.safeParse({ ...raw, handoff: { slaWorkingDays: -1, basis: 'local_setting' } }).success).toBe(false);
    expect(regionPackSchema.safeParse({ ...raw, handoff: { slaWorkingDays: 2, basis: 'seed' } }).success).toBe(false);
    expect(regionPackSchema.safeParse({ ...raw, handoff: { slaWorkingDays: 0, basis: 'local_setting' } }).success).toBe(true);
  });
});
