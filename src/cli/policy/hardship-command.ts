// `jiuyebang policy hardship --region <pack> --as-of YYYY-MM-DD --profile <file.json>`: each hardship category
// of the region as met / not_met / unknown with its clause, and whether public notice is waived (R1.8).
import { readFileSync } from 'node:fs';
import { describeIssue } from '../../config/load-region-packs.ts';
import { isValidPlainDate } from '../../domain/dates/plain-date.ts';
import { assessHardship } from '../../domain/hardship/assess-hardship.ts';
import { hardshipProfileSchema, type HardshipProfile } from '../../domain/hardship/hardship-profile.ts';
import { citation, parseFlags, printJson, regionPackFlag, requireFlag, UsageError, type PolicySubcommand } from './policy-subcommand.ts';

const usage = 'policy hardship --region <pack> --as-of YYYY-MM-DD --profile <file.json>';

function readProfile(file: string): HardshipProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--profile ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = hardshipProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(`--profile ${file}: ${first === undefined ? 'invalid profile' : describeIssue(first)}`);
  }
  return parsed.data;
}

/** Prints {region, categories: [{code, status, source}], publicNoticeExempt}. */
export const hardshipCommand: PolicySubcommand = {
  usage,
  async run(args, io) {
    const flags = parseFlags(args, { region: { type: 'string' }, 'as-of': { type: 'string' }, profile: { type: 'string' } });
    const region = requireFlag(flags, 'region', usage);
    const asOf = requireFlag(flags, 'as-of', usage);
    if (!isValidPlainDate(asOf)) throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
    const profile = readProfile(requireFlag(flags, 'profile', usage));
    const pack = regionPackFlag(region);
    const result = assessHardship(pack, profile, asOf);
    printJson(io, {
      region: result.region,
      categories: result.categories.map(({ code, status, source }) => ({ code, status, source: citation(source) })),
      publicNoticeExempt: result.publicNoticeExempt,
    });
    return 0;
  },
};
