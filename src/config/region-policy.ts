// The policy a region's dialogs read on a given day: its region pack in force that day and the working-day
// calendar. Loaded here, at the composition root, never by the engine.
import type { PolicyContext } from '../conversation/dialog-types.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import { loadRegionPacks } from './load-region-packs.ts';
import { loadWorkCalendar } from './load-calendar-overrides.ts';

/** `packs` and `calendar` default to the bundled packs (policy/regions) and calendar (with its overrides file). */
export function regionPolicy(regionCode: string, packs: readonly RegionPack[] = loadRegionPacks(), calendar: WorkCalendar = loadWorkCalendar()): (today: string) => PolicyContext {
  return (today) => ({ pack: selectRegionPack(packs, regionCode, today), calendar });
}
