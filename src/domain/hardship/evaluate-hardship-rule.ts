// Evaluates one hardship rule (data from a region pack) against a profile: met, not_met or unknown, with the
// reason codes and the profile fields still missing. Absent facts never count as "no".
import { addMonthsClamped, compareDates } from '../dates/plain-date.ts';
import { ageInFullYears } from '../identity/age.ts';
import { parseIdNumber } from '../identity/id-number.ts';
import { retirementDate, type RetirementCategory } from '../retirement/statutory-retirement.ts';
import type { HardshipDateField, HardshipProfile, HardshipProfileField } from './hardship-profile.ts';
import type { HardshipRule, SimpleHardshipRule } from './hardship-rule.ts';

export type RuleStatus = 'met' | 'not_met' | 'unknown';
export interface RuleResult { status: RuleStatus; reasons: string[]; missing: HardshipProfileField[] }

type Identity = { kind: 'ok'; birthDate: string; sex: 'M' | 'F' } | { kind: 'missing' } | { kind: 'invalid' };

function identityOf(profile: HardshipProfile, asOf: string): Identity {
  if (profile.idNumber === undefined) return { kind: 'missing' };
  const id = parseIdNumber(profile.idNumber, asOf);
  return id.valid ? { kind: 'ok', birthDate: id.birthDate, sex: id.sex } : { kind: 'invalid' };
}

const unknown = (reasons: string[], missing: HardshipProfileField[]): RuleResult => ({ status: 'unknown', reasons, missing });
const met = (reason: string): RuleResult => ({ status: 'met', reasons: [reason], missing: [] });
const notMet = (reason: string): RuleResult => ({ status: 'not_met', reasons: [reason], missing: [] });

function monthsRule(profile: HardshipProfile, field: HardshipDateField, minMonths: number, asOf: string, label: string): RuleResult {
  const since = profile[field];
  if (since === undefined) return unknown(['MISSING_FACT'], [field]);
  return compareDates(addMonthsClamped(since, minMonths), asOf) <= 0 ? met(`${label}_LONG_ENOUGH`) : notMet(`${label}_TOO_SHORT`);
}

/** The categories a person of this sex may have; women need the answer to "last post type" (SPEC §2.8). */
function categoriesFor(sex: 'M' | 'F', given: RetirementCategory | undefined): RetirementCategory[] | 'mismatch' {
  if (sex === 'M') return given === undefined || given === 'MALE' ? ['MALE'] : 'mismatch';
  if (given === 'MALE') return 'mismatch';
  return given === undefined ? ['FEMALE_50', 'FEMALE_55'] : [given];
}

/**
 * "Less than N years to statutory retirement" by date: asOf > retirementDate − N years (SPEC §2.3).
 * @productDecision NEAR_RETIREMENT_BY_DATE
 */
function yearsToRetirementRule(profile: HardshipProfile, identity: Identity, years: number, asOf: string): RuleResult {
  if (identity.kind === 'missing') return unknown(['MISSING_FACT'], ['idNumber']);
  if (identity.kind === 'invalid') return unknown(['ID_INVALID'], ['idNumber']);
  const cats = categoriesFor(identity.sex, profile.retirementCategory);
  if (cats === 'mismatch') return unknown(['RETIREMENT_CATEGORY_MISMATCH'], ['retirementCategory']);
  const outcomes = cats.map((cat): string => {
    const retires = retirementDate(identity.birthDate, cat);
    if (compareDates(asOf, retires) >= 0) return 'PAST_STATUTORY_RETIREMENT';
    return compareDates(asOf, addMonthsClamped(retires, -12 * years)) > 0 ? 'WITHIN_YEARS_OF_RETIREMENT' : 'NOT_WITHIN_YEARS_OF_RETIREMENT';
  });
  const [first] = outcomes;
  if (first === undefined || outcomes.some((o) => o !== first)) return unknown(['RETIREMENT_CATEGORY_NEEDED'], ['retirementCategory']);
  return first === 'WITHIN_YEARS_OF_RETIREMENT' ? met(first) : notMet(first);
}

function ageRule(identity: Identity, rule: Extract<SimpleHardshipRule, { kind: 'ageAtLeast' }>, asOf: string): RuleResult {
  if (identity.kind === 'missing') return unknown(['MISSING_FACT'], ['idNumber']);
  if (identity.kind === 'invalid') return unknown(['ID_INVALID'], ['idNumber']);
  const steps = rule.female.filter((s) => compareDates(s.from, asOf) <= 0).sort((a, b) => compareDates(b.from, a.from));
  const threshold = identity.sex === 'M' ? rule.male : (steps[0] ?? rule.female[0])?.age;
  if (threshold === undefined) return unknown(['NO_AGE_STEP'], []);
  return ageInFullYears(identity.birthDate, asOf) >= threshold ? met('AGE_REACHED') : notMet('AGE_NOT_REACHED');
}

function flagRule(profile: HardshipProfile, rule: Extract<SimpleHardshipRule, { kind: 'flag' }>): RuleResult {
  if (rule.anyOf.some((f) => profile[f] === true)) {
    if (rule.unlessAnyOf.some((f) => profile[f] === true)) return notMet('EXCLUDED');
    const open = rule.unlessAnyOf.filter((f) => profile[f] === undefined);
    return open.length > 0 ? unknown(['MISSING_FACT'], open) : met('FACT_TRUE');
  }
  const open = rule.anyOf.filter((f) => profile[f] === undefined);
  return open.length > 0 ? unknown(['MISSING_FACT'], open) : notMet('FACTS_ALL_FALSE');
}

function evaluateSimple(rule: SimpleHardshipRule, profile: HardshipProfile, identity: Identity, asOf: string): RuleResult {
  switch (rule.kind) {
    case 'flag':
      return flagRule(profile, rule);
    case 'registeredMonths':
      return monthsRule(profile, 'registeredSince', rule.minMonths, asOf, 'REGISTERED');
    case 'unemployedMonths':
      return monthsRule(profile, 'unemployedSince', rule.minMonths, asOf, 'UNEMPLOYED');
    case 'insuranceMonths':
      return monthsRule(profile, 'drawingUnemploymentInsuranceSince', rule.minMonths, asOf, 'INSURANCE');
    case 'yearsToRetirement':
      return yearsToRetirementRule(profile, identity, rule.lessThanYears, asOf);
    case 'ageAtLeast':
      return ageRule(identity, rule, asOf);
  }
}

/** Evaluates a pack rule; `allOf` is not met as soon as one part is not met, met when all parts are. */
export function evaluateHardshipRule(rule: HardshipRule, profile: HardshipProfile, asOf: string): RuleResult {
  const identity = identityOf(profile, asOf);
  if (rule.kind !== 'allOf') return evaluateSimple(rule, profile, identity, asOf);
  const parts = rule.rules.map((r) => evaluateSimple(r, profile, identity, asOf));
  const reasons = parts.flatMap((p) => p.reasons);
  if (parts.some((p) => p.status === 'not_met')) return { status: 'not_met', reasons, missing: [] };
  if (parts.every((p) => p.status === 'met')) return { status: 'met', reasons, missing: [] };
  return { status: 'unknown', reasons, missing: [...new Set(parts.flatMap((p) => p.missing))] };
}
