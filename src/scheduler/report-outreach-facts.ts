// After delivery: people unreachable for the pack's months or refusing service again and again go on the
// caseworkers' work list as deregistration facts (the region's grounds decide), never deregistered by the bot.
// Every candidate is looked at, a page at a time; a ground already open, or decided with no new evidence since, is not filed.
import { serviceDateOf } from '../config/service-time-zone.ts';
import { historyFor, OUTREACH_GROUNDS, outreachFactFor } from '../domain/outreach/outreach-facts.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import type { OutreachFactDesk } from './outreach-ports.ts';

const PAGE = 500;

/**
 * Files the NO_CONTACT and REFUSED_SERVICES facts the outreach history meets (R1.9; W 二(三)1 forbids them as the
 * sole ground, which the review desk enforces). Returns how many were filed.
 * @productDecision BOT_NEVER_DEREGISTERS, DECIDED_FACT_NEEDS_NEW_EVIDENCE
 */
export async function reportOutreachFacts(desk: OutreachFactDesk, packs: readonly RegionPack[], now: Date): Promise<number> {
  const today = serviceDateOf(now);
  let filed = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await desk.histories({ afterId, limit: PAGE });
    for (const h of page) {
      const pack = selectRegionPack(packs, h.regionCode, today);
      for (const ground of OUTREACH_GROUNDS) {
        if (h.openGrounds.includes(ground)) continue;
        const history = historyFor(ground, h, today, serviceDateOf);
        const fact = outreachFactFor(pack, ground, history);
        if (!fact) continue;
        const details = { source: 'outreach', lastReachedOn: history.lastReachedOn, forbiddenAsSoleGround: fact.finding.forbiddenAsSoleGround, reportedOn: today };
        const done = await desk.fileFact({ jobSeekerId: h.jobSeekerId, registrationId: h.registrationId, regionCode: h.regionCode, code: ground, clause: fact.finding.source, facts: fact.facts, details }, now);
        if (done) filed += 1;
      }
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    afterId = last.registrationId;
  }
  return filed;
}
