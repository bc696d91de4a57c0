// Where each numbered rule of domain SPEC §1–§4 lives (the project's own list of those rule ids): implemented (files), a product decision, or out of scope
// (something an office, another agency or a person does, not the bot). Checked by test/domain/clauses/spec-coverage.test.ts.
import type { ProductDecisionId } from './product-decisions.ts';

export type SpecCoverageEntry =
  | {
      status: 'implemented';
      /** Project-relative files that encode the rule; at least one names it (the rule id, or `cites`). */
      where: readonly string[];
      /** Text that one of the files contains when it does not name the rule id itself. */
      cites?: string;
      /** Product decisions the implementation takes where the SPEC is silent. */
      decisions?: readonly ProductDecisionId[];
      note?: string;
    }
  | { status: 'product_decision'; decision: ProductDecisionId; note?: string }
  | { status: 'out_of_scope'; why: string };

const D = 'src/domain';
const ELIGIBILITY = `${D}/registration/assess-registration-eligibility.ts`;
const PACK = `${D}/regions/region-pack.ts`;
const FOLLOW_UPS = `${D}/follow-up/plan-follow-ups.ts`;
const CALENDAR = `${D}/calendar/work-calendar.ts`;
const RETIREMENT = `${D}/retirement/statutory-retirement.ts`;
const ID = `${D}/identity/id-number.ts`;
const LOCATION = `${D}/service-location/determine-service-location.ts`;
const SERVICES = `${D}/service-catalogue/services-for.ts`;
const HARDSHIP = [`${D}/hardship/assess-hardship.ts`, `${D}/hardship/evaluate-hardship-rule.ts`, `${D}/hardship/hardship-rule.ts`, `${D}/hardship/registration-history.ts`];

