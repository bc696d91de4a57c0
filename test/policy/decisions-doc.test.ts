// Product decisions have one set of ids: the code (PRODUCT_DECISIONS), policy/DECISIONS.md and the packs use the
// same ones, each decision is documented, and each is applied somewhere (a pack, the code or the coverage map).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_DECISIONS } from '../../src/domain/clauses/product-decisions.ts';

const root = process.cwd();
const doc = readFileSync(join(root, 'policy', 'DECISIONS.md'), 'utf8');
const documented = [...doc.matchAll(/^## ([A-Z0-9_]+)$/gmu)].map((m) => m[1] ?? '');
const ids = Object.keys(PRODUCT_DECISIONS);

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).map((f) => join(root, dir, f));
}
const packs = filesUnder('policy/regions', '.json').map((f) => readFileSync(f, 'utf8'));
const code = [...filesUnder('src', '.ts'), ...filesUnder('dialogs', '.ts')]
  .filter((f) => !f.endsWith('product-decisions.ts') && !f.includes('generated'))
  .map((f) => readFileSync(f, 'utf8'));

describe('product decisions', () => {
  it('policy/DECISIONS.md documents exactly the decisions of the code, in the same order', () => {
    expect(documented).toEqual(ids);
  });

  it('every decision a pack or the code cites as decision:<ID> exists', () => {
    const cited = [...packs, ...code].flatMap((text) => [...text.matchAll(/decision:([A-Z][A-Z0-9]*_[A-Z0-9_]+)/gu)].map((m) => m[1] ?? ''));
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it.each(ids)('%s is applied by a pack or the code', (id) => {
    expect([...packs, ...code].some((text) => text.includes(id))).toBe(true);
  });

  it.each(ids)('%s is explained in policy/DECISIONS.md', (id) => {
    const section = doc.split(`## ${id}\n`)[1]?.split('\n## ')[0] ?? '';
    expect(section).toContain(PRODUCT_DECISIONS[id as keyof typeof PRODUCT_DECISIONS].decision);
  });
});
