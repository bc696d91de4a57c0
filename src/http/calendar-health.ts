// The calendar part of the service's health: does the holiday data reach past every deadline the service may
// compute in the next 90 days (assessCalendarCoverage, with the region pack in force on that day)?
import { serviceDateOf } from '../config/service-time-zone.ts';
import { assessCalendarCoverage, type CalendarCoverage } from '../domain/calendar/calendar-coverage.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import type { Logger } from '../logging/logger.ts';

export interface CalendarHealth {
  check(now: Date): CalendarCoverage;
  /** Logs one warn line (start-up) when the data fall short; returns the coverage. */
  warnIfShort(now: Date): CalendarCoverage;
}

export function createCalendarHealth(packs: readonly RegionPack[], calendar: WorkCalendar, regionCode: string, logger: Logger): CalendarHealth {
  const check = (now: Date): CalendarCoverage => {
    const today = serviceDateOf(now);
    return assessCalendarCoverage({ today, isCovered: calendar.isCovered, pack: selectRegionPack(packs, regionCode, today) });
  };
  return {
    check,
    warnIfShort(now) {
      const coverage = check(now);
      if (!coverage.ok) {
        logger.warn(
          { coveredThrough: coverage.coveredThrough, neededThrough: coverage.neededThrough, missingYears: coverage.missingYears },
          `holiday data missing for ${coverage.missingYears.join(', ')}: deadlines there are provisional; import the State Council notice with \`jiuyebang calendar import\``,
        );
      }
      return coverage;
    },
  };
}
