// Long-term unemployment counts unbroken registration time. In Wenzhou (W 一(二)) registrations that move
// between places in the same province without a break add up; elsewhere only the same place counts.
import { z } from 'zod';
import { addDays, compareDates, isValidPlainDate } from '../dates/plain-date.ts';
import type { RegionPack } from '../regions/region-pack.ts';

const plainDate = z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' });

/** One unemployment registration: open while `to` is absent. `place` is a region code, `province` its first 2 digits. */
export const registrationSpellSchema = z.strictObject({
  from: plainDate,
  to: plainDate.optional(),
  place: z.string().min(1),
  province: z.string().min(1),
});
export type RegistrationSpell = z.infer<typeof registrationSpellSchema>;

export interface UnbrokenRegistration {
  /** Start of the unbroken registration that is valid on asOf; null when none is valid then. */
  registeredSince: string | null;
  /** The spells joined into it, latest first. */
  spells: RegistrationSpell[];
  source: string | null;
}

function isActive(spell: RegistrationSpell, asOf: string): boolean {
  return compareDates(spell.from, asOf) <= 0 && (spell.to === undefined || compareDates(asOf, spell.to) <= 0);
}

/**
 * The start of the unbroken registration valid on `asOf`, to feed the profile's `registeredSince`.
 * A spell continues the next one when the next starts no later than the day after it ends, and it is
 * at the same place, or (where the pack merges, W 一(二)) anywhere in the same province.
 * @productDecision HARDSHIP_REGISTRATION_GAP
 */
export function unbrokenRegistration(pack: RegionPack, history: readonly RegistrationSpell[], asOf: string): UnbrokenRegistration {
  const merge = pack.hardship.mergeRegistrationInProvince;
  const current = history.filter((s) => isActive(s, asOf)).sort((a, b) => compareDates(b.from, a.from))[0];
  if (current === undefined) return { registeredSince: null, spells: [], source: pack.hardship.mergeSource };
  const spells = [current];
  let head = current;
  for (;;) {
    const joined = history
      .filter((s) => s.to !== undefined && !spells.includes(s))
      .filter((s) => compareDates(s.from, head.from) < 0 && compareDates(head.from, addDays(s.to ?? s.from, 1)) <= 0)
      .filter((s) => s.place === head.place || (merge && s.province === head.province))
      .sort((a, b) => compareDates(a.from, b.from))[0];
    if (joined === undefined) break;
    spells.push(joined);
    head = joined;
  }
  return { registeredSince: head.from, spells, source: merge ? pack.hardship.mergeSource : null };
}
