// Clause references: every answer of the policy domain cites a real document and section, or a product decision.
// The grammar is one short string so that facts, stored slots and audit rows stay plain JSON:
//   `<source id>#<section>`  e.g. `wenzhou-2022#二(一)1`, `harbin-2010#第三条(五)`, `employment-services-provisions#第六十三条`
//   `<source id>`            the document as a whole
//   `decision:<ID>[@<source ref>]`  a product decision (policy/DECISIONS.md), optionally following a clause
// Source ids name documents in policy/sources.json; sections use the notice's own numbering.
import { z } from 'zod';
import { isProductDecisionId, type ProductDecisionId } from './product-decisions.ts';

/** A document id in policy/sources.json. */
export const SOURCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export interface SourceRef { source: string; section: string | null }
export type ClauseRef =
  | ({ kind: 'source' } & SourceRef)
  | { kind: 'decision'; decision: ProductDecisionId; basedOn: SourceRef | null };

const CN = '[一二三四五六七八九十]+';
/** One level of a section marker, outermost first, with the line-start pattern of that level in a notice. */
export type SectionLevel = 'article' | 'part' | 'item' | 'subItem' | 'point';
interface Level { name: SectionLevel; token: RegExp; lineStart: RegExp }
const LEVELS: readonly Level[] = [
  { name: 'article', token: new RegExp(`^第(${CN})条`, 'u'), lineStart: new RegExp(`^[ \\t\\u3000]*第${CN}条`, 'gmu') },
  { name: 'part', token: new RegExp(`^(${CN})`, 'u'), lineStart: new RegExp(`^[ \\t\\u3000]*${CN}、`, 'gmu') },
  { name: 'item', token: new RegExp(`^\\((${CN})\\)`, 'u'), lineStart: new RegExp(`^[ \\t\\u3000]*\\(${CN}\\)`, 'gmu') },
  { name: 'subItem', token: /^\((\d+)\)/u, lineStart: /^[ \t\u3000]*\(\d+\)/gmu },
  { name: 'point', token: /^(\d+)/u, lineStart: /^[ \t\u3000]*\d+[.、]/gmu },
];

/** One segment of a section: its level, the text as written (`(一)`) and its number as written (`一`). */
export interface SectionSegment { level: SectionLevel; text: string; number: string }

/** Splits `二(一)1` into part 二, item (一), point 1; null when the marker follows no known numbering. */
export function splitSection(section: string): SectionSegment[] | null {
  const parts: SectionSegment[] = [];
  let rest = section;
  while (rest.length > 0) {
    const level = LEVELS.find((l) => l.token.test(rest));
    const m = level?.token.exec(rest);
    if (level === undefined || m === null || m === undefined || m[1] === undefined) return null;
    parts.push({ level: level.name, text: m[0], number: m[1] });
    rest = rest.slice(m[0].length);
  }
  return parts.length > 0 ? parts : null;
}

function parseSourceRef(s: string): SourceRef | null {
  const [source, section, extra] = s.split('#');
  if (source === undefined || extra !== undefined || !SOURCE_ID.test(source)) return null;
  if (section === undefined) return { source, section: null };
  return splitSection(section) === null ? null : { source, section };
}

/** Parses a clause reference; null when it follows none of the forms above. */
export function parseClauseRef(s: string): ClauseRef | null {
  const decision = /^decision:([A-Z0-9_]+)(?:@(.+))?$/u.exec(s);
  if (decision !== null) {
    const id = decision[1] ?? '';
    if (!isProductDecisionId(id)) return null;
    if (decision[2] === undefined) return { kind: 'decision', decision: id, basedOn: null };
    const basedOn = parseSourceRef(decision[2]);
    return basedOn === null ? null : { kind: 'decision', decision: id, basedOn };
  }
  const ref = parseSourceRef(s);
  return ref === null ? null : { kind: 'source', ...ref };
}

/** zod schema for a clause reference, so a region pack cannot carry an uncheckable source. */
export const clauseString = z.string().refine((s) => parseClauseRef(s) !== null, {
  message: 'expected a clause reference like "wenzhou-2022#二(一)1", "harbin-2010#第三条(五)" or "decision:QUOTA_YEAR_ROLLING"',
});

/** The document a reference rests on: its own source, or the clause a decision follows; null for a bare decision. */
export function sourceRefOf(ref: ClauseRef): SourceRef | null {
  return ref.kind === 'source' ? { source: ref.source, section: ref.section } : ref.basedOn;
}

/**
 * True when a section marker (`二(一)1`, `第四条(四)`, `四(三)`) can be found in a notice's `text`: each
 * segment must start a line inside the range of the segment before it.
 */
export function findClauseInText(text: string, section: string): boolean {
  const parts = splitSection(section);
  if (parts === null) return false;
  let start = 0;
  let end = text.length;
  for (const part of parts) {
    const level = LEVELS.find((l) => l.name === part.level);
    if (level === undefined) return false;
    const starts = [...text.slice(start, end).matchAll(level.lineStart)].map((m) => ({ at: start + (m.index ?? 0), label: m[0].trim() }));
    const index = starts.findIndex((s) => s.label === part.text || s.label === `${part.text}.` || s.label === `${part.text}、`);
    const hit = starts[index];
    if (hit === undefined) return false;
    start = hit.at;
    end = starts[index + 1]?.at ?? end;
  }
  return true;
}
