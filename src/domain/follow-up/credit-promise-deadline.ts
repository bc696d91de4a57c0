// Credit-promise processing (信用承诺 / 容缺办理, R1.7.1): a case accepted on a written promise is finished
// within N working days. Only regions whose notice says so have this rule.
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { RegionPack } from '../regions/region-pack.ts';

export interface CreditPromiseDeadline { date: string; provisional: boolean; source: string }

/**
 * Z §五(一): 7 working days after the application (start day not counted, R1.3.3). Null where the pack has
 * no credit-promise rule.
 */
export function creditPromiseDeadline(pack: RegionPack, acceptedOn: string, calendar: WorkCalendar): CreditPromiseDeadline | null {
  const rule = pack.followUp.creditPromise;
  if (rule === null) return null;
  return { ...calendar.addWorkingDays(acceptedOn, rule.workingDays), source: rule.source };
}
