// Finishes the registration dialog: stores the person and a `pending_review` registration (失业登记, or 求职登记
// for those who do not qualify), then says what happens next. A caseworker confirms; the bot decides nothing final.
// What is stored follows from the dialog's steps (each declares the stored field it fills): see form-record.ts.
// The person's channel may add a reply before the menu (RegistrationFollowOn: the Official Account's 订阅通知 link).
import type { DialogAction } from './action-types.ts';
import type { DialogEnv, DialogStep, Slots } from '../dialog-types.ts';
import { reply, type Reply } from '../reply.ts';
import { formRecordOf } from '../form/form-record.ts';
import { CreditPromiseSchema, RegistrationSubmissionSchema, type FirstContactPolicy, type RegistrationFollowOn, type RegistrationIntake, type RegistrationSubmission } from '../registration-intake.ts';

/** Maps the dialog's slots onto the stored shape through its steps; null when something the form needs is missing. */
export function submissionOf(steps: readonly DialogStep[], slots: Slots, env: DialogEnv): RegistrationSubmission | null {
  const record = formRecordOf(steps, slots, env);
  if (!record) return null;
  const submission = RegistrationSubmissionSchema.safeParse(record);
  return submission.success ? submission.data : null;
}

export function submitRegistration(intake: RegistrationIntake, policy: FirstContactPolicy, followOn?: RegistrationFollowOn): DialogAction {
  return async (ctx) => {
    const submission = ctx.env && ctx.steps ? submissionOf(ctx.steps, ctx.slots, ctx.env) : null;
    if (!submission) return { replies: [reply('registration.incomplete')] };
    const result = await intake.submit({
      submission,
      locale: ctx.locale,
      conversationKey: ctx.conversationKey,
      channel: ctx.turn.channel,
      userKey: ctx.turn.userKey,
      reference: ctx.turn.reference,
      at: ctx.turn.at,
      linkedJobSeekerId: ctx.jobSeekerId,
    });
    if ('unverified' in result) return { replies: [reply('identity.registeredElsewhere'), reply('menu.after', undefined, MENU_AFTER)] };
    const more = (await followOn?.repliesFor({ channel: ctx.turn.channel, userKey: ctx.turn.userKey })) ?? [];
    return { jobSeekerId: result.jobSeekerId, replies: [...whatNext(submission, result, policy), ...more, reply('menu.after', undefined, MENU_AFTER)] };
  };
}

function whatNext(submission: RegistrationSubmission, result: { registeredAt: Date; duplicate: boolean }, policy: FirstContactPolicy): Reply[] {
  if (result.duplicate) {
    const first = policy.firstContactBy(result.registeredAt);
    return [reply('registration.alreadyRegistered', { date: first.date, source: first.source })];
  }
  if (submission.kind === 'job_seeker') return [reply('jobSeeker.submitted')];
  const first = policy.firstContactBy(result.registeredAt);
  const promised = CreditPromiseSchema.safeParse(submission.details?.creditPromise);
  const promise = promised.success ? promised.data : null;
  return [
    reply('registration.submitted', { date: first.date, source: first.source }),
    ...(promise ? [reply('registration.creditPromise.due', { date: promise.dueBy, source: promise.source })] : []),
    reply(first.provisional || promise?.provisional ? 'registration.provisionalDate' : 'registration.firmDate'),
  ];
}

const MENU_AFTER = [
  { value: 'menu', label: 'menu.buttons.menu' },
  { value: 'human', label: 'menu.buttons.human' },
] as const;
