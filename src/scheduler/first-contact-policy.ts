// The first-contact deadline of a registration: the region pack's working days (R1.3.1) on the
// working-day calendar, with the pack's clause. Shared by the chat reply and the scheduler tick.
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { FirstContactPolicy } from '../conversation/actions/submit-registration.ts';

export function createFirstContactPolicy(packs: readonly RegionPack[], calendar: WorkCalendar, regionCode: string): FirstContactPolicy {
  return {
    firstContactBy(registeredAt) {
      const registeredOn = serviceDateOf(registeredAt);
      const rule = selectRegionPack(packs, regionCode, registeredOn).followUp.firstContact;
      const deadline = calendar.addWorkingDays(registeredOn, rule.workingDays);
      return { ...deadline, source: rule.source };
    },
  };
}
