// `jiuyebang calendar status [--json] [--overrides <file>]`: which years have holiday data and from where,
// how far they reach, and whether that is enough for the deadlines of the next 90 days.
import { loadCalendarOverrides, loadChineseDaysHolidayData } from '../../config/load-calendar-overrides.ts';
import { loadRegionPacks } from '../../config/load-region-packs.ts';
import { serviceDateOf } from '../../config/service-time-zone.ts';
import { assessCalendarCoverage, describeCoverage, type YearCoverage } from '../../domain/calendar/calendar-coverage.ts';
import { createWorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { selectRegionPack } from '../../domain/regions/select-region-pack.ts';
import { bilingual, type CalendarCliContext, type CalendarIo, type CalendarMessage } from './calendar-cli-io.ts';

/** Consecutive library years as one line ("2004–2025"); every override year on its own line. */
function yearLines(years: readonly YearCoverage[]): CalendarMessage[] {
  const lines: CalendarMessage[] = [];
  let run: YearCoverage[] = [];
  const flush = () => {
    const [first] = run;
    const last = run.at(-1);
    if (first && last) lines.push(['statusLibrary', { years: first === last ? `${first.year}` : `${first.year}–${last.year}`, source: first.source }]);
    run = [];
  };
  for (const y of years) {
    const previous = run.at(-1);
    if (y.origin === 'library' && (previous === undefined || previous.year === y.year - 1)) {
      run.push(y);
      continue;
    }
    flush();
    if (y.origin === 'library') run.push(y);
    else lines.push([y.alsoInLibrary ? 'statusOverrideReplacesLibrary' : 'statusOverride', { year: y.year, source: y.source }]);
  }
  flush();
  return lines;
}

/** Prints the coverage; exit 0 (also when data are missing: the message says what to do). */
export function runCalendarStatus(options: { json: boolean }, io: CalendarIo, context: CalendarCliContext): number {
  const overrides = loadCalendarOverrides(context.overridesFile);
  const library = loadChineseDaysHolidayData();
  const calendar = createWorkCalendar(overrides, library);
  const today = serviceDateOf(context.now());
  const pack = selectRegionPack(loadRegionPacks(), context.region, today);
  const coverage = assessCalendarCoverage({ today, isCovered: calendar.isCovered, pack });
  const years = describeCoverage(overrides, library);
  if (options.json) {
    io.out(`${JSON.stringify({ today, ...coverage, years: years.map(({ year, origin, source, sourceDate }) => ({ year, origin, source, sourceDate })) })}\n`);
    return 0;
  }
  io.out(bilingual([
    ...yearLines(years),
    ['coveredThrough', { date: coverage.coveredThrough }],
    coverage.ok ? ['coverageOk', { needed: coverage.neededThrough }] : ['coverageMissing', { years: coverage.missingYears.join('、') }],
  ]));
  return 0;
}
