// Whether a caseworker may deregister on the grounds they chose: every ground must be one of the region's,
// and grounds the region forbids as the sole reason (W 二(三)1) need another ground beside them.
import type { RegionPack } from '../regions/region-pack.ts';
import type { DeregistrationGroundCode } from './deregistration-ground.ts';

export type DeregistrationGroundsCheck =
  | { ok: true; grounds: { code: DeregistrationGroundCode; clause: string; notifyPerson: boolean }[] }
  | { ok: false; reason: 'NO_GROUND' }
  | { ok: false; reason: 'GROUND_NOT_IN_REGION'; codes: DeregistrationGroundCode[] }
  /** Only grounds that may never stand alone were chosen; `grounds` carry the clause that says so. */
  | { ok: false; reason: 'SOLE_GROUND_FORBIDDEN'; grounds: { code: DeregistrationGroundCode; clause: string }[] };

/**
 * W 二(三)1: three refusals of services without good reason, or six months without contact, may be recorded
 * but never be the only reason to deregister; the pack marks such grounds `forbiddenAsSoleGround`.
 * @productDecision BOT_NEVER_DEREGISTERS (a caseworker decides; this only refuses what the region forbids)
 */
export function checkDeregistrationGrounds(pack: RegionPack, chosen: readonly DeregistrationGroundCode[]): DeregistrationGroundsCheck {
  const codes = [...new Set(chosen)];
  if (codes.length === 0) return { ok: false, reason: 'NO_GROUND' };
  const missing = codes.filter((code) => !pack.deregistration.grounds.some((g) => g.code === code));
  if (missing.length > 0) return { ok: false, reason: 'GROUND_NOT_IN_REGION', codes: missing };
  const grounds = pack.deregistration.grounds.filter((g) => codes.includes(g.code));
  if (grounds.every((g) => g.forbiddenAsSoleGround)) return { ok: false, reason: 'SOLE_GROUND_FORBIDDEN', grounds: grounds.map((g) => ({ code: g.code, clause: g.clause })) };
  return { ok: true, grounds: grounds.map((g) => ({ code: g.code, clause: g.clause, notifyPerson: g.notifyPerson })) };
}
