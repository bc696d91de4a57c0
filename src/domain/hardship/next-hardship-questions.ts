// Which profile fields a hardship dialog should still ask, so it asks only what can change the answer.
import type { RegionPack } from '../regions/region-pack.ts';
import { assessHardship } from './assess-hardship.ts';
import { HARDSHIP_PROFILE_FIELDS, type HardshipProfile, type HardshipProfileField } from './hardship-profile.ts';

/**
 * The fields still worth asking, in asking order (identity, dates, family, personal — HARDSHIP_PROFILE_FIELDS),
 * the registration date first where registration is a precondition (W 一(二)):
 * - while no category is met: every field that could settle an `unknown` category;
 * - once one is met: only fields that could still waive public notice (W 一(二)).
 * An empty list means the dialog can stop asking and hand the result to a caseworker.
 */
export function nextHardshipQuestions(pack: RegionPack, profile: HardshipProfile, asOf: string): HardshipProfileField[] {
  const assessment = assessHardship(pack, profile, asOf);
  const wanted = new Set<HardshipProfileField>();
  if (assessment.registrationPrecondition?.status === 'unknown') wanted.add('registeredSince');
  if (!assessment.anyCategoryMet) {
    for (const category of assessment.categories) for (const field of category.missing) wanted.add(field);
  } else if (!assessment.publicNoticeExempt) {
    for (const field of pack.hardship.publicNotice.exemptIfAnyOf) if (profile[field] === undefined) wanted.add(field);
  }
  const ordered = HARDSHIP_PROFILE_FIELDS.filter((f) => wanted.has(f) && f !== 'registeredSince');
  return wanted.has('registeredSince') ? ['registeredSince', ...ordered] : ordered;
}
