// `jiuyebang calendar import <notice.txt> [--dry-run] [--json] [--replace] [--overrides <file>]`: reads the State
// Council's yearly holiday notice as published and writes its days into the override table, or refuses it.
import { readFileSync } from 'node:fs';
import { parseHolidayNotice, type NoticeError, type ParsedHolidayNotice } from '../../domain/calendar/parse-holiday-notice.ts';
import type { CalendarYearOverride } from '../../domain/calendar/calendar-overrides.ts';
import { saveCalendarYear } from '../../config/save-calendar-year.ts';
import { bilingual, calendarText, inBothLanguages, type CalendarCliContext, type CalendarIo } from './calendar-cli-io.ts';

export interface ImportOptions { file: string; dryRun: boolean; json: boolean; replace: boolean }

function errorLines(locale: 'zh-CN' | 'en', errors: readonly NoticeError[]): string[] {
  return [
    calendarText(locale, ['refused', { count: errors.length }]),
    ...errors.map((e) => calendarText(locale, ['lineError', { line: e.line, reason: calendarText(locale, [`errors.${e.code}`, e.params]) }])),
  ];
}

/** The override entry for a parsed notice: its title, document number and date of issue are the source. */
function entryOf(notice: ParsedHolidayNotice & { title: string; issuedOn: string }): CalendarYearOverride {
  const cited = [notice.documentNumber, notice.issuedOn].filter((part) => part !== null).join('，');
  return { source: `${notice.title}（${cited}）`, sourceDate: notice.issuedOn, holidays: notice.holidays, workdays: notice.workdays };
}

/** Runs the import; exit 0 when written (or already there, or a clean dry run), 1 when refused. */
export function runCalendarImport(options: ImportOptions, io: CalendarIo, context: CalendarCliContext): number {
  let text: string;
  try {
    text = readFileSync(options.file, 'utf8');
  } catch {
    io.err(bilingual([['cannotRead', { file: options.file }]]));
    return 1;
  }
  const notice = parseHolidayNotice(text);
  const { year, title, issuedOn } = notice;
  if (notice.errors.length > 0 || year === null || title === null || issuedOn === null) {
    io.err(inBothLanguages((locale) => errorLines(locale, notice.errors)));
    return 1;
  }
  const days = { year, holidays: notice.holidays, workdays: notice.workdays };
  if (options.dryRun) {
    io.out(options.json ? `${JSON.stringify(days)}\n` : `${JSON.stringify(days, null, 2)}\n`);
    return 0;
  }
  const entry = entryOf({ ...notice, title, issuedOn });
  let saved: ReturnType<typeof saveCalendarYear>;
  try {
    saved = saveCalendarYear(context.overridesFile, year, entry, { replace: options.replace });
  } catch (error) {
    io.err(bilingual([['invalidTable', { detail: error instanceof Error ? error.message : String(error) }]]));
    return 1;
  }
  if (saved.outcome === 'exists') {
    io.err(bilingual([['exists', { year, source: saved.existing.source }]]));
    return 1;
  }
  const message = saved.outcome === 'unchanged'
    ? bilingual([['unchanged', { year }]])
    : bilingual([['written', { file: context.overridesFile, year, holidays: entry.holidays.length, workdays: entry.workdays.length, source: entry.source }]]);
  io.out(options.json ? `${JSON.stringify({ ...days, outcome: saved.outcome })}\n` : message);
  return 0;
}
