// Reads the working-day data at the edge (files, not domain): chinese-days' shipped JSON and the bureau's
// policy/calendar-overrides.json, validates both with zod and builds the domain WorkCalendar.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CalendarOverridesSchema, type CalendarOverrides } from '../domain/calendar/calendar-overrides.ts';
import { holidayDataFromChineseDays, type HolidayData } from '../domain/calendar/holiday-data.ts';
import { createWorkCalendar, type SourcedWorkCalendar } from '../domain/calendar/work-calendar.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Default location of the override table, relative to the project root. */
export const DEFAULT_CALENDAR_OVERRIDES_PATH = resolve(PROJECT_ROOT, 'policy', 'calendar-overrides.json');

/** A CALENDAR_OVERRIDES_FILE or --overrides value as a path: relative paths start at the installation directory. */
export function resolveCalendarOverridesPath(path: string | undefined): string {
  if (path === undefined) return DEFAULT_CALENDAR_OVERRIDES_PATH;
  return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new Error(`${path} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Reads and validates an override table; the error names the file and each bad field. */
export function loadCalendarOverrides(path: string = DEFAULT_CALENDAR_OVERRIDES_PATH): CalendarOverrides {
  const parsed = CalendarOverridesSchema.safeParse(readJson(path));
  if (!parsed.success) throw new Error(`invalid calendar overrides in ${path}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Reads chinese-days' dist/chinese-days.json (data only; its date functions are time-zone dependent). */
export function loadChineseDaysHolidayData(): HolidayData {
  const require = createRequire(import.meta.url);
  const jsonPath = require.resolve('chinese-days/dist/chinese-days.json');
  const packageJson = z.object({ version: z.string() }).parse(readJson(require.resolve('chinese-days/package.json')));
  try {
    return holidayDataFromChineseDays(readJson(jsonPath), `chinese-days ${packageJson.version} (国务院办公厅部分节假日安排的通知)`);
  } catch (cause) {
    if (cause instanceof z.ZodError) throw new Error(`unexpected holiday data in ${jsonPath}: ${describeIssues(cause)}`, { cause });
    throw cause;
  }
}

/**
 * The working-day calendar: library data, overridden year by year by the bureau's table
 * (default policy/calendar-overrides.json). Throws an Error naming the file and field if a file is bad.
 */
export function loadWorkCalendar(overridesPath: string = DEFAULT_CALENDAR_OVERRIDES_PATH): SourcedWorkCalendar {
  return createWorkCalendar(loadCalendarOverrides(overridesPath), loadChineseDaysHolidayData());
}
