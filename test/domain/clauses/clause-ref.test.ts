// Every clause a region pack cites must exist: seed markers in the seed text, SPEC sections in SPEC.md.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClauseInText, findSpecSection, parseClauseRef } from '../../../src/domain/clauses/clause-ref.ts';
import { PRODUCT_DECISIONS } from '../../../src/domain/clauses/product-decisions.ts';
import { SERVICE_LOCATION_SOURCES } from '../../../src/domain/service-location/determine-service-location.ts';
import { PACKS } from '../regions/test-packs.ts';

const SHARED = [resolve('/work/shared'), resolve(process.cwd(), '../shared')].find((d) => existsSync(join(d, 'seeds')));
const seedText = (file: string) => readFileSync(join(SHARED ?? '', 'seeds', file), 'utf8');
const specText = () => readFileSync(join(SHARED ?? '', 'domain', 'SPEC.md'), 'utf8');

/** Every string under a key named source, clause, *Source, in a JSON value. */
function clauseStrings(value: unknown, path = ''): { path: string; clause: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => clauseStrings(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'string' && (k === 'clause' || k === 'source' || k.endsWith('Source')) ? [{ path: `${path}.${k}`, clause: v }] : clauseStrings(v, `${path}.${k}`),
    );
  }
  return [];
}

function exists(clause: string): boolean {
  const ref = parseClauseRef(clause);
  if (ref === null) return false;
  return ref.kind === 'seed' ? findClauseInText(seedText(ref.file), ref.marker) : findSpecSection(specText(), ref.section);
}

describe('clause references', () => {
  it('finds the shared seeds', () => expect(SHARED).toBeDefined());

  const all = PACKS.flatMap((p) => clauseStrings(p, p.code));
  it.each(all)('$path → $clause exists in the seed text or SPEC', ({ clause }) => {
    expect(exists(clause)).toBe(true);
  });

  it.each(Object.values(SERVICE_LOCATION_SOURCES))('service location source %s exists', (clause) => expect(exists(clause)).toBe(true));

  it.each(Object.entries(PRODUCT_DECISIONS))('product decision %s names an existing SPEC section', (_id, d) => {
    expect(exists(`${d.spec} (x)`)).toBe(true);
  });

  it('every hardship category of every pack cites a clause that exists', () => {
    for (const p of PACKS) for (const c of p.hardship.categories) expect(exists(c.clause), `${p.code} ${c.code}`).toBe(true);
  });

  it.each([
    ['000_aba3bb2308e92d1e.txt', '二(四)'],
    ['001_41832e43d0a99baf.txt', '第三条(十一)'],
    ['002_5d9333e2ff362513.txt', '二(一)12'],
    ['002_5d9333e2ff362513.txt', '「不存在的句子」'],
  ])('rejects a marker that is not in the text: %s §%s', (file, marker) => {
    expect(findClauseInText(seedText(file), marker)).toBe(false);
  });

  it('Z closing paragraph is citable by quote (R1.1.4)', () => {
    expect(exists('002_5d9333e2ff362513.txt §「不得以人户分离、户籍不在本地等为由不受理」')).toBe(true);
  });

  it('parses both forms and refuses free text', () => {
    expect(parseClauseRef('002_5d9333e2ff362513.txt §二(一)8')).toEqual({ kind: 'seed', file: '002_5d9333e2ff362513.txt', marker: '二(一)8' });
    expect(parseClauseRef('SPEC §1.8 (浙人社发〔2025〕59号, needs confirmation)')).toEqual({ kind: 'spec', section: '1.8' });
    expect(parseClauseRef('Wenzhou notice section 2')).toBeNull();
  });
});
