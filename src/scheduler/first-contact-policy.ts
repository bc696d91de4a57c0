// The first-contact deadline of a registration, as the domain computes it (R1.3.1) for the region pack
// in force on the registration day, with the pack's clause. Shared by the chat reply and the scheduler tick.
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import { firstContactDeadline } from '../domain/follow-up/plan-follow-ups.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { FirstContactPolicy } from '../conversation/registration-intake.ts';

export function createFirstContactPolicy(packs: readonly RegionPack[], calendar: WorkCalendar, regionCode: string): FirstContactPolicy {
  return {
    firstContactBy(registeredAt) {
      const registeredOn = serviceDateOf(registeredAt);
      const due = firstContactDeadline(registeredOn, 'unemployed', selectRegionPack(packs, regionCode, registeredOn), calendar);
      return { date: due.date, provisional: due.provisional, source: due.source };
    },
  };
}
