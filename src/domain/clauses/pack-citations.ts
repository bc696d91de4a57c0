// The clauses a region pack cites, and the checks that each rests on a document the pack declares:
// a pack that cites an undeclared or unknown document, or calls a product default a rule, cannot load.
import { parseClauseRef, sourceRefOf } from './clause-ref.ts';
import type { PolicySources } from './policy-source.ts';

/** A field that holds a clause reference: `source`, `clause` or any `<name>Source`. */
const CLAUSE_KEY = /^(?:source|clause)$|Source$/u;

/** Every clause reference in a pack (or any JSON value), with the path where it sits. */
export function collectClauseRefs(value: unknown, path = ''): { path: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => collectClauseRefs(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof v === 'string' && CLAUSE_KEY.test(key)) return [{ path: at, ref: v }];
    return collectClauseRefs(v, at);
  });
}

/** A parameter with a `basis`: a product default must cite a decision, a rule must cite a document. */
function basisIssues(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => basisIssues(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  const own: string[] = [];
  const basis: unknown = Reflect.get(value, 'basis');
  const source: unknown = Reflect.get(value, 'source');
  if (typeof basis === 'string' && typeof source === 'string') {
    const ref = parseClauseRef(source);
    if (basis === 'product_default' && ref?.kind !== 'decision') own.push(`${path}.source: a product default must cite a decision ("decision:<ID>")`);
    if (basis !== 'product_default' && ref?.kind === 'decision') own.push(`${path}.basis: cites ${source}, so the basis is "product_default"`);
  }
  const nested = Object.entries(value).flatMap(([key, v]) => basisIssues(v, path === '' ? key : `${path}.${key}`));
  return [...own, ...nested];
}

/**
 * Problems with a pack's citations, one line each (empty when all is well): every reference parses, rests on a
 * document listed in the pack's `sources`, and every listed document is known.
 */
export function packCitationIssues(pack: { sources: readonly string[] }, sources: PolicySources): string[] {
  const issues = pack.sources.filter((id) => sources[id] === undefined).map((id) => `sources: "${id}" is not in policy/sources.json`);
  for (const { path, ref } of collectClauseRefs(pack)) {
    const parsed = parseClauseRef(ref);
    if (parsed === null) {
      issues.push(`${path}: "${ref}" is not a clause reference`);
      continue;
    }
    const doc = sourceRefOf(parsed);
    if (doc !== null && !pack.sources.includes(doc.source)) issues.push(`${path}: cites "${doc.source}", which the pack's sources do not list`);
  }
  return [...issues, ...basisIssues(pack)];
}