/** Every numbered rule of SPEC §1–§4 (R-ids; '1.8', '1.9', '1.12' for the sections without R-ids; 2.N, 3.N, 4.N). */
export const SPEC_COVERAGE = {
  'R1.1.1': { status: 'implemented', where: [ELIGIBILITY, RETIREMENT, `${D}/identity/age.ts`], note: '"No job" is the person\'s answer; the office checks it against the provincial HRSS system.' },
  'R1.1.2': { status: 'implemented', where: [ELIGIBILITY], cites: 'migrantWorker', note: 'By construction: eligibility has no 户籍 or locality condition; migrant workers get the pack\'s extra places.' },
  'R1.1.3': { status: 'implemented', where: [PACK, ELIGIBILITY, 'policy/regions/anshan-2022.json'] },
  'R1.1.4': { status: 'implemented', where: [ELIGIBILITY, `${D}/registration/place-name.ts`], cites: '户籍', note: 'By construction: no function refuses on 人户分离 or 户籍 elsewhere; 户籍 is asked, never inferred from the ID.' },
  'R1.1.5': { status: 'implemented', where: [ELIGIBILITY, PACK], decisions: ['JOB_SEEKER_REGISTRATION_OFFER'] },
  'R1.1.6': { status: 'implemented', where: [PACK, 'policy/regions/anshan-2022.json'], cites: 'hotline', note: 'Hotline per pack (12333 / 12345); the bot is the online channel. Counter addresses and phone numbers are not modelled.' },
  'R1.2.1': { status: 'implemented', where: [LOCATION], cites: '一(一)' },
  'R1.2.2': { status: 'implemented', where: [LOCATION], cites: '一(二)' },
  'R1.2.3': { status: 'implemented', where: [LOCATION], cites: '一(三)', decisions: ['SERVICE_LOCATION_ALL_REGIONS'] },
  'R1.2.4': { status: 'out_of_scope', why: 'Passing 12333 requests to the place of registration is the hotline\'s routing; a deployment serves one region (config REGION), whose pack gives the policies.' },
  'R1.3.1': { status: 'implemented', where: [FOLLOW_UPS, CALENDAR, 'src/scheduler/first-contact-policy.ts'], decisions: ['FIRST_CONTACT_DEFAULT_FROM_WENZHOU'] },
  'R1.3.2': { status: 'implemented', where: [FOLLOW_UPS], decisions: ['GRADUATE_FIRST_CONTACT_START'] },
  'R1.3.3': { status: 'implemented', where: [CALENDAR, `${D}/dates/plain-date.ts`] },
  'R1.4.1': { status: 'implemented', where: [FOLLOW_UPS], decisions: ['MONTHLY_FOLLOW_UP_EVERYWHERE'] },
  'R1.4.2': { status: 'implemented', where: [FOLLOW_UPS, `${D}/registration/follow-up-after-refusal.ts`], decisions: ['REFUSAL_MONTHLY_WITH_FLAG'] },
  'R1.4.3': { status: 'implemented', where: [FOLLOW_UPS], decisions: ['HARDSHIP_CONTACT_INTERVAL'], note: 'Interval for confirmed hardship people and for graduates from hardship families (asked at registration, set by a caseworker); the temporary-living-subsidy hint is not separate.' },
  'R1.4.4': { status: 'implemented', where: ['dialogs/follow-up.dialog.ts', 'src/persistence/contact-ledger-repository.ts'], cites: 'channel', note: 'Self-report through the monthly reply; the ledger records the channel. Data matching itself is the office\'s.' },
  'R1.4.5': { status: 'out_of_scope', why: 'Harbin\'s monthly database update and the three return visits (person, family, employer) are staff work.' },
  'R1.4.6': { status: 'out_of_scope', why: 'Entering results in the Liaoning system, local-government assessment and quarterly job fairs are things an office does.' },
  'R1.4.7': { status: 'implemented', where: ['src/persistence/contact-ledger-repository.ts'], note: 'The ledger (台账) only; "more service for low-skilled or older people" is left to staff.' },
  'R1.5.1': { status: 'implemented', where: [`${D}/quota/quota-progress.ts`, 'policy/regions/zhanjiang-2021.json'], cites: 'R1.5' },
  'R1.5.2': { status: 'implemented', where: [`${D}/quota/quota-progress.ts`], decisions: ['QUOTA_YEAR_ROLLING'] },
  'R1.5.3': { status: 'implemented', where: [PACK, `${D}/quota/quota-progress.ts`], cites: 'quota', note: 'Per-pack quota; null where the region sets none.' },
  'R1.6.1': { status: 'implemented', where: [SERVICES], decisions: ['SERVICE_CATALOGUE_ALL_REGIONS'] },
  'R1.6.2': { status: 'implemented', where: [SERVICES], decisions: ['SERVICE_CATALOGUE_ALL_REGIONS'] },
  'R1.6.3': { status: 'implemented', where: [SERVICES], decisions: ['SERVICE_CATALOGUE_ALL_REGIONS'] },
  'R1.6.4': { status: 'out_of_scope', why: 'Anshan loan terms (≤100,000 yuan without counter-guarantee), incubator space and community service circles are provided by banks, incubators and communities; not screened by the bot.' },
  'R1.6.5': { status: 'out_of_scope', why: 'Harbin "five deliveries", employer insurance subsidies and the lump-sum benefit are paid or delivered by the office and the insurance agency.' },
  'R1.7.1': { status: 'implemented', where: [`${D}/follow-up/credit-promise-deadline.ts`, 'dialogs/registration.dialog.ts'] },
  'R1.7.2': { status: 'out_of_scope', why: 'Checking identity, status and other items against social-security and big-data platforms is back-office data matching.' },
  'R1.7.3': { status: 'out_of_scope', why: 'Public listing, objections, recovery of money and credit sanctions are decided by the office.' },
  '1.8': { status: 'implemented', where: [...HARDSHIP, 'policy/regions/wenzhou-2022.json', 'policy/regions/zhejiang-2025.json', 'policy/regions/harbin-2010.json'], cites: 'R1.8', decisions: ['ZHEJIANG_2025_INHERITS_WENZHOU', 'ZHEJIANG_2025_FEMALE_AGE_STEPS', 'HARDSHIP_REGISTRATION_GAP', 'NEAR_RETIREMENT_BY_DATE', 'HARBIN_4050_AGES'], note: 'A caseworker confirms every result; recognition itself is the office\'s.' },
  '1.9': { status: 'implemented', where: [`${D}/deregistration/assess-deregistration-grounds.ts`, `${D}/deregistration/deregistration-ground.ts`, `${D}/outreach/outreach-facts.ts`], cites: 'R1.9', decisions: ['BOT_NEVER_DEREGISTERS', 'EXIT_REPORT_PAUSES_OFFERS', 'DECIDED_FACT_NEEDS_NEW_EVIDENCE'] },
  'R1.10.1': { status: 'product_decision', decision: 'SUBSIDY_AGAIN_CASEWORKER_DECIDES', note: 'Needs a per-pack flag in region-pack.ts before the bot can answer it.' },
  'R1.10.2': { status: 'implemented', where: [`${D}/subsidy/subsidy-duration.ts`], decisions: ['NEAR_RETIREMENT_BY_DATE', 'SUBSIDY_AGE_AT_FIRST_APPROVAL'], note: 'The ≤2/3-of-contribution cap for flexible workers is not encoded.' },
  'R1.10.3': { status: 'out_of_scope', why: 'Recording a graduate\'s job and referring subsidies are office acts; a caseworker ends the graduate follow-up by changing the group.' },
  'R1.10.4': { status: 'out_of_scope', why: 'Subsidies to employment-assistance bases (3,000 yuan a person, ≤150,000 a year) are paid to employers, not to job seekers.' },
  'R1.10.5': { status: 'out_of_scope', why: 'Exit from a public-welfare post is managed by the office; the SPEC lists only examples. retirementDate gives the retirement-age ground.' },
  'R1.10.6': { status: 'implemented', where: [PACK, 'src/caseworker/people-router.ts'], note: 'A caseworker refers a person in financial hardship to civil affairs (a task with the reason) where the pack has civilAffairsReferral; the income deduction is decided by civil affairs.' },
  'R1.11.1': { status: 'implemented', where: [`${D}/registration/priority-flags.ts`], decisions: ['PRIORITY_FLAGS_ALL_REGIONS'], note: 'Flags only; the youth count, extra windows, the mini-program and the 2023 target are office work.' },
  'R1.11.2': { status: 'implemented', where: [`${D}/registration/priority-flags.ts`], decisions: ['PRIORITY_FLAGS_ALL_REGIONS'] },
  'R1.11.3': { status: 'out_of_scope', why: 'Harbin plans, one-to-one job commitments and monthly statistics are staff work (the 12333 hotline is in the harbin-2010 pack).' },
  'R1.11.4': { status: 'out_of_scope', why: 'Hubei county organisation (town-level windows, joint processing, employer visits, service stations); there is no Hubei pack.' },
  '1.12': { status: 'implemented', where: ['dialogs/registration.dialog.ts', `${D}/registration/education-levels.ts`, `${D}/registration/job-loss-reasons.ts`, `${D}/registration/place-name.ts`, ID, `${D}/contact/mobile-number.ts`, 'src/persistence/contact-ledger-repository.ts'], cites: 'SPEC §1.12' },
  '2.1': { status: 'implemented', where: [RETIREMENT], cites: '渐进式延迟法定退休年龄' },
  '2.2': { status: 'implemented', where: [RETIREMENT], cites: 'SPEC §2.2' },
  '2.3': { status: 'implemented', where: [RETIREMENT], cites: 'SPEC §2.3', decisions: ['NEAR_RETIREMENT_BY_DATE'] },
  '2.4': { status: 'implemented', where: [RETIREMENT, 'test/domain/retirement/statutory-retirement.test.ts'], cites: 'SPEC §2.4' },
  '2.5': { status: 'implemented', where: [RETIREMENT], cites: 'SPEC §2.5' },
  '2.6': { status: 'out_of_scope', why: 'Flexible early or late retirement is agreed between employee, employer and the pension office; the bot uses the statutory age.' },
  '2.7': { status: 'out_of_scope', why: '[recall; verify] Unemployment-insurance benefit near retirement is the insurance agency\'s, a separate state machine (SPEC §5.3).' },
  '2.8': { status: 'implemented', where: [ELIGIBILITY, `${D}/hardship/evaluate-hardship-rule.ts`, `${D}/subsidy/subsidy-duration.ts`, 'dialogs/registration.dialog.ts'], cites: 'SPEC §2.8', note: 'Exit from a public-welfare post is out of scope (R1.10.5).' },
  '3.1': { status: 'implemented', where: [CALENDAR], cites: '全国年节及纪念日放假办法' },
  '3.2': { status: 'implemented', where: [`${D}/calendar/calendar-overrides.ts`, CALENDAR], cites: 'SPEC §3.2' },
  '3.3': { status: 'implemented', where: [`${D}/calendar/holiday-data.ts`, 'test/domain/calendar/work-calendar.test.ts'], cites: 'SPEC §3.3' },
  '3.4': { status: 'implemented', where: [`${D}/calendar/holiday-data.ts`], cites: 'SPEC §3.4', note: 'Only the data are used, never the library\'s date functions (time-zone bug).' },
  '3.5': { status: 'implemented', where: [CALENDAR, `${D}/calendar/calendar-overrides.ts`], cites: 'SPEC §3.5' },
  '4.1': { status: 'implemented', where: [ID], cites: 'GB 11643-1999' },
  '4.2': { status: 'implemented', where: [ID], cites: 'SPEC §4.2' },
  '4.3': { status: 'implemented', where: [ID], cites: 'SPEC §4.3' },
  '4.4': { status: 'implemented', where: [ID], cites: 'SPEC §4.4' },
  '4.5': { status: 'implemented', where: [ID, 'test/domain/identity/id-number.test.ts'], cites: 'SPEC §4' },
  '4.6': { status: 'implemented', where: [`${D}/identity/age.ts`], cites: 'SPEC §4.6', decisions: ['LEAP_DAY_BIRTHDAY'] },
  '4.7': { status: 'implemented', where: [ID, 'src/logging/mask-personal-numbers.ts', 'src/persistence/registration-repository.ts'], cites: 'SPEC §4.7', decisions: ['ID_MASK_KEEPS_4_AND_2'], note: 'Masking in chats and logs; ID and phone numbers stored encrypted.' },
} as const satisfies Readonly<Record<string, SpecCoverageEntry>>;

export type SpecRuleId = keyof typeof SPEC_COVERAGE;
