// The registration intake port: what a finished registration form hands to storage (RegistrationSubmission)
// and what storage answers. src/persistence implements it; the form's fields come from the dialog's steps.
import { z } from 'zod';
import { JOB_LOSS_REASONS } from '../domain/registration/job-loss-reasons.ts';
import { isValidPlainDate } from '../domain/dates/plain-date.ts';
import type { Reply } from './reply.ts';

const plainDate = z.string().refine(isValidPlainDate);
export const REGISTRATION_KINDS = ['unemployment', 'job_seeker'] as const;
export const FOLLOW_UP_PREFERENCES = ['monthly', 'refused'] as const;

const StoredAnswerSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** Credit promise (信用承诺, Z §五(一)) with its completion date; null when papers are complete or no promise. */
export const CreditPromiseSchema = z.object({ promisedOn: plainDate, dueBy: plainDate, provisional: z.boolean(), source: z.string() });

/**
 * Everything on the form beyond the identity and status columns (SPEC §1.12), stored as Registration.details:
 * one entry per `details.x` that a registration step declares it fills, so a new question needs no change here.
 */
export const RegistrationDetailsSchema = z.object({ creditPromise: CreditPromiseSchema.nullable().optional() }).catchall(StoredAnswerSchema);
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
  /** A graduate from a hardship family (R1.4.3); null or absent where the question did not apply. */
  hardshipFamily: z.boolean().nullable().default(false).transform((v) => v === true),
  /** Absent for callers that only know the identity part (older clients, seed scripts). */
  details: RegistrationDetailsSchema.optional(),
});
export type RegistrationSubmission = z.infer<typeof RegistrationSubmissionSchema>;
/** What a caller may hand the intake: kind and follow-up preference default, details may be absent. */
export type RegistrationSubmissionInput = z.input<typeof RegistrationSubmissionSchema>;

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

/**
 * What the person's channel adds to the reply that ends a registration, before the menu: the Official Account
 * invites to its 订阅通知 this way. The channel provides it (src/main.ts wires it); [] adds nothing.
 */
export interface RegistrationFollowOn {
  repliesFor(person: { channel: string; userKey: string }): Promise<Reply[]>;
}

/** A registration as staff screens list it: ID and phone masked, the rest of the form as stored. */
export interface RegistrationListItem {
  id: string;
  kind: string;
  status: string;
  reason: string;
  followUpPreference: string;
  hardshipFamily: boolean;
  registeredAt: string;
  regionCode: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  birthDate: string | null;
  sex: string | null;
  details: RegistrationDetails;
}

