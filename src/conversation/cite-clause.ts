// Turns a clause reference (wenzhou-2022#二(一)1, decision:ID@...) into what a person reads, in their language:
// "温人社发〔2022〕37号 第二部分第（一）项第1点", or "本地设定，参照……，以经办机构确认为准" for a product decision.
// The one place citations get words; chat (through the localizer) and the policy CLI both use it.
import { parseClauseRef, SOURCE_ID, splitSection, type SourceRef } from '../domain/clauses/clause-ref.ts';
import type { PolicySources } from '../domain/clauses/policy-source.ts';
import type { Params } from './dialog-types.ts';

/** Locale text for a key (the `citation.*` keys of locales/*.json). */
export type Say = (key: string, params?: Params) => string;

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 六十三 → 63; digits stay as they are. */
export function numberOf(numeral: string): number {
  if (/^\d+$/u.test(numeral)) return Number(numeral);
  const [tensPart, unitsPart] = numeral.split('十');
  if (unitsPart === undefined) return CN_DIGITS[numeral] ?? 0;
  const tens = tensPart === undefined || tensPart === '' ? 1 : (CN_DIGITS[tensPart] ?? 0);
  return tens * 10 + (unitsPart === '' ? 0 : (CN_DIGITS[unitsPart] ?? 0));
}

function citeSource(ref: SourceRef, sources: PolicySources, say: Say): string | null {
  const doc = sources[ref.source];
  if (doc === undefined) return null;
  if (ref.section === null) return doc.shortName;
  const segments = splitSection(ref.section);
  if (segments === null) return null;
  const section = segments.map((s) => say(`citation.${s.level}`, { n: s.number, num: numberOf(s.number) })).join(say('citation.separator'));
  return say('citation.withSection', { document: doc.shortName, section });
}

/** The citation a person reads; "the applicable policy" when the reference cannot be resolved (never the raw string). */
export function citeClause(ref: string, sources: PolicySources, say: Say): string {
  const parsed = parseClauseRef(ref);
  if (parsed === null) return say('citation.unknown');
  if (parsed.kind === 'source') return citeSource(parsed, sources, say) ?? say('citation.unknown');
  if (parsed.basedOn === null) return say('citation.decision');
  const basis = citeSource(parsed.basedOn, sources, say);
  return basis === null ? say('citation.decision') : say('citation.decisionFollowing', { basis });
}

/** A message value that holds a clause reference: `source` or `<name>Source`. */
export const CITATION_PARAM = /^source$|Source$/u;

/** A value that is (or was meant to be) a reference, not words: an id, a file name, a spec number. */
function isReference(value: string): boolean {
  return parseClauseRef(value) !== null || SOURCE_ID.test(value) || /\.txt|SPEC|§|#|decision:/u.test(value);
}

/**
 * The same values with every clause reference turned into its citation. A value that is already words (a
 * citation put inside a sentence) is kept; anything reference-like that cannot be resolved reads "相关政策规定".
 */
export function citeParams(params: Params, cite: (ref: string) => string): Params {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && CITATION_PARAM.test(k) && isReference(v) ? cite(v) : v]));
}
