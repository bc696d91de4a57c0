// Deregistration grounds (注销失业登记情形) as region data, and the facts a caseworker or the bot may record.
// Facts are only recorded; a caseworker decides. See SPEC §1.9 and §5.2.
import { z } from 'zod';
import { clauseString } from '../clauses/clause-ref.ts';

export const DEREGISTRATION_GROUND_CODES = [
  'HIRED',
  'SELF_EMPLOYED',
  'STABLE_INCOME',
  'PENSION',
  'LOST_WORK_ABILITY',
  'SCHOOL',
  'MILITARY_SERVICE',
  'EMIGRATED',
  'IMPRISONED',
  'STOPPED_WANTING_WORK',
  'REFUSED_SERVICES',
  'NO_CONTACT',
  'DIED',
  'OTHER_REVIEWED',
] as const;
export type DeregistrationGroundCode = (typeof DEREGISTRATION_GROUND_CODES)[number];

/** Yes/no facts a record may carry. */
export const DEREGISTRATION_FLAG_FACTS = [
  'hired',
  'flexibleOrNewFormWork',
  'selfEmployedOrFoundedBusiness',
  'drawingPension',
  'lostWorkAbility',
  'enteredSchool',
  'militaryService',
  'emigrated',
  'imprisoned',
  'stoppedWantingWork',
  'died',
  'otherCaseDecidedAfterPublicNotice',
] as const;
export const deregistrationFlagFact = z.enum(DEREGISTRATION_FLAG_FACTS);

const count = z.number().int().min(0);
const money = z.number().min(0);

/** What is on record about a registered person; absent = not known. */
export const deregistrationFactsSchema = z.strictObject({
  hired: z.boolean().optional(),
  flexibleOrNewFormWork: z.boolean().optional(),
  selfEmployedOrFoundedBusiness: z.boolean().optional(),
  drawingPension: z.boolean().optional(),
  lostWorkAbility: z.boolean().optional(),
  enteredSchool: z.boolean().optional(),
  militaryService: z.boolean().optional(),
  emigrated: z.boolean().optional(),
  imprisoned: z.boolean().optional(),
  stoppedWantingWork: z.boolean().optional(),
  died: z.boolean().optional(),
  otherCaseDecidedAfterPublicNotice: z.boolean().optional(),
  /** Refusals of public employment services in a row without good reason. */
  consecutiveRefusals: count.optional(),
  /** Months in a row without contact with the office. */
  monthsWithoutContact: count.optional(),
  /** Monthly income from stable work, yuan. */
  stableMonthlyIncome: money.optional(),
  localMinimumLivingAllowance: money.optional(),
  localMinimumWage: money.optional(),
});
export type DeregistrationFacts = z.infer<typeof deregistrationFactsSchema>;

export const deregistrationTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fact'), anyOf: z.array(deregistrationFlagFact).min(1) }),
  z.strictObject({ kind: z.literal('count'), fact: z.enum(['consecutiveRefusals', 'monthsWithoutContact']), atLeast: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('income'), threshold: z.enum(['localMinimumLivingAllowance', 'localMinimumWage']) }),
]);
export type DeregistrationTrigger = z.infer<typeof deregistrationTriggerSchema>;

export const deregistrationGroundSchema = z.strictObject({
  code: z.enum(DEREGISTRATION_GROUND_CODES),
  clause: clauseString,
  trigger: deregistrationTriggerSchema,
  /** Always true: the engine never deregisters; a caseworker confirms every ground. */
  needsCaseworkerConfirm: z.literal(true),
  /** W 二(三)1: may be recorded, but must never be the only reason for deregistration. */
  forbiddenAsSoleGround: z.boolean(),
  /** Whether the person is told (Z §二(一): not for emigration, prison, death, or when unreachable). */
  notifyPerson: z.boolean(),
});
export type DeregistrationGround = z.infer<typeof deregistrationGroundSchema>;
