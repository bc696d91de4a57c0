// The SLA due time of a case: the region pack's `handoff.slaWorkingDays` (a local setting) counted in working
// days from the Beijing day the case was opened, due by the end of that day.
import { endOfServiceDay, serviceDateOf } from '../config/service-time-zone.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { handoffDueDate } from '../domain/handoff/handoff-due-date.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import type { CaseDueBy } from './cases-router.ts';

export function createCaseDueBy(packs: readonly RegionPack[], calendar: WorkCalendar): CaseDueBy {
  return (regionCode, openedAt) => {
    const openedOn = serviceDateOf(openedAt);
    const pack = selectRegionPack(packs, regionCode, openedOn);
    const due = handoffDueDate(openedOn, pack.handoff.slaWorkingDays, calendar);
    return { dueBy: endOfServiceDay(due.date), provisional: due.provisional };
  };
}
