// `jiuyebang policy plan --region <pack> --registered YYYY-MM-DD --group unemployed|hardship|graduate
// [--refused-monthly]`: first-contact deadline and the next 12 follow-up due dates (R1.3, R1.4).
import { loadWorkCalendar } from '../../config/load-calendar-overrides.ts';
import { isValidPlainDate } from '../../domain/dates/plain-date.ts';
import { FOLLOW_UP_GROUPS, planFollowUps, type DueDate, type FollowUpGroup } from '../../domain/follow-up/plan-follow-ups.ts';
import { citation, parseFlags, printJson, regionPackFlag, requireFlag, UsageError, type PolicySubcommand } from './policy-subcommand.ts';

const usage = 'policy plan --region <pack> --registered YYYY-MM-DD --group unemployed|hardship|graduate [--refused-monthly]';

function isGroup(s: string): s is FollowUpGroup {
  return FOLLOW_UP_GROUPS.some((g) => g === s);
}

const view = ({ date, provisional, kind, source }: DueDate) => ({ date, provisional, kind, source: citation(source) });

/** Prints {region, firstContact: {date, provisional, kind, source}, followUps: [...12], refusedFlag}. */
export const planCommand: PolicySubcommand = {
  usage,
  async run(args, io) {
    const flags = parseFlags(args, {
      region: { type: 'string' },
      registered: { type: 'string' },
      group: { type: 'string' },
      'refused-monthly': { type: 'boolean' },
    });
    const region = requireFlag(flags, 'region', usage);
    const registeredOn = requireFlag(flags, 'registered', usage);
    if (!isValidPlainDate(registeredOn)) throw new UsageError(`--registered must be a real date YYYY-MM-DD, got ${JSON.stringify(registeredOn)}`);
    const group = requireFlag(flags, 'group', usage);
    if (!isGroup(group)) throw new UsageError(`--group must be one of ${FOLLOW_UP_GROUPS.join(', ')}, got ${JSON.stringify(group)}`);
    const pack = regionPackFlag(region);
    const plan = planFollowUps({ registeredOn, group, refusedMonthly: args.includes('--refused-monthly') }, pack, loadWorkCalendar());
    printJson(io, {
      region: plan.region,
      firstContact: view(plan.firstContact),
      followUps: plan.followUps.map(view),
      refusedFlag: plan.refusedFlag,
    });
    return 0;
  },
};
