// Chooses the one region pack that governs a place on a date. The only place that makes this choice.
import { compareDates } from '../dates/plain-date.ts';
import type { RegionPack } from './region-pack.ts';

/** True when `asOf` lies inside the pack's effective period (both ends inclusive). */
export function isPackEffective(pack: RegionPack, asOf: string): boolean {
  return compareDates(pack.effectiveFrom, asOf) <= 0 && (pack.effectiveTo === null || compareDates(asOf, pack.effectiveTo) <= 0);
}

function matchLength(pack: RegionPack, regionCode: string): number {
  return Math.max(0, ...pack.regionCodes.filter((p) => regionCode.startsWith(p)).map((p) => p.length));
}

/**
 * The pack for a GB/T 2260 region code (e.g. "330302") on `asOf`: among effective packs covering the code,
 * the most specific region prefix wins, then the latest effectiveFrom; otherwise the effective fallback
 * (national) pack. Throws when not even a fallback is effective (a configuration error).
 * @productDecision REGION_PACK_SELECTION (SPEC §6 item 10: rules are a region × effective-date table)
 */
export function selectRegionPack(packs: readonly RegionPack[], regionCode: string, asOf: string): RegionPack {
  const effective = packs.filter((p) => isPackEffective(p, asOf));
  const ranked = effective
    .map((pack) => ({ pack, match: matchLength(pack, regionCode) }))
    .filter((c) => c.match > 0)
    .sort((a, b) => b.match - a.match || compareDates(b.pack.effectiveFrom, a.pack.effectiveFrom));
  const best = ranked[0]?.pack ?? effective.find((p) => p.fallback);
  if (best === undefined) throw new Error(`no region pack for ${regionCode} on ${asOf} and no national fallback`);
  return best;
}
