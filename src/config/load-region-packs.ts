// Loads and validates the region rule packs in policy/regions/*.json. A bad pack stops start-up with one line
// naming the file and the field path, e.g. `policy/regions/x.json: quota.jobs: expected number`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { regionPackSchema, type RegionPack } from '../domain/regions/region-pack.ts';
import { packCitationIssues } from '../domain/clauses/pack-citations.ts';
import { loadPolicySources } from './load-policy-sources.ts';

/** The repository's policy/regions directory. */
export const DEFAULT_REGION_PACK_DIR = fileURLToPath(new URL('../../policy/regions/', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class RegionPackError extends Error {}

/** One line per zod issue: `<path>: <what was expected>`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(root)';
  const what = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
  return `${path}: ${what}`;
}

function displayName(file: string): string {
  const rel = relative(PROJECT_ROOT, file);
  return rel.startsWith('..') ? file : rel;
}

/** Parses one pack file; throws RegionPackError naming the file and the first bad field. */
export function loadRegionPackFile(file: string): RegionPack {
  const name = displayName(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RegionPackError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = regionPackSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new RegionPackError(`${name}: ${first === undefined ? 'invalid pack' : describeIssue(first)}`);
  }
  const expected = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (result.data.code !== expected) throw new RegionPackError(`${name}: code: expected "${expected}" (the file name)`);
  const [citation] = packCitationIssues(result.data, loadPolicySources());
  if (citation !== undefined) throw new RegionPackError(`${name}: ${citation}`);
  return result.data;
}

/** Every pack in `dir` (default policy/regions), validated; throws on the first bad file or a missing fallback. */
export function loadRegionPacks(dir: string = DEFAULT_REGION_PACK_DIR): RegionPack[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const packs = files.map((f) => loadRegionPackFile(join(dir, f)));
  if (!packs.some((p) => p.fallback)) throw new RegionPackError(`${displayName(dir)}: no pack has "fallback": true (national)`);
  return packs;
}

/** The pack with this code, or the only one whose code starts with `<code>-` (e.g. "zhanjiang"); else undefined. */
export function findRegionPack(packs: readonly RegionPack[], code: string): RegionPack | undefined {
  const exact = packs.find((p) => p.code === code);
  if (exact !== undefined) return exact;
  const prefixed = packs.filter((p) => p.code.startsWith(`${code}-`));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
