// Contact obligations after registration (R1.3, R1.4): the first-contact deadline and the next 12 follow-up
// due dates, each with the clause it comes from. Working days and month ends come from the WorkCalendar.
import type { ProductDecisionId } from '../clauses/product-decisions.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { addDays } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';

/** `hardship_family_graduate`: a graduate from a hardship family (困难家庭离校未就业高校毕业生), R1.4.3. */
export const FOLLOW_UP_GROUPS = ['unemployed', 'hardship', 'graduate', 'hardship_family_graduate'] as const;
export type FollowUpGroup = (typeof FOLLOW_UP_GROUPS)[number];

/** R1.3.2: graduates, from a hardship family or not, have the graduates' first-contact period. */
export function isGraduateGroup(group: FollowUpGroup): boolean {
  return group === 'graduate' || group === 'hardship_family_graduate';
}

/** R1.4.3 (W 二(二)): hardship people and graduates from hardship families get the more frequent contact. */
export function hasHardshipInterval(group: FollowUpGroup): boolean {
  return group === 'hardship' || group === 'hardship_family_graduate';
}
export type FollowUpKind = 'first_contact' | 'monthly' | 'monthly_refused' | 'after_refusal' | 'hardship_interval';

export interface DueDate {
  date: string;
  /** True when the date depends on a year without holiday data: a caseworker confirms it. */
  provisional: boolean;
  kind: FollowUpKind;
  source: string;
  basis: 'seed' | 'spec' | 'product_default';
}

export interface FollowUpPlanInput {
  /** Registration or recognition date; for graduates the day the education data arrived. */
  registeredOn: string;
  group: FollowUpGroup;
  /** The person refused monthly follow-up (R1.4.2). */
  refusedMonthly?: boolean;
}

export interface FollowUpPlan {
  region: string;
  firstContact: DueDate;
  followUps: DueDate[];
  /** Recorded refusal that does not change the cadence in this region (SPEC §6 item 8). */
  refusedFlag: boolean;
  productDecisions: ProductDecisionId[];
}

/** How many follow-up dates a plan lists. */
export const FOLLOW_UP_COUNT = 12;

/**
 * The first-contact deadline alone (R1.3.1 W 二(一)1: N working days after registration or recognition;
 * R1.3.2 W 二(一)2: graduates within M months), for the scheduler and the chat reply.
 * @productDecision GRADUATE_FIRST_CONTACT_START, FIRST_CONTACT_DEFAULT_FROM_WENZHOU
 */
export function firstContactDeadline(registeredOn: string, group: FollowUpGroup, pack: RegionPack, calendar: WorkCalendar): DueDate {
  const f = pack.followUp;
  const due =
    isGraduateGroup(group)
      ? { ...calendar.addMonths(registeredOn, f.graduateFirstContact.months), source: f.graduateFirstContact.source, basis: f.graduateFirstContact.basis }
      : { ...calendar.addWorkingDays(registeredOn, f.firstContact.workingDays), source: f.firstContact.source, basis: f.firstContact.basis };
  return { date: due.date, provisional: due.provisional, kind: 'first_contact', source: due.source, basis: due.basis };
}

/**
 * R1.3.1 (W 二(一)1): first contact within 5 working days of registration or recognition; R1.3.2 (W 二(一)2):
 * graduates within 1 month. R1.4.1: monthly follow-up from registration. R1.4.2 (W 二(二)): after a refusal,
 * every 6 months from registration where the pack allows, else monthly with a refused flag. R1.4.3: hardship
 * people and graduates from hardship families every N days (a working day on or after the nominal day).
 * @productDecision GRADUATE_FIRST_CONTACT_START, HARDSHIP_CONTACT_INTERVAL, REFUSAL_MONTHLY_WITH_FLAG, FIRST_CONTACT_DEFAULT_FROM_WENZHOU
 */
export function planFollowUps(input: FollowUpPlanInput, pack: RegionPack, calendar: WorkCalendar): FollowUpPlan {
  const f = pack.followUp;
  const { registeredOn, group } = input;
  const refused = input.refusedMonthly === true;
  const decisions = new Set<ProductDecisionId>();

  const firstContact = firstContactDeadline(registeredOn, group, pack, calendar);
  if (isGraduateGroup(group)) decisions.add('GRADUATE_FIRST_CONTACT_START');
  if (firstContact.basis === 'product_default') decisions.add('FIRST_CONTACT_DEFAULT_FROM_WENZHOU');

  const steps = Array.from({ length: FOLLOW_UP_COUNT }, (_, i) => i + 1);
  let followUps: DueDate[];
  if (refused && f.refusal !== null) {
    const r = f.refusal;
    followUps = steps.map((k) => ({ ...calendar.addMonths(registeredOn, r.everyMonths * k), kind: 'after_refusal', source: r.source, basis: r.basis }));
  } else if (hasHardshipInterval(group) && !refused) {
    const h = f.hardshipInterval;
    decisions.add('HARDSHIP_CONTACT_INTERVAL');
    followUps = steps.map((k) => ({ ...calendar.addWorkingDays(addDays(registeredOn, h.days * k), 0), kind: 'hardship_interval', source: h.source, basis: h.basis }));
  } else {
    const m = f.monthly;
    if (refused) decisions.add('REFUSAL_MONTHLY_WITH_FLAG');
    followUps = steps.map((k) => ({
      ...calendar.addMonths(registeredOn, m.everyMonths * k),
      kind: refused ? 'monthly_refused' : 'monthly',
      source: refused ? f.refusalFallbackSource : m.source,
      basis: refused ? 'spec' : m.basis,
    }));
  }
  return { region: pack.code, firstContact, followUps, refusedFlag: refused && f.refusal === null, productDecisions: [...decisions] };
}
