// Who may register as unemployed (失业登记, R1.1): working age (16 to the person's own statutory age), a wish
// to work and no job. Anyone who does not qualify is offered job-seeker registration (求职登记), never a bare no.
import { compareDates } from '../dates/plain-date.ts';
import { ageInFullYears } from '../identity/age.ts';
import { retirementDate, type RetirementCategory } from '../retirement/statutory-retirement.ts';
import type { RegionPack, RegistrationPlace } from '../regions/region-pack.ts';

export interface RegistrationEligibilityInput {
  birthDate?: string;
  sex?: 'M' | 'F';
  /** Women: FEMALE_55 (management/technical post) or FEMALE_50 (production/service post); men: MALE or absent. */
  retirementCategory?: RetirementCategory;
  wantsWork?: boolean;
  /** As the person says; the office checks it against the provincial HRSS system (Z §一(一)). */
  employed?: boolean;
  /** A migrant worker (失业农民工) may register at more places in some regions (A 四(二)). */
  migrantWorker?: boolean;
  asOf: string;
}

export type RegistrationOutcome = 'eligible' | 'job_seeker_registration' | 'under_working_age' | 'unknown';
export type RegistrationQuestion = 'birthDate' | 'sex' | 'retirementCategory' | 'wantsWork' | 'employed';

export interface RegistrationEligibility {
  outcome: RegistrationOutcome;
  reasons: { code: string; source: string }[];
  /** What the dialog should ask next, in order; `retirementCategory` = ask the last post type (SPEC §2.8). */
  missing: RegistrationQuestion[];
  /** Where the person may register (R1.1.3), each with its clause. */
  places: { place: RegistrationPlace; source: string }[];
  /** Job-seeker registration clause when that is the path offered. */
  jobSeekerSource: string | null;
}

type AgeCheck = { code: 'UNDER_16' | 'WORKING_AGE' | 'OVER_STATUTORY_AGE' } | { code: 'RETIREMENT_CATEGORY_NEEDED' } | { code: 'MISSING' };

function checkAge(input: RegistrationEligibilityInput, minAge: number): AgeCheck {
  const { birthDate, sex, asOf } = input;
  if (birthDate === undefined || sex === undefined) return { code: 'MISSING' };
  if (ageInFullYears(birthDate, asOf) < minAge) return { code: 'UNDER_16' };
  const cats: RetirementCategory[] =
    sex === 'M' ? ['MALE'] : input.retirementCategory !== undefined && input.retirementCategory !== 'MALE' ? [input.retirementCategory] : ['FEMALE_50', 'FEMALE_55'];
  const over = cats.map((c) => compareDates(input.asOf, retirementDate(birthDate, c)) >= 0);
  if (over.every((o) => o)) return { code: 'OVER_STATUTORY_AGE' };
  if (over.every((o) => !o)) return { code: 'WORKING_AGE' };
  return { code: 'RETIREMENT_CATEGORY_NEEDED' };
}

/**
 * R1.1.1 (Z §一(一)): eligible iff 16 full years ≤ age < own statutory retirement date (SPEC §2), wants work
 * and has no job. A woman whose track is unknown is asked only when the two tracks give different answers.
 * Not eligible → `job_seeker_registration` (R1.1.5, A 四(一)); under 16 → `under_working_age`.
 */
export function assessRegistrationEligibility(input: RegistrationEligibilityInput, pack: RegionPack): RegistrationEligibility {
  const reg = pack.registration;
  const cond = reg.conditionsSource;
  const reasons: { code: string; source: string }[] = [];
  const missing: RegistrationQuestion[] = [];
  const age = checkAge(input, reg.minAgeYears);
  if (age.code === 'MISSING') {
    if (input.birthDate === undefined) missing.push('birthDate');
    if (input.sex === undefined) missing.push('sex');
  } else if (age.code === 'RETIREMENT_CATEGORY_NEEDED') {
    missing.push('retirementCategory');
    reasons.push({ code: 'RETIREMENT_CATEGORY_NEEDED', source: cond });
  } else {
    reasons.push({ code: age.code, source: cond });
  }
  if (input.wantsWork === undefined) missing.push('wantsWork');
  else reasons.push({ code: input.wantsWork ? 'WANTS_WORK' : 'NO_WISH_TO_WORK', source: cond });
  if (input.employed === undefined) missing.push('employed');
  else reasons.push({ code: input.employed ? 'EMPLOYED' : 'NO_JOB_TO_BE_VERIFIED', source: cond });

  const places = [
    ...reg.places.map((place) => ({ place, source: reg.placesSource })),
    ...(input.migrantWorker === true && reg.migrantSource !== null
      ? reg.migrantPlaces.filter((p) => !reg.places.includes(p)).map((place) => ({ place, source: reg.migrantSource ?? reg.placesSource }))
      : []),
  ];
  const base = { reasons, missing, places };
  if (age.code === 'UNDER_16') return { ...base, outcome: 'under_working_age', jobSeekerSource: null };
  const disqualified = age.code === 'OVER_STATUTORY_AGE' || input.wantsWork === false || input.employed === true;
  if (disqualified) return { ...base, missing: [], outcome: 'job_seeker_registration', jobSeekerSource: reg.jobSeekerSource };
  if (missing.length > 0) return { ...base, outcome: 'unknown', jobSeekerSource: null };
  return { ...base, outcome: 'eligible', jobSeekerSource: null };
}
