// Test helpers: the repository's region packs by code, and synthetic valid ID numbers for a birth date and sex.
import { findRegionPack, loadRegionPacks } from '../../../src/config/load-region-packs.ts';
import { checkCharacter } from '../../../src/domain/identity/id-number.ts';
import type { RegionPack } from '../../../src/domain/regions/region-pack.ts';

export const PACKS: RegionPack[] = loadRegionPacks();

export function pack(code: string): RegionPack {
  const p = findRegionPack(PACKS, code);
  if (p === undefined) throw new Error(`no pack ${code}`);
  return p;
}

/** A valid 18-digit ID number (synthetic) for a region, birth date YYYY-MM-DD and sex. */
export function idFor(birthDate: string, sex: 'M' | 'F', region = '330302'): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sex === 'M' ? '013' : '024'}`;
  return `${first17}${checkCharacter(first17)}`;
}
