// 我的进度: the person's registration status in plain words, the next planned contact, this year's service
// quota (R1.5) where the region has one, the monthly follow-up choice (R1.4.2) and open requests.
import type { DialogAction } from './action-types.ts';
import { AFTER_CHOICES, NOT_REGISTERED_CHOICES, OPEN_REGISTRATION_STATUSES, personOf } from './person-of.ts';
import type { DialogEnv } from '../dialog-types.ts';
import type { ContactLedger, PeopleDirectory, PersonStatus, StatusDirectory } from '../ports.ts';
import { reply, type Reply } from '../reply.ts';
import { serviceDateOf } from '../../config/service-time-zone.ts';
import { QUOTA_KINDS, quotaProgress, type QuotaContact, type QuotaKind } from '../../domain/quota/quota-progress.ts';

const KNOWN_STATUSES = ['pending_review', 'registered', 'rejected', 'withdrawn'] as const;
const CASE_KINDS = ['handoff', 'hardship_recognition', 'deregistration_fact', 'identity_link', 'consent_withdrawn'] as const;

export interface StatusPorts {
  people: PeopleDirectory;
  status: StatusDirectory;
  ledger: ContactLedger;
}

export function showStatus(ports: StatusPorts): DialogAction {
  return async (ctx) => {
    const env = ctx.env;
    if (!env) throw new Error('status.show needs the dialog env');
    const jobSeekerId = await personOf(ctx, ports.people);
    const status = jobSeekerId ? await ports.status.statusOf(jobSeekerId) : null;
    const registration = status?.registration;
    if (!jobSeekerId || !status || !registration) return { replies: [reply('status.notRegistered', undefined, NOT_REGISTERED_CHOICES)] };
    const current = OPEN_REGISTRATION_STATUSES.includes(registration.status);
    const replies: Reply[] = [
      reply('status.registration', { status: env.label(`status.statuses.${statusKey(registration.status)}`), date: serviceDateOf(registration.registeredAt) }),
    ];
    if (current) {
      replies.push(nextContactReply(status));
      replies.push(await quotaReply(ports.ledger, jobSeekerId, serviceDateOf(registration.registeredAt), env));
      if (registration.followUpPreference === 'refused') replies.push(reply('status.monthlyOff'));
    }
    replies.push(casesReply(status, env));
    const choices = current && registration.followUpPreference === 'refused' ? [{ value: 'answer:followUp:resume_monthly', label: 'followUp.choices.resume_monthly' }, ...AFTER_CHOICES] : AFTER_CHOICES;
    replies.push(reply('menu.after', undefined, choices));
    return { replies, jobSeekerId };
  };
}

function statusKey(status: string): string {
  return KNOWN_STATUSES.find((s) => s === status) ?? 'other';
}

function nextContactReply(status: PersonStatus): Reply {
  const next = status.nextContact;
  if (!next) return reply('status.noContactPlanned');
  return reply(next.provisional ? 'status.nextContactProvisional' : 'status.nextContact', { date: next.dueOn });
}

/** R1.5.1 (Z §四(三)): services delivered this quota year against the region's minimums. */
async function quotaReply(ledger: ContactLedger, jobSeekerId: string, registeredOn: string, env: DialogEnv): Promise<Reply> {
  const rows = await ledger.listForJobSeeker(jobSeekerId);
  const contacts: QuotaContact[] = rows.flatMap((r) => r.serviceKinds.filter(isQuotaKind).map((kind) => ({ date: serviceDateOf(r.at), kind })));
  const progress = quotaProgress(env.policy.pack, registeredOn, contacts, env.today);
  if (!progress.applicable) return reply(progress.reason === 'NO_QUOTA_IN_REGION' ? 'status.noQuota' : 'status.quotaNotStarted');
  // In words, one kind per line ("政策对接：已 1 次，全年至少 2 次"): "1/2" reads as a date or a fraction.
  const items = progress.items
    .map((i) => env.label('status.quotaItem', { kind: env.label(`status.quotaKinds.${i.kind}`), delivered: i.delivered, required: i.required }))
    .join('\n');
  return reply(progress.allMet ? 'status.quotaMet' : 'status.quota', { from: progress.yearStart, to: progress.yearEnd, items, source: progress.source });
}

function isQuotaKind(value: string): value is QuotaKind {
  return QUOTA_KINDS.some((k) => k === value);
}

function casesReply(status: PersonStatus, env: DialogEnv): Reply {
  if (status.openCases.length === 0) return reply('status.noOpenCases');
  const kinds = [...new Set(status.openCases.map((c) => CASE_KINDS.find((k) => k === c.kind) ?? 'other'))];
  return reply('status.openCases', { list: kinds.map((k) => env.label(`status.caseKinds.${k}`)).join(env.label('status.listSeparator')) });
}
