// What happens when a person declines monthly follow-up (R1.4.2): some regions then contact them every
// N months from registration; elsewhere the office still contacts them monthly and records the refusal.
import type { RegionPack } from '../regions/region-pack.ts';

export type FollowUpAfterRefusal =
  | { cadence: 'every_n_months'; everyMonths: number; source: string }
  | { cadence: 'monthly'; source: string };

/**
 * R1.4.2 (W 二(二)): after a refusal, every 6 months counted from the registration date, where the region pack
 * allows it (`followUp.refusal`); otherwise monthly follow-up continues (R1.4.1, `refusalFallbackSource`).
 */
export function followUpAfterRefusal(pack: RegionPack): FollowUpAfterRefusal {
  const refusal = pack.followUp.refusal;
  if (refusal !== null) return { cadence: 'every_n_months', everyMonths: refusal.everyMonths, source: refusal.source };
  return { cadence: 'monthly', source: pack.followUp.refusalFallbackSource };
}
