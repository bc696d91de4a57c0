// Every numbered rule of domain SPEC §1–§4 is implemented (in files that exist and name it), a product decision
// that exists, or out of scope with a reason. A new rule in the SPEC fails this test until it is mapped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_DECISIONS } from '../../../src/domain/clauses/product-decisions.ts';
import { SPEC_COVERAGE, type SpecCoverageEntry } from '../../../src/domain/clauses/spec-coverage.ts';

const specPath = join(process.cwd(), '..', 'shared', 'domain', 'SPEC.md');
const spec = readFileSync(specPath, 'utf8');

/** The text of §1–§4: from the `## 1.` heading up to the `## 5.` heading. */
function sections1to4(text: string): string {
  const start = text.search(/^## 1\. /mu);
  const end = text.search(/^## 5\. /mu);
  if (start < 0 || end < start) throw new Error('SPEC.md: cannot find the "## 1." and "## 5." headings');
  return text.slice(start, end);
}

/** Rule ids defined in §1–§4: `- R1.4.3` bullets, `- 2.N`/`- 3.N`/`- 4.N` items, and `### 1.N` headings without R-ids. */
function specRuleIds(text: string): string[] {
  const body = sections1to4(text);
  const rIds = [...body.matchAll(/^- (R\d+\.\d+\.\d+)\b/gmu)].map((m) => m[1] ?? '');
  const items = [...body.matchAll(/^- ([234]\.\d+)\b/gmu)].map((m) => m[1] ?? '');
  const bare = [...body.matchAll(/^### (1\.\d+)\b/gmu)]
    .map((m) => m[1] ?? '')
    .filter((section) => !rIds.some((id) => id.startsWith(`R${section}.`)));
  return [...rIds, ...bare, ...items];
}

const ids = specRuleIds(spec);
const entries: [string, SpecCoverageEntry][] = Object.entries(SPEC_COVERAGE);
const map = new Map<string, SpecCoverageEntry>(entries);
const read = (file: string) => readFileSync(join(process.cwd(), file), 'utf8');

describe('SPEC §1–§4 coverage map', () => {
  it('reads the rule ids from SPEC.md', () => {
    expect(ids).toContain('R1.1.1');
    expect(ids).toContain('R1.11.4');
    expect(ids).toEqual(expect.arrayContaining(['1.8', '1.9', '1.12', '2.1', '2.8', '3.1', '3.5', '4.1', '4.7']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every R-id mentioned anywhere in §1–§4 is one of the defined rules', () => {
    const mentioned = new Set([...sections1to4(spec).matchAll(/\bR\d+\.\d+\.\d+\b/gu)].map((m) => m[0]));
    expect([...mentioned].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('every rule of §1–§4 is in the map', () => {
    expect(ids.filter((id) => !map.has(id))).toEqual([]);
  });

  it('the map has no entry for a rule that is not in the SPEC', () => {
    expect([...map.keys()].filter((id) => !ids.includes(id))).toEqual([]);
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

  it('every product decision taken for a rule of §1–§4 is referenced by the map', () => {
    const inMap = new Set<string>(entries.flatMap(([, e]) => (e.status === 'product_decision' ? [e.decision] : e.status === 'implemented' ? [...(e.decisions ?? [])] : [])));
    const forSections1to4 = Object.entries(PRODUCT_DECISIONS).filter(([, d]) => /^SPEC §R?[1-4]\./u.test(d.spec));
    expect(forSections1to4.length).toBeGreaterThan(0);
    expect(forSections1to4.map(([id]) => id).filter((id) => !inMap.has(id))).toEqual([]);
  });
});
