// Finishes the registration dialog: stores the person and a `pending_review` registration (失业登记, or 求职登记
// for those who do not qualify), then says what happens next. A caseworker confirms; the bot decides nothing final.
import { z } from 'zod';
import type { DialogAction } from './action-types.ts';
import type { Slots } from '../dialog-types.ts';
import { reply, type Reply } from '../reply.ts';
import { JOB_LOSS_REASONS } from '../../domain/registration/job-loss-reasons.ts';
import { EDUCATION_LEVELS } from '../../domain/registration/education-levels.ts';
import { isValidPlainDate } from '../../domain/dates/plain-date.ts';

const plainDate = z.string().refine(isValidPlainDate);
const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');
export const REGISTRATION_KINDS = ['unemployment', 'job_seeker'] as const;
export const FOLLOW_UP_PREFERENCES = ['monthly', 'refused'] as const;

/** Everything on the form beyond the person's identity columns (SPEC §1.12), stored as Registration.details. */
export const RegistrationDetailsSchema = z.object({
  /** Women's retirement track from the last job type; null = never employed / flexible, a caseworker confirms. */
  retirementCategory: z.enum(['MALE', 'FEMALE_55', 'FEMALE_50']).nullable(),
  household: z.string().min(1),
  residence: z.string().min(1),
  residenceSameAsHousehold: z.boolean(),
  unemployedSince: plainDate.nullable(),
  education: z.enum(EDUCATION_LEVELS),
  skills: z.string().min(1),
  jobWanted: z.string().min(1),
  wantsTraining: z.boolean(),
  wantsBusiness: z.boolean(),
  /** Null on the job-seeker path, which does not ask. */
  papersComplete: z.boolean().nullable(),
  /** Credit promise (信用承诺, Z §五(一)) with its completion date; null when papers are complete or no promise. */
  creditPromise: z.object({ promisedOn: plainDate, dueBy: plainDate, provisional: z.boolean(), source: z.string() }).nullable(),
});
export type RegistrationDetails = z.infer<typeof RegistrationDetailsSchema>;

export const RegistrationSubmissionSchema = z.object({
  kind: z.enum(REGISTRATION_KINDS).default('unemployment'),
  name: z.string().min(1),
  idNumber: z.string().length(18),
  phone: z.string().length(11),
  birthDate: plainDate,
  sex: z.enum(['M', 'F']),
  /** The job-loss reason; job-seeker registrations do not ask it and store `other`. */
  reason: z.enum(JOB_LOSS_REASONS),
  followUpPreference: z.enum(FOLLOW_UP_PREFERENCES).default('monthly'),
  /** Absent for callers that only know the identity part (older clients, seed scripts). */
  details: RegistrationDetailsSchema.optional(),
});
export type RegistrationSubmission = z.infer<typeof RegistrationSubmissionSchema>;
/** What a caller may hand the intake: kind and follow-up preference default, details may be absent. */
export type RegistrationSubmissionInput = z.input<typeof RegistrationSubmissionSchema>;

/** The dialog's slots as the action accepts them; the unemployment path must have answered its extra steps. */
const SlotsSchema = z
  .object({
    kind: z.enum(REGISTRATION_KINDS),
    name: z.string(),
    idNumber: z.string(),
    phone: z.string(),
    birthDate: z.string(),
    sex: z.enum(['M', 'F']),
    jobType: z.enum(['FEMALE_55', 'FEMALE_50', 'unknown']).optional(),
    household: z.string(),
    residence: z.string(),
    unemployedSince: plainDate.optional(),
    reason: z.enum(JOB_LOSS_REASONS).optional(),
    education: z.enum(EDUCATION_LEVELS),
    skills: z.string(),
    jobWanted: z.string(),
    training: yesNo,
    business: yesNo,
    followUp: z.enum(FOLLOW_UP_PREFERENCES).optional(),
    papers: yesNo.optional(),
    creditPromise: z.enum(['promise', 'decline']).optional(),
    promiseDueBy: plainDate.optional(),
    promiseProvisional: z.boolean().optional(),
    promiseSource: z.string().optional(),
    promisedOn: plainDate.optional(),
  })
  .refine((s) => s.kind === 'job_seeker' || (s.unemployedSince !== undefined && s.reason !== undefined && s.followUp !== undefined && s.papers !== undefined));

