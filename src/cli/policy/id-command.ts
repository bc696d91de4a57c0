// `jiuyebang policy id --number <n> [--today YYYY-MM-DD]`: validates a resident ID number (GB 11643-1999).
import { isValidPlainDate } from '../../domain/dates/plain-date.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { parseFlags, printJson, requireFlag, UsageError, type PolicySubcommand } from './policy-subcommand.ts';
import { serviceDateOf } from '../../config/service-time-zone.ts';

const usage = 'policy id --number <id number> [--today YYYY-MM-DD]';

/** Prints {valid, normalized, birthDate, sex, region} or {valid: false, reason}. */
export const idCommand: PolicySubcommand = {
  usage,
  async run(args, io) {
    const flags = parseFlags(args, { number: { type: 'string' }, today: { type: 'string' } });
    const number = requireFlag(flags, 'number', usage);
    const today = flags.today ?? serviceDateOf(new Date());
    if (!isValidPlainDate(today)) throw new UsageError(`--today must be a real date YYYY-MM-DD, got ${JSON.stringify(today)}`);
    const r = parseIdNumber(number, today);
    printJson(io, r.valid
      ? { valid: true, normalized: r.normalized, birthDate: r.birthDate, sex: r.sex, region: r.region }
      : { valid: false, reason: r.reason });
    return 0;
  },
};
