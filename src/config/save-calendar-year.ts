// Writes one year into the bureau's override table (policy/calendar-overrides.json or CALENDAR_OVERRIDES_FILE):
// the whole table is validated first and replaced atomically, so a crash never leaves half a file.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CalendarOverridesSchema, type CalendarOverrides, type CalendarYearOverride } from '../domain/calendar/calendar-overrides.ts';
import { loadCalendarOverrides } from './load-calendar-overrides.ts';

/** What saving did: `unchanged` when the table already held exactly this entry (a repeated import). */
export type SaveCalendarYearResult =
  | { outcome: 'written' | 'replaced' | 'unchanged' }
  | { outcome: 'exists'; existing: CalendarYearOverride };

function sameEntry(a: CalendarYearOverride, b: CalendarYearOverride): boolean {
  return JSON.stringify([a.source, a.sourceDate, a.holidays, a.workdays]) === JSON.stringify([b.source, b.sourceDate, b.holidays, b.workdays]);
}

/**
 * Puts `entry` under `year` in the table at `path`. A different entry already there is kept unless
 * `replace` is set. Throws (naming the file and field) if the table or the result is invalid.
 */
export function saveCalendarYear(path: string, year: number, entry: CalendarYearOverride, options: { replace: boolean }): SaveCalendarYearResult {
  const table = loadCalendarOverrides(path);
  const key = String(year);
  const existing = table.years[key];
  if (existing !== undefined && sameEntry(existing, entry)) return { outcome: 'unchanged' };
  if (existing !== undefined && !options.replace) return { outcome: 'exists', existing };
  const years = Object.fromEntries(Object.entries({ ...table.years, [key]: entry }).sort(([a], [b]) => a.localeCompare(b)));
  const next: CalendarOverrides = CalendarOverridesSchema.parse({ ...table, years });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(temporary, path);
  return { outcome: existing === undefined ? 'written' : 'replaced' };
}