/** Maps the dialog's slots onto the stored shape; null when something the form needs is missing. */
export function submissionOf(slots: Slots): RegistrationSubmission | null {
  const parsed = SlotsSchema.safeParse(slots);
  if (!parsed.success) return null;
  const s = parsed.data;
  const unemployed = s.kind === 'unemployment';
  const promised = unemployed && s.papers === false && s.creditPromise === 'promise' && s.promiseDueBy !== undefined && s.promisedOn !== undefined;
  const details: RegistrationDetails = {
    retirementCategory: s.sex === 'M' ? 'MALE' : s.jobType === 'FEMALE_55' || s.jobType === 'FEMALE_50' ? s.jobType : null,
    household: s.household,
    residence: s.residence === 'same' ? s.household : s.residence,
    residenceSameAsHousehold: s.residence === 'same',
    unemployedSince: unemployed ? (s.unemployedSince ?? null) : null,
    education: s.education,
    skills: s.skills,
    jobWanted: s.jobWanted,
    wantsTraining: s.training,
    wantsBusiness: s.business,
    papersComplete: unemployed ? (s.papers ?? null) : null,
    creditPromise: promised ? { promisedOn: s.promisedOn ?? '', dueBy: s.promiseDueBy ?? '', provisional: s.promiseProvisional ?? false, source: s.promiseSource ?? '' } : null,
  };
  const submission = RegistrationSubmissionSchema.safeParse({
    kind: s.kind, name: s.name, idNumber: s.idNumber, phone: s.phone, birthDate: s.birthDate, sex: s.sex,
    reason: unemployed ? s.reason : 'other',
    followUpPreference: unemployed ? (s.followUp ?? 'monthly') : 'monthly',
    details,
  });
  return submission.success ? submission.data : null;
}

export interface RegistrationIntake {
  submit(request: {
    submission: RegistrationSubmissionInput;
    locale: string;
    conversationKey: string;
    channel: string;
    userKey: string;
    reference: string;
    at: Date;
    /** The person this conversation is linked to (its own registration or a verified code); absent = none. */
    linkedJobSeekerId?: string | null;
  }): Promise<IntakeResult>;
}

/**
 * `unverified`: the ID number is on file for a person this conversation is not linked to. Knowing an ID number
 * proves nothing, so nothing was stored, changed or linked.
 */
export type IntakeResult = { jobSeekerId: string; registrationId: string; registeredAt: Date; duplicate: boolean } | { unverified: true };

/** The policy fact the result message needs: when the office must first contact the person. */
export interface FirstContactPolicy {
  firstContactBy(registeredAt: Date): { date: string; provisional: boolean; source: string };
}

export function submitRegistration(intake: RegistrationIntake, policy: FirstContactPolicy): DialogAction {
  return async (ctx) => {
    const submission = submissionOf(ctx.slots);
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
    return { jobSeekerId: result.jobSeekerId, replies: [...whatNext(submission, result, policy), reply('menu.after', undefined, MENU_AFTER)] };
  };
}

function whatNext(submission: RegistrationSubmission, result: { registeredAt: Date; duplicate: boolean }, policy: FirstContactPolicy): Reply[] {
  if (result.duplicate) {
    const first = policy.firstContactBy(result.registeredAt);
    return [reply('registration.alreadyRegistered', { date: first.date, source: first.source })];
  }
  if (submission.kind === 'job_seeker') return [reply('jobSeeker.submitted')];
  const first = policy.firstContactBy(result.registeredAt);
  const promise = submission.details?.creditPromise ?? null;
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
