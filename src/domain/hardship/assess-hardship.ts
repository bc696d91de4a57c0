// Hardship recognition (就业困难人员认定) per region pack: for each category the region lists, met / not_met /
// unknown with the clause, plus whether public notice (公示) is waived. A caseworker confirms every result.
import type { RegionPack } from '../regions/region-pack.ts';
import type { HardshipCategoryCode } from './hardship-rule.ts';
import type { HardshipProfile, HardshipProfileField } from './hardship-profile.ts';
import { evaluateHardshipRule, type RuleStatus } from './evaluate-hardship-rule.ts';

export interface HardshipReason { code: string; source: string }

export interface HardshipCategoryResult {
  code: HardshipCategoryCode;
  status: RuleStatus;
  source: string;
  reasons: HardshipReason[];
  /** Profile fields that would settle an `unknown`, in asking order. */
  missing: HardshipProfileField[];
}

export interface HardshipAssessment {
  region: string;
  categories: HardshipCategoryResult[];
  /** True when a fact that waives public notice is confirmed (W 一(二)); false where the region always publishes. */
  publicNoticeExempt: boolean;
  publicNoticeSource: string;
  /** A valid unemployment registration is required first (W 一(二)); null where the region does not say so. */
  registrationPrecondition: { status: 'met' | 'unknown'; source: string } | null;
  /** True while any category is met: the person may apply; a caseworker still recognises. */
  anyCategoryMet: boolean;
  needsConfirmation: boolean;
}

/**
 * Assesses every hardship category of `pack` for `profile` on `asOf` (R1.8, SPEC §6 items 3-5).
 * Categories come only from the pack; an absent fact makes a category `unknown`, never `not_met`.
 */
export function assessHardship(pack: RegionPack, profile: HardshipProfile, asOf: string): HardshipAssessment {
  const categories = pack.hardship.categories.map((category): HardshipCategoryResult => {
    const result = evaluateHardshipRule(category.rule, profile, asOf);
    const source = category.clause;
    const paramSource = category.parameterSource ?? source;
    return {
      code: category.code,
      status: result.status,
      source,
      reasons: result.reasons.map((code) => ({ code, source: code === 'FACT_TRUE' || code === 'MISSING_FACT' ? source : paramSource })),
      missing: result.missing,
    };
  });
  const { exemptIfAnyOf, source: publicNoticeSource } = pack.hardship.publicNotice;
  const precondition = pack.hardship.requiresRegistration
    ? { status: profile.registeredSince === undefined ? ('unknown' as const) : ('met' as const), source: pack.hardship.requiresRegistrationSource ?? pack.hardship.categoriesSource }
    : null;
  return {
    region: pack.code,
    categories,
    publicNoticeExempt: exemptIfAnyOf.some((f) => profile[f] === true),
    publicNoticeSource,
    registrationPrecondition: precondition,
    anyCategoryMet: categories.some((c) => c.status === 'met'),
    needsConfirmation: pack.needsConfirmation,
  };
}
