// After delivery: people unreachable for the pack's months or refusing service again and again go on the
// caseworkers' work list as deregistration facts (the region's grounds decide), never deregistered by the bot.
import { serviceDateOf } from '../config/service-time-zone.ts';
import { outreachFacts } from '../domain/outreach/outreach-facts.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import { selectRegionPack } from '../domain/regions/select-region-pack.ts';
import type { OutreachFactDesk } from './outreach-ports.ts';

const LIMIT = 1000;

export async function reportOutreachFacts(desk: OutreachFactDesk, packs: readonly RegionPack[], now: Date): Promise<number> {
  const today = serviceDateOf(now);
  let filed = 0;
  for (const h of await desk.histories(LIMIT)) {
    const lastReached = h.lastReachedAt ?? h.registeredAt;
    const history = {
      lastReachedOn: serviceDateOf(lastReached), failedSince: h.lastFailedAt !== null && h.lastFailedAt > lastReached,
      outcomesNewestFirst: h.outcomesNewestFirst, today,
    };
    for (const ground of outreachFacts(selectRegionPack(packs, h.regionCode, today), history)) {
      await desk.fileFact({ jobSeekerId: h.jobSeekerId, regionCode: h.regionCode, code: ground.code, clause: ground.source, details: { source: 'outreach', lastReachedOn: history.lastReachedOn, forbiddenAsSoleGround: ground.forbiddenAsSoleGround } }, now);
      filed += 1;
    }
  }
  return filed;
}
