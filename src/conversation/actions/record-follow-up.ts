// 报告近况: records the person's answer to the monthly follow-up in the ledger (R1.4.4, R1.4.7). A job,
// self-employment, school or military service becomes a fact for a caseworker with the grounds the region
// pack names (R1.9); the registration itself never changes here, but outreach pauses its offers until a
// caseworker decides (EXIT_REPORT_PAUSES_OFFERS), and "still looking" afterwards lifts the pause. Stopping the
// monthly messages (R1.4.2) sets the preference and says what cadence follows.
import type { DialogAction } from './action-types.ts';
import { AFTER_CHOICES, NOT_REGISTERED_CHOICES, OPEN_REGISTRATION_STATUSES, personOf } from './person-of.ts';
import { DEREGISTRATION_FACTS_OF, isFollowUpAnswer, type FollowUpSituation } from '../answers/follow-up-answers.ts';
import type { DialogEnv } from '../dialog-types.ts';
import type { AuditLog, CaseFiler, ContactLedger, PeopleDirectory, StatusDirectory } from '../ports.ts';
import { reply, type Reply } from '../reply.ts';
import { serviceDateOf } from '../../config/service-time-zone.ts';
import { assessDeregistrationGrounds } from '../../domain/deregistration/assess-deregistration-grounds.ts';
import { compareDates } from '../../domain/dates/plain-date.ts';
import { planFollowUps } from '../../domain/follow-up/plan-follow-ups.ts';

export interface FollowUpPorts {
  people: PeopleDirectory;
  status: StatusDirectory;
  ledger: ContactLedger;
  cases: CaseFiler;
  audit: AuditLog;
}

const RESUME_CHOICES = [{ value: 'answer:followUp:resume_monthly', label: 'followUp.choices.resume_monthly' }, ...AFTER_CHOICES] as const;

export function recordFollowUp(ports: FollowUpPorts): DialogAction {
  return async (ctx) => {
    const env = ctx.env;
    if (!env) throw new Error('followUp.record needs the dialog env');
    const answer = ctx.slots.situation;
    if (!isFollowUpAnswer(answer)) return { replies: [reply('followUp.incomplete')] };
    const jobSeekerId = await personOf(ctx, ports.people);
    const registration = jobSeekerId ? (await ports.status.statusOf(jobSeekerId)).registration : null;
    if (!jobSeekerId || !registration || !OPEN_REGISTRATION_STATUSES.includes(registration.status)) {
      return { replies: [reply('followUp.notRegistered', undefined, NOT_REGISTERED_CHOICES)] };
    }
    if (answer === 'stop_monthly') {
      await ports.status.setFollowUpPreference(registration.id, 'refused', 'job_seeker');
      return { jobSeekerId, replies: [stoppedReply(env, serviceDateOf(registration.registeredAt)), reply('followUp.canResume', undefined, RESUME_CHOICES)] };
    }
    if (answer === 'resume_monthly') {
      await ports.status.setFollowUpPreference(registration.id, 'monthly', 'job_seeker');
      return { jobSeekerId, replies: [reply('followUp.resumed'), reply('menu.after', undefined, AFTER_CHOICES)] };
    }
    const contact = await ports.ledger.record({
      jobSeekerId, registrationId: registration.id, kind: 'follow_up_reply', channel: ctx.turn.channel, outcome: answer, actor: 'job_seeker', at: ctx.turn.at,
    });
    await ports.audit.record({ actor: 'job_seeker', action: 'followUp.replied', subjectType: 'contact_record', subjectId: contact.id, details: { outcome: answer, conversationKey: ctx.conversationKey } });
    const fact = await fileFact(ports, env, answer, { jobSeekerId, registrationId: registration.id, contactId: contact.id, conversationKey: ctx.conversationKey });
    // The job fell through (or never was): offers resume now; the caseworker still sees the report to decide on.
    if (fact || answer === 'looking') await ports.status.setExitReported(registration.id, fact ? ctx.turn.at : null, 'job_seeker');
    const replies: Reply[] = [reply(`followUp.thanks.${answer}`)];
    if (fact) replies.push(reply('followUp.caseworkerWillConfirm'));
    replies.push(reply('menu.after', undefined, AFTER_CHOICES));
    return { jobSeekerId, replies };
  };
}

/**
 * R1.9 bot rule: the bot never deregisters. A self-report of a job, self-employment, school or military
 * service is filed as a fact, with the grounds the region pack says it points to, for a caseworker to confirm.
 * @productDecision BOT_NEVER_DEREGISTERS
 */
async function fileFact(
  ports: FollowUpPorts,
  env: DialogEnv,
  situation: FollowUpSituation,
  ids: { jobSeekerId: string; registrationId: string; contactId: string; conversationKey: string },
): Promise<boolean> {
  const facts = DEREGISTRATION_FACTS_OF[situation];
  if (!facts) return false;
  const assessment = assessDeregistrationGrounds(env.policy.pack, facts);
  await ports.cases.fileCase({
    conversationKey: ids.conversationKey,
    jobSeekerId: ids.jobSeekerId,
    kind: 'deregistration_fact',
    reason: situation,
    details: {
      facts,
      registrationId: ids.registrationId,
      contactRecordId: ids.contactId,
      region: assessment.region,
      outcome: assessment.outcome,
      grounds: assessment.grounds.map((g) => ({ code: g.code, source: g.source, requiresCaseworkerConfirmation: g.requiresCaseworkerConfirmation, notifyPerson: g.notifyPerson })),
      reportedOn: env.today,
    },
  });
  return true;
}

/** R1.4.2 (W 二(二)): every N months from registration where the pack allows it; else still monthly. */
function stoppedReply(env: DialogEnv, registeredOn: string): Reply {
  const f = env.policy.pack.followUp;
  if (!f.refusal) return reply('followUp.stopped.stillMonthly', { source: f.refusalFallbackSource });
  const plan = planFollowUps({ registeredOn, group: 'unemployed', refusedMonthly: true }, env.policy.pack, env.policy.calendar);
  const next = plan.followUps.find((d) => compareDates(d.date, env.today) >= 0);
  return reply('followUp.stopped.everyN', { months: f.refusal.everyMonths, next: next?.date ?? '—', source: f.refusal.source });
}
