// The coverage map (src/domain/clauses/spec-coverage.ts) is the project's own list of the numbered rules of domain
// SPEC §1–§4: each is implemented (in files that exist and name it), a product decision that exists, or out of
// scope with a reason. The SPEC itself lives outside the repository, so it is not read here: when the SPEC gains
// a rule, its id is added to the map by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_DECISIONS } from '../../../src/domain/clauses/product-decisions.ts';
import { SPEC_COVERAGE, type SpecCoverageEntry } from '../../../src/domain/clauses/spec-coverage.ts';

const entries: [string, SpecCoverageEntry][] = Object.entries(SPEC_COVERAGE);
const ids = entries.map(([id]) => id);
const read = (file: string) => readFileSync(join(process.cwd(), file), 'utf8');

describe('SPEC §1–§4 coverage map', () => {
  it('lists the rules of §1–§4 by id: R1.N.M, the §1 sections without R-ids, and 2.N, 3.N, 4.N', () => {
    for (const id of ids) expect(id).toMatch(/^(R1\.\d+\.\d+|1\.\d+|[234]\.\d+)$/u);
    expect(ids).toEqual(expect.arrayContaining(['R1.1.1', 'R1.11.4', '1.8', '1.9', '1.12', '2.1', '2.8', '3.1', '3.5', '4.1', '4.7']));
  });

  it('has no gap in a numbered run (R1.4.1 … R1.4.7, 2.1 … 2.8)', () => {
    const runs = new Map<string, number[]>();
    for (const id of ids) {
      const m = /^(.*)\.(\d+)$/u.exec(id);
      if (m?.[1] === undefined || m[2] === undefined || m[1] === '1') continue;
      runs.set(m[1], [...(runs.get(m[1]) ?? []), Number(m[2])]);
    }
    for (const [prefix, numbers] of runs) expect(numbers.sort((a, b) => a - b), prefix).toEqual(numbers.map((_, i) => i + 1));
  });

  it.each(entries)('%s: its files exist, its product decisions exist, and one of its files names it', (id, entry) => {
    if (entry.status === 'product_decision') {
      expect(Object.keys(PRODUCT_DECISIONS)).toContain(entry.decision);
      return;
    }
    if (entry.status === 'out_of_scope') {
      expect(entry.why.length).toBeGreaterThan(20);
      return;
    }
    expect(entry.where.length).toBeGreaterThan(0);
    for (const file of entry.where) expect(existsSync(join(process.cwd(), file)), file).toBe(true);
    for (const d of entry.decisions ?? []) expect(Object.keys(PRODUCT_DECISIONS)).toContain(d);
    const needle = entry.cites ?? id;
    expect(entry.where.some((file) => read(file).includes(needle)), `no file of ${id} contains "${needle}"`).toBe(true);
  });

  it('every product decision names a rule of the map, or §5/§6 (national framework, conflicts)', () => {
    const strays = Object.entries(PRODUCT_DECISIONS).filter(([, d]) => !ids.includes(d.specRule) && !/^[56](\.\d+)?$/u.test(d.specRule));
    expect(strays.map(([id]) => id)).toEqual([]);
  });

  it('every product decision taken for a rule of §1–§4 is referenced by the map', () => {
    const inMap = new Set<string>(entries.flatMap(([, e]) => (e.status === 'product_decision' ? [e.decision] : e.status === 'implemented' ? [...(e.decisions ?? [])] : [])));
    const forSections1to4 = Object.entries(PRODUCT_DECISIONS).filter(([, d]) => /^R?[1-4]\./u.test(d.specRule));
    expect(forSections1to4.length).toBeGreaterThan(0);
    expect(forSections1to4.map(([id]) => id).filter((id) => !inMap.has(id))).toEqual([]);
  });
});
