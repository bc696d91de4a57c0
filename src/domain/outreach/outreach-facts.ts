// Facts outreach itself learns about a person (unreachable for months, service refused again and again) as the
// region's deregistration grounds see them. Facts for a caseworker to review, never a deregistration.
import { REFUSED_SERVICE } from '../contact/contact-outcomes.ts';
import { assessDeregistrationGrounds, type GroundFinding } from '../deregistration/assess-deregistration-grounds.ts';
import type { DeregistrationFacts } from '../deregistration/deregistration-ground.ts';
import { addMonthsClamped, compareDates } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';

export interface OutreachHistory {
  /** Last day the person was reached (a delivered message or their reply), or the registration day. */
  lastReachedOn: string;
  /** Whether any attempt since then ended undeliverable (silence alone is not "unreachable"). */
  failedSince: boolean;
  /** Outcomes of the person's answers, newest first (`refused_service` counts; outreach's own sends are not answers). */
  outcomesNewestFirst: readonly string[];
  today: string;
}

/** Whole months from `from` to `to` (民法典 month counting, as addMonthsClamped). */
export function wholeMonthsBetween(from: string, to: string): number {
  let n = 0;
  while (n < 1200 && compareDates(addMonthsClamped(from, n + 1), to) <= 0) n += 1;
  return n;
}

/** The grounds outreach itself can learn about. */
export const OUTREACH_GROUNDS = ['NO_CONTACT', 'REFUSED_SERVICES'] as const;
export type OutreachGround = (typeof OUTREACH_GROUNDS)[number];

/** What the ledger and the outreach rows say about one person, as instants. */
export interface OutreachRecord {
  registeredAt: Date;
  /** Last time the person was reached: a delivered message, a reply, a contact that reached them. */
  lastReachedAt: Date | null;
  /** Last attempt that failed: an undeliverable message, a call nobody answered. */
  lastFailedAt: Date | null;
  /** The person's answers (chat replies, contacts a caseworker logged that reached them), newest first. */
  answersNewestFirst: readonly { outcome: string; at: Date }[];
  /** When a caseworker last decided a case on each ground for this person. */
  decidedAt: Partial<Record<OutreachGround, Date>>;
}

/**
 * The history one ground weighs (R1.9 Z grounds 8 and 9). Once a caseworker has decided a case on the ground (kept
 * serving the person), only later evidence counts: silence from the decision on, refusals after it. So a decided
 * fact comes back only with new evidence. `dayOf` gives an instant's service day.
 * @productDecision DECIDED_FACT_NEEDS_NEW_EVIDENCE
 */
export function historyFor(ground: OutreachGround, r: OutreachRecord, today: string, dayOf: (at: Date) => string): OutreachHistory {
  const decided = r.decidedAt[ground] ?? null;
  const reached = r.lastReachedAt !== null && r.lastReachedAt > r.registeredAt ? r.lastReachedAt : r.registeredAt;
  const from = decided !== null && decided > reached ? decided : reached;
  return {
    lastReachedOn: dayOf(from),
    failedSince: r.lastFailedAt !== null && r.lastFailedAt > from,
    outcomesNewestFirst: r.answersNewestFirst.filter((a) => decided === null || a.at > decided).map((a) => a.outcome),
    today,
  };
}

/**
 * The NO_CONTACT and REFUSED_SERVICES grounds of the pack (national art. 66 via the packs; W 二(三)1 forbids them
 * as the sole ground) that the outreach history meets. Each finding needs a caseworker; the bot never deregisters.
 * @productDecision BOT_NEVER_DEREGISTERS
 */
export function outreachFacts(pack: RegionPack, h: OutreachHistory): GroundFinding[] {
  const consecutiveRefusals = consecutiveRefusalsOf(h);
  const monthsWithoutContact = h.failedSince ? wholeMonthsBetween(h.lastReachedOn, h.today) : 0;
  const assessment = assessDeregistrationGrounds(pack, { consecutiveRefusals, monthsWithoutContact });
  return assessment.grounds.filter((g) => g.status === 'applies' && (g.code === 'NO_CONTACT' || g.code === 'REFUSED_SERVICES'));
}

/** The finding for one ground with the facts it rests on (what a caseworker reviews), or null when it does not apply. */
export function outreachFactFor(pack: RegionPack, ground: OutreachGround, h: OutreachHistory): { finding: GroundFinding; facts: DeregistrationFacts } | null {
  const finding = outreachFacts(pack, h).find((g) => g.code === ground);
  if (!finding) return null;
  const facts: DeregistrationFacts = ground === 'NO_CONTACT' ? { monthsWithoutContact: wholeMonthsBetween(h.lastReachedOn, h.today) } : { consecutiveRefusals: consecutiveRefusalsOf(h) };
  return { finding, facts };
}

function consecutiveRefusalsOf(h: OutreachHistory): number {
  const first = h.outcomesNewestFirst.findIndex((o) => o !== REFUSED_SERVICE);
  return first === -1 ? h.outcomesNewestFirst.length : first;
}
