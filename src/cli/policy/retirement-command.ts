// `jiuyebang policy retirement --birth YYYY-MM --category MALE|FEMALE_55|FEMALE_50`: new statutory age (SPEC §2).
import { z } from 'zod';
import { isValidYearMonth } from '../../domain/dates/plain-date.ts';
import { statutoryRetirement } from '../../domain/retirement/statutory-retirement.ts';
import { citation, parseFlags, printJson, requireFlag, UsageError, type PolicySubcommand } from './policy-subcommand.ts';

const usage = 'policy retirement --birth YYYY-MM --category MALE|FEMALE_55|FEMALE_50';
const CategorySchema = z.enum(['MALE', 'FEMALE_55', 'FEMALE_50']);

/** Prints {ageMonths, retirementMonth, delayMonths, source}. */
export const retirementCommand: PolicySubcommand = {
  usage,
  async run(args, io) {
    const flags = parseFlags(args, { birth: { type: 'string' }, category: { type: 'string' } });
    const birth = requireFlag(flags, 'birth', usage);
    if (!isValidYearMonth(birth)) throw new UsageError(`--birth must be YYYY-MM, got ${JSON.stringify(birth)}`);
    const category = CategorySchema.safeParse(requireFlag(flags, 'category', usage));
    if (!category.success) throw new UsageError(`--category must be MALE, FEMALE_55 or FEMALE_50 (usage: ${usage})`);
    const r = statutoryRetirement(birth, category.data);
    printJson(io, { ageMonths: r.ageMonths, retirementMonth: r.retirementMonth, delayMonths: r.delayMonths, source: citation(r.source) });
    return 0;
  },
};
