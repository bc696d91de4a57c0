// The facts a hardship assessment may use (就业困难人员认定). Every field is optional: an absent field is
// "not yet asked", which makes a category `unknown`, never `not_met`. Same fields as `policy hardship --profile`.
import { z } from 'zod';
import { isValidPlainDate } from '../dates/plain-date.ts';

const plainDate = z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' });

/** Yes/no facts, usually certified by another department (civil affairs, disabled persons' federation, ...). */
export const HARDSHIP_FLAG_FIELDS = [
  'familyPovertyAlleviated',
  'familyMinimumLivingAllowance',
  'familyLowIncomeEdge',
  'familyExtremePoverty',
  'zeroEmploymentFamily',
  'disabilityCertified',
  'supportsSeriouslyIllRelative',
  'communityCorrection',
  'landRequisitioned',
  'singleParentOfMinor',
  'modelWorkerCountyLevel',
  'martyrFamily',
  'militarySpouse',
] as const;
export type HardshipFlagField = (typeof HARDSHIP_FLAG_FIELDS)[number];
export const hardshipFlagField = z.enum(HARDSHIP_FLAG_FIELDS);

/** Dated facts: the start of an unbroken registration, unemployment or benefit spell. */
export const HARDSHIP_DATE_FIELDS = ['registeredSince', 'unemployedSince', 'drawingUnemploymentInsuranceSince'] as const;
export type HardshipDateField = (typeof HARDSHIP_DATE_FIELDS)[number];

export const retirementCategorySchema = z.enum(['MALE', 'FEMALE_55', 'FEMALE_50']);

/** Every field a dialog can ask, in the order a dialog should ask them (identity, dates, family, personal). */
export const HARDSHIP_PROFILE_FIELDS = [
  'idNumber',
  'retirementCategory',
  ...HARDSHIP_DATE_FIELDS,
  ...HARDSHIP_FLAG_FIELDS,
] as const;
export type HardshipProfileField = (typeof HARDSHIP_PROFILE_FIELDS)[number];

export const hardshipProfileSchema = z.strictObject({
  idNumber: z.string().optional(),
  retirementCategory: retirementCategorySchema.optional(),
  registeredSince: plainDate.optional(),
  unemployedSince: plainDate.optional(),
  drawingUnemploymentInsuranceSince: plainDate.optional(),
  familyPovertyAlleviated: z.boolean().optional(),
  familyMinimumLivingAllowance: z.boolean().optional(),
  familyLowIncomeEdge: z.boolean().optional(),
  familyExtremePoverty: z.boolean().optional(),
  zeroEmploymentFamily: z.boolean().optional(),
  disabilityCertified: z.boolean().optional(),
  supportsSeriouslyIllRelative: z.boolean().optional(),
  communityCorrection: z.boolean().optional(),
  landRequisitioned: z.boolean().optional(),
  singleParentOfMinor: z.boolean().optional(),
  modelWorkerCountyLevel: z.boolean().optional(),
  martyrFamily: z.boolean().optional(),
  militarySpouse: z.boolean().optional(),
});

/** What is known about a person for a hardship assessment. */
export type HardshipProfile = z.infer<typeof hardshipProfileSchema>;
