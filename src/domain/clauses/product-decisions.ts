// Product decisions: choices the project makes where the notices are silent (SPEC [infer] items, conflicts, and
// rules a region applies without its own notice saying so). Packs cite them as `decision:<ID>`; code names the id;
// policy/DECISIONS.md explains each one to a caseworker (test/policy/decisions-doc.test.ts keeps the three in step).

/** Product decisions taken where the seeds are silent (SPEC [infer] items), keyed by id. */
export const PRODUCT_DECISIONS = {
  GRADUATE_FIRST_CONTACT_START: {
    specRule: 'R1.3.2',
    decision: 'The 1-month first-contact period for graduates starts on the day the education data arrive (passed as registeredOn).',
  },
  HARDSHIP_CONTACT_INTERVAL: {
    specRule: 'R1.4.3',
    decision: 'Hardship people are contacted every N days (14 by default, per-pack configurable); a due day that is not a working day moves to the next working day.',
  },
  QUOTA_YEAR_ROLLING: {
    specRule: 'R1.5.2',
    decision: 'The yearly 12333 quota year is a rolling 12 months from registration unless the pack says calendar.',
  },
  REFUSAL_MONTHLY_WITH_FLAG: {
    specRule: '6',
    decision: 'Where a pack has no refusal cadence, a person who refuses monthly follow-up keeps the monthly plan with a refused flag (conflict 8).',
  },
  NEAR_RETIREMENT_BY_DATE: {
    specRule: '2.3',
    decision: '"Less than 5 years to statutory retirement" is decided by date: asOf > retirementDate − 5 years.',
  },
  BOT_NEVER_DEREGISTERS: {
    specRule: '1.9',
    decision: 'The engine only lists deregistration grounds for a caseworker to confirm; no function changes a registration status.',
  },
  DECIDED_FACT_NEEDS_NEW_EVIDENCE: {
    specRule: '1.9',
    decision: 'Once a caseworker has decided an outreach fact (six months without contact, three refusals in a row), only evidence after the decision counts: a new fact needs another six months without contact, or three new refusals in a row.',
  },
  FIRST_CONTACT_DEFAULT_FROM_WENZHOU: {
    specRule: 'R1.3.1',
    decision: 'Packs whose seed sets no first-contact deadline adopt Wenzhou\'s 5 working days / graduates 1 month (basis "product_default").',
  },
  ZHEJIANG_2025_INHERITS_WENZHOU: {
    specRule: '1.8',
    decision: 'The zhejiang-2025 pack replaces only the hardship list; its other rules are carried over from W 2022 and cite W.',
  },
  ZHEJIANG_2025_FEMALE_AGE_STEPS: {
    specRule: '1.8',
    decision: 'Women\'s threshold for older unemployed in Zhejiang 2025: 45 from 2025, 46 from 2028, 47 from 2031 (first step assumed 2028; needs confirmation).',
  },
  REGION_PACK_SELECTION: {
    specRule: '6',
    decision: 'The most specific region code wins, then the latest effectiveFrom; national is the fallback.',
  },
  SERVICE_LOCATION_ALL_REGIONS: {
    specRule: 'R1.2.3',
    decision: 'Wenzhou\'s service-location rules (registration place / recognition place / origin) are applied in every region.',
  },
  HARDSHIP_REGISTRATION_GAP: {
    specRule: '1.8',
    decision: 'Registrations in the same province join into one unbroken spell when the next starts no later than the day after the previous ends.',
  },
  PRIORITY_FLAGS_ALL_REGIONS: {
    specRule: 'R1.11.2',
    decision: 'Anshan\'s priority flags (youth 16–24, graduate without a job, 脱贫人口, hardship person) are kept on every record in every region; they add attention, never remove a service.',
  },
  SERVICE_CATALOGUE_ALL_REGIONS: {
    specRule: 'R1.6.3',
    decision: 'Zhanjiang\'s services by level and type (basic / special / by wish) are the service catalogue in every region; local extras (R1.6.4, R1.6.5) are not listed.',
  },
  SUBSIDY_AGAIN_CASEWORKER_DECIDES: {
    specRule: 'R1.10.1',
    decision: 'Whether post and social insurance subsidies may be had again after re-recognition (allowed in W, unknown elsewhere, conflict 9) is not answered by the bot; a caseworker decides. A per-pack flag would be needed to automate it.',
  },
  LEAP_DAY_BIRTHDAY: {
    specRule: '4.6',
    decision: 'A 29 February birthday counts as reached on 28 February in a non-leap year (age in full years, 周岁).',
  },
  JOB_SEEKER_REGISTRATION_OFFER: {
    specRule: 'R1.1.5',
    decision: 'Where a region\'s notice is silent, a person who cannot register as unemployed is offered job-seeker registration (求职登记), as Anshan does, instead of a bare refusal.',
  },
  HARBIN_4050_AGES: {
    specRule: '1.8',
    decision: 'Harbin\'s "4050" category is read as women aged 40+ and men aged 50+; the Harbin notice does not define the term.',
  },
  PUBLIC_NOTICE_NO_EXEMPTION: {
    specRule: '6',
    decision: 'Where a region\'s notice names no exemption from public notice (conflict 5), every hardship recognition is publicly noticed.',
  },
  NATIONAL_HOTLINE_12333: {
    specRule: '6',
    decision: 'The national fallback pack gives 12333, the HRSS hotline, as the phone line (conflict 7).',
  },
  MONTHLY_FOLLOW_UP_EVERYWHERE: {
    specRule: 'R1.4.1',
    decision: 'The national fallback pack follows up monthly, as every seed region does.',
  },
  SUBSIDY_AGE_AT_FIRST_APPROVAL: {
    specRule: 'R1.10.2',
    decision: 'The age that limits a post or social insurance subsidy is taken at the first approval, as employment subsidy fund practice does.',
  },
  ID_MASK_KEEPS_4_AND_2: {
    specRule: '4.7',
    decision: 'A masked ID number keeps its first 4 and last 2 characters (not the last 4 of the example): with the 户籍地 known, at least 100,000 numbers still fit it; birth date and sex are never stored in plain text beside it.',
  },
  EXIT_REPORT_PAUSES_OFFERS: {
    specRule: '1.9',
    decision: 'After a person reports a job, self-employment, school or military service, and until a caseworker decides, outreach sends no quota offers (policy, guidance, jobs, training) and keeps only the next check-in, so the person can say it fell through; a decision that keeps the registration, or the person saying they are looking again, restores the normal plan.',
  },
} as const;

export type ProductDecisionId = keyof typeof PRODUCT_DECISIONS;

/** True when `id` names a product decision. */
export function isProductDecisionId(id: string): id is ProductDecisionId {
  return Object.hasOwn(PRODUCT_DECISIONS, id);
}
