// `jiuyebang policy deadline --start YYYY-MM-DD --working-days <n> [--overrides <file>]`: Nth working day after
// the start (start day not counted, R1.3.3), provisional when a year without holiday data is involved.
import { loadWorkCalendar } from '../../config/load-calendar-overrides.ts';
import { isValidPlainDate } from '../../domain/dates/plain-date.ts';
import { parseFlags, printJson, requireFlag, UsageError, type PolicySubcommand } from './policy-subcommand.ts';

const usage = 'policy deadline --start YYYY-MM-DD --working-days <n> [--overrides calendar-overrides.json]';
/** Ten years of working days; anything longer is a typo, not a deadline. */
const MAX_WORKING_DAYS = 2500;

/** Prints {date, provisional}. */
export const deadlineCommand: PolicySubcommand = {
  usage,
  async run(args, io) {
    const flags = parseFlags(args, { start: { type: 'string' }, 'working-days': { type: 'string' }, overrides: { type: 'string' } });
    const start = requireFlag(flags, 'start', usage);
    if (!isValidPlainDate(start)) throw new UsageError(`--start must be a real date YYYY-MM-DD, got ${JSON.stringify(start)}`);
    const raw = requireFlag(flags, 'working-days', usage);
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n > MAX_WORKING_DAYS) {
      throw new UsageError(`--working-days must be a whole number from 0 to ${MAX_WORKING_DAYS}, got ${JSON.stringify(raw)}`);
    }
    const { date, provisional } = loadWorkCalendar(flags.overrides).addWorkingDays(start, n);
    printJson(io, { date, provisional });
    return 0;
  },
};
