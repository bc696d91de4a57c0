// Dispatcher for `jiuyebang calendar import <notice.txt> ... | calendar status ...`. Bad arguments print the
// usage (Chinese first) and exit 2; a bad override table exits 1 naming the file.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bilingual, type CalendarCliContext, type CalendarIo } from './calendar-cli-io.ts';
import { runCalendarImport } from './import-command.ts';
import { runCalendarStatus } from './status-command.ts';

export type { CalendarCliContext, CalendarIo } from './calendar-cli-io.ts';

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  replace: { type: 'boolean' },
  overrides: { type: 'string' },
} as const;

/** Runs `calendar ...argv`; returns the exit code. */
export async function runCalendarCommand(argv: string[], io: CalendarIo, context: CalendarCliContext): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch {
    parsed = { values: {}, positionals: [] };
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  const withFile = values.overrides === undefined ? context : { ...context, overridesFile: resolve(values.overrides) };
  try {
    if (command === 'import' && files.length === 1 && files[0] !== undefined) {
      return runCalendarImport({ file: files[0], dryRun: values['dry-run'] === true, json: values.json === true, replace: values.replace === true }, io, withFile);
    }
    if (command === 'status' && files.length === 0 && values['dry-run'] === undefined && values.replace === undefined) {
      return runCalendarStatus({ json: values.json === true }, io, withFile);
    }
  } catch (error) {
    io.err(bilingual([['badTable', { detail: error instanceof Error ? error.message : String(error) }]]));
    return 1;
  }
  io.err(bilingual([['usage']]));
  return 2;
}
