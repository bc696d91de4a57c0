// The yearly "12333" service quota (R1.5): minimum numbers of policy matchings, career-guidance sessions,
// job recommendations and training notices per year, counted in the current quota year.
import { z } from 'zod';
import type { ProductDecisionId } from '../clauses/product-decisions.ts';
import { addDays, addMonthsClamped, compareDates, isValidPlainDate } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';

export const QUOTA_KINDS = ['policy', 'guidance', 'jobs', 'training'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];

/** One service delivered to the person (a row of the follow-up record, Z 附件3). */
export const quotaContactSchema = z.strictObject({
  date: z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' }),
  kind: z.enum(QUOTA_KINDS),
});
export type QuotaContact = z.infer<typeof quotaContactSchema>;

export interface QuotaItem { kind: QuotaKind; delivered: number; required: number; met: boolean }

export type QuotaProgress =
  | {
      applicable: true;
      region: string;
      /** First and last day (inclusive) of the quota year that contains asOf. */
      yearStart: string;
      yearEnd: string;
      yearRule: 'rolling' | 'calendar';
      items: QuotaItem[];
      allMet: boolean;
      source: string;
      yearSource: string;
      productDecisions: ProductDecisionId[];
    }
  | { applicable: false; region: string; reason: 'NO_QUOTA_IN_REGION' | 'BEFORE_REGISTRATION' };

function quotaYear(rule: 'rolling' | 'calendar', registeredOn: string, asOf: string): { start: string; end: string } {
  if (rule === 'calendar') {
    const year = asOf.slice(0, 4);
    const jan1 = `${year}-01-01`;
    return { start: compareDates(registeredOn, jan1) > 0 ? registeredOn : jan1, end: `${year}-12-31` };
  }
  let k = Math.max(0, Number(asOf.slice(0, 4)) - Number(registeredOn.slice(0, 4)) - 1);
  while (compareDates(addMonthsClamped(registeredOn, 12 * (k + 1)), asOf) <= 0) k += 1;
  return { start: addMonthsClamped(registeredOn, 12 * k), end: addDays(addMonthsClamped(registeredOn, 12 * (k + 1)), -1) };
}

/**
 * Z §四(三): within 1 year at least 2 policy matchings, 3 career-guidance sessions, 3 job recommendations and
 * 3 free-training notices (minimums, not caps). The year is rolling from registration unless the pack says
 * `calendar` (SPEC R1.5.2).
 * @productDecision QUOTA_YEAR_ROLLING
 */
export function quotaProgress(pack: RegionPack, registeredOn: string, contacts: readonly QuotaContact[], asOf: string): QuotaProgress {
  const quota = pack.quota;
  if (quota === null) return { applicable: false, region: pack.code, reason: 'NO_QUOTA_IN_REGION' };
  if (compareDates(asOf, registeredOn) < 0) return { applicable: false, region: pack.code, reason: 'BEFORE_REGISTRATION' };
  const { start, end } = quotaYear(quota.year, registeredOn, asOf);
  const inYear = contacts.filter((c) => compareDates(start, c.date) <= 0 && compareDates(c.date, end) <= 0 && compareDates(c.date, asOf) <= 0);
  const items = QUOTA_KINDS.map((kind): QuotaItem => {
    const delivered = inYear.filter((c) => c.kind === kind).length;
    return { kind, delivered, required: quota[kind], met: delivered >= quota[kind] };
  });
  return {
    applicable: true,
    region: pack.code,
    yearStart: start,
    yearEnd: end,
    yearRule: quota.year,
    items,
    allMet: items.every((i) => i.met),
    source: quota.source,
    yearSource: quota.yearSource,
    productDecisions: quota.year === 'rolling' ? ['QUOTA_YEAR_ROLLING'] : [],
  };
}
