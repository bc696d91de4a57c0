// Facts outreach itself learns about a person (unreachable for months, service refused again and again) as the
// region's deregistration grounds see them. Facts for a caseworker to review, never a deregistration.
import { assessDeregistrationGrounds, type GroundFinding } from '../deregistration/assess-deregistration-grounds.ts';
import { addMonthsClamped, compareDates } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';

export interface OutreachHistory {
  /** Last day the person was reached (a delivered message or their reply), or the registration day. */
  lastReachedOn: string;
  /** Whether any attempt since then ended undeliverable (silence alone is not "unreachable"). */
  failedSince: boolean;
  /** Outcomes of the person's recorded contacts, newest first (`refused_service` counts). */
  outcomesNewestFirst: readonly string[];
  today: string;
}

/** Whole months from `from` to `to` (民法典 month counting, as addMonthsClamped). */
export function wholeMonthsBetween(from: string, to: string): number {
  let n = 0;
  while (n < 1200 && compareDates(addMonthsClamped(from, n + 1), to) <= 0) n += 1;
  return n;
}

/**
 * The NO_CONTACT and REFUSED_SERVICES grounds of the pack (national art. 66 via the packs; W 二(三)1 forbids them
 * as the sole ground) that the outreach history meets. Each finding needs a caseworker; the bot never deregisters.
 * @productDecision BOT_NEVER_DEREGISTERS
 */
export function outreachFacts(pack: RegionPack, h: OutreachHistory): GroundFinding[] {
  const refusals = h.outcomesNewestFirst.findIndex((o) => o !== 'refused_service');
  const consecutiveRefusals = refusals === -1 ? h.outcomesNewestFirst.length : refusals;
  const monthsWithoutContact = h.failedSince ? wholeMonthsBetween(h.lastReachedOn, h.today) : 0;
  const assessment = assessDeregistrationGrounds(pack, { consecutiveRefusals, monthsWithoutContact });
  return assessment.grounds.filter((g) => g.status === 'applies' && (g.code === 'NO_CONTACT' || g.code === 'REFUSED_SERVICES'));
}
