// Finishes the registration dialog: stores the person and a `pending_review` registration, then tells
// them when the office will contact them. A caseworker confirms; the bot decides nothing final.
import { z } from 'zod';
import type { DialogAction } from './action-types.ts';
import { reply } from '../reply.ts';
import { JOB_LOSS_REASONS } from '../../domain/registration/job-loss-reasons.ts';

export const RegistrationSubmissionSchema = z.object({
  name: z.string().min(1),
  idNumber: z.string().length(18),
  phone: z.string().length(11),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  reason: z.enum(JOB_LOSS_REASONS),
});
export type RegistrationSubmission = z.infer<typeof RegistrationSubmissionSchema>;

export interface RegistrationIntake {
  submit(request: {
    submission: RegistrationSubmission;
    locale: string;
    conversationKey: string;
    channel: string;
    userKey: string;
    reference: string;
    at: Date;
  }): Promise<{ jobSeekerId: string; registrationId: string; registeredAt: Date; duplicate: boolean }>;
}

/** The policy fact the result message needs: when the office must first contact the person. */
export interface FirstContactPolicy {
  firstContactBy(registeredAt: Date): { date: string; provisional: boolean; source: string };
}

export function submitRegistration(intake: RegistrationIntake, policy: FirstContactPolicy): DialogAction {
  return async (ctx) => {
    const parsed = RegistrationSubmissionSchema.safeParse(ctx.slots);
    if (!parsed.success) return { replies: [reply('registration.incomplete')] };
    const result = await intake.submit({
      submission: parsed.data,
      locale: ctx.locale,
      conversationKey: ctx.conversationKey,
      channel: ctx.turn.channel,
      userKey: ctx.turn.userKey,
      reference: ctx.turn.reference,
      at: ctx.turn.at,
    });
    const firstContactBy = policy.firstContactBy(result.registeredAt);
    const key = result.duplicate ? 'registration.alreadyRegistered' : 'registration.submitted';
    const provisional = firstContactBy.provisional ? 'registration.provisionalDate' : 'registration.firmDate';
    return {
      jobSeekerId: result.jobSeekerId,
      replies: [reply(key, { date: firstContactBy.date, source: firstContactBy.source }), reply(provisional), reply('menu.after', undefined, MENU_AFTER)],
    };
  };
}

const MENU_AFTER = [
  { value: 'menu', label: 'menu.buttons.menu' },
  { value: 'human', label: 'menu.buttons.human' },
] as const;
