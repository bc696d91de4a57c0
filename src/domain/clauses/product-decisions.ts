// Every SPEC rule tagged [infer] that this domain encodes is a product decision, not a policy rule.
// Code that applies one names its id here, so a reviewer can find and revisit each choice.

/** Product decisions taken where the seeds are silent (SPEC [infer] items), keyed by id. */
export const PRODUCT_DECISIONS = {
  ID_MASK_KEEPS_4_AND_2: {
    spec: 'SPEC §4.7',
    decision: 'A masked ID number keeps its first 4 and last 2 characters (not the last 4 of the example): with the 户籍地 known, at least 100,000 numbers still fit it; birth date and sex are never stored in plain text beside it.',
  },
  GRADUATE_FIRST_CONTACT_START: {
    spec: 'SPEC §R1.3.2',
    decision: 'The 1-month first-contact period for graduates starts on the day the education data arrive (passed as registeredOn).',
  },
  HARDSHIP_CONTACT_INTERVAL: {
    spec: 'SPEC §R1.4.3',
    decision: 'Hardship people are contacted every N days (14 by default, per-pack configurable); a due day that is not a working day moves to the next working day.',
  },
  QUOTA_YEAR_ROLLING: {
    spec: 'SPEC §R1.5.2',
    decision: 'The yearly 12333 quota year is a rolling 12 months from registration unless the pack says calendar.',
  },
  REFUSAL_MONTHLY_WITH_FLAG: {
    spec: 'SPEC §6',
    decision: 'Where a pack has no refusal cadence, a person who refuses monthly follow-up keeps the monthly plan with a refused flag (conflict 8).',
  },
  NEAR_RETIREMENT_BY_DATE: {
    spec: 'SPEC §2.3',
    decision: '"Less than 5 years to statutory retirement" is decided by date: asOf > retirementDate − 5 years.',
  },
  BOT_NEVER_DEREGISTERS: {
    spec: 'SPEC §1.9',
    decision: 'The engine only lists deregistration grounds for a caseworker to confirm; no function changes a registration status.',
  },
  FIRST_CONTACT_DEFAULT_FROM_WENZHOU: {
    spec: 'SPEC §R1.3.1',
    decision: 'Packs whose seed sets no first-contact deadline adopt Wenzhou\'s 5 working days / graduates 1 month (basis "product_default").',
  },
  ZHEJIANG_2025_INHERITS_WENZHOU: {
    spec: 'SPEC §1.8',
    decision: 'The zhejiang-2025 pack replaces only the hardship list; its other rules are carried over from W 2022 and cite W.',
  },
  ZHEJIANG_2025_FEMALE_AGE_STEPS: {
    spec: 'SPEC §1.8',
    decision: 'Women\'s threshold for older unemployed in Zhejiang 2025: 45 from 2025, 46 from 2028, 47 from 2031 (first step assumed 2028; needs confirmation).',
  },
  REGION_PACK_SELECTION: {
    spec: 'SPEC §6',
    decision: 'The most specific region code wins, then the latest effectiveFrom; national is the fallback.',
  },
  SERVICE_LOCATION_ALL_REGIONS: {
    spec: 'SPEC §1.2',
    decision: 'Wenzhou\'s service-location rules (registration place / recognition place / origin) are applied in every region.',
  },
  HARDSHIP_REGISTRATION_GAP: {
    spec: 'SPEC §1.8',
    decision: 'Registrations in the same province join into one unbroken spell when the next starts no later than the day after the previous ends.',
  },
  PRIORITY_FLAGS_ALL_REGIONS: {
    spec: 'SPEC §R1.11.2',
    decision: 'Anshan\'s priority flags (youth 16–24, graduate without a job, 脱贫人口, hardship person) are kept on every record in every region; they add attention, never remove a service.',
  },
  SERVICE_CATALOGUE_ALL_REGIONS: {
    spec: 'SPEC §R1.6.3',
    decision: 'Zhanjiang\'s services by level and type (basic / special / by wish) are the service catalogue in every region; local extras (R1.6.4, R1.6.5) are not listed.',
  },
  SUBSIDY_AGAIN_CASEWORKER_DECIDES: {
    spec: 'SPEC §R1.10.1',
    decision: 'Whether post and social insurance subsidies may be had again after re-recognition (allowed in W, unknown elsewhere, conflict 9) is not answered by the bot; a caseworker decides. A per-pack flag would be needed to automate it.',
  },
  LEAP_DAY_BIRTHDAY: {
    spec: 'SPEC §4.6',
    decision: 'A 29 February birthday counts as reached on 28 February in a non-leap year (age in full years, 周岁).',
  },
} as const;

export type ProductDecisionId = keyof typeof PRODUCT_DECISIONS;
