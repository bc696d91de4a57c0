// Clause references: every answer of the policy domain cites `<seed file> §<section>` or `SPEC §<n> (...)`.
// This file parses those strings and finds a section marker in a text, so tests can prove each cited clause exists.
import { z } from 'zod';

/** A seed reference: `002_5d9333e2ff362513.txt §二(一)8`, `001_41832e43d0a99baf.txt §第三条(五)`, or a quote `§「…」`. */
const SEED_REF = /^(\d{3}_[0-9a-f]{16}\.txt) §(\S+)(?: \(.+\))?$/u;
/** A spec reference: `SPEC §1.8 (浙人社发〔2025〕59号, needs confirmation)` or `SPEC §R1.4.3 (...)`. */
const SPEC_REF = /^SPEC §(R?\d+(?:\.\d+)*)(?: \(.+\))?$/u;

export type ClauseRef =
  | { kind: 'seed'; file: string; marker: string }
  | { kind: 'spec'; section: string };

/** zod schema for a clause string, so a region pack cannot carry an uncheckable source. */
export const clauseString = z.string().refine((s) => parseClauseRef(s) !== null, {
  message: 'expected a clause reference like "002_5d9333e2ff362513.txt §二(一)8" or "SPEC §1.8 (...)"',
});

/** Parses a clause string; null when it follows neither form. */
export function parseClauseRef(s: string): ClauseRef | null {
  const seed = SEED_REF.exec(s);
  if (seed?.[1] !== undefined && seed[2] !== undefined) return { kind: 'seed', file: seed[1], marker: seed[2] };
  const spec = SPEC_REF.exec(s);
  if (spec?.[1] !== undefined) return { kind: 'spec', section: spec[1] };
  return null;
}

const CN = '[一二三四五六七八九十]+';
type Level = { token: RegExp; lineStart: RegExp };
/** Marker segments, outermost first, each with the line-start pattern of its level in the notice text. */
const LEVELS: readonly Level[] = [
  { token: new RegExp(`^第${CN}条`, 'u'), lineStart: new RegExp(`^[ \\t\\u3000]*第${CN}条`, 'gmu') },
  { token: new RegExp(`^${CN}`, 'u'), lineStart: new RegExp(`^[ \\t\\u3000]*${CN}、`, 'gmu') },
  { token: new RegExp(`^\\(${CN}\\)`, 'u'), lineStart: new RegExp(`^[ \\t\\u3000]*\\(${CN}\\)`, 'gmu') },
  { token: /^\(\d+\)/u, lineStart: /^[ \t\u3000]*\(\d+\)/gmu },
  { token: /^\d+/u, lineStart: /^[ \t\u3000]*\d+[.、]/gmu },
];

function splitMarker(marker: string): { text: string; level: Level }[] | null {
  const parts: { text: string; level: Level }[] = [];
  let rest = marker;
  while (rest.length > 0) {
    const level = LEVELS.find((l) => l.token.test(rest));
    const m = level?.token.exec(rest);
    if (level === undefined || m === null || m === undefined) return null;
    parts.push({ text: m[0], level });
    rest = rest.slice(m[0].length);
  }
  return parts;
}

/**
 * True when a section marker (`二(一)1`, `第四条(四)`, `四(三)`) or a quote (`「不得以人户分离」`) can be
 * found in `text`: each segment must start a line inside the range of the segment before it.
 */
export function findClauseInText(text: string, marker: string): boolean {
  const quote = /^「(.+)」$/u.exec(marker);
  if (quote?.[1] !== undefined) return text.includes(quote[1]);
  const parts = splitMarker(marker);
  if (parts === null || parts.length === 0) return false;
  let start = 0;
  let end = text.length;
  for (const { text: part, level } of parts) {
    const starts = [...text.slice(start, end).matchAll(level.lineStart)].map((m) => ({
      at: start + (m.index ?? 0),
      label: m[0].trim(),
    }));
    const index = starts.findIndex((s) => s.label === part || s.label === `${part}.` || s.label === `${part}、`);
    const hit = starts[index];
    if (hit === undefined) return false;
    start = hit.at;
    end = starts[index + 1]?.at ?? end;
  }
  return true;
}

/** True when SPEC.md has a heading or bullet numbered `section` (`## 6.`, `### 1.8`, `- 5.2`, `- R1.4.3`). */
export function findSpecSection(specText: string, section: string): boolean {
  const escaped = section.replace(/\./g, '\\.');
  return new RegExp(`^\\s*(#{2,4}|-)\\s+${escaped}[.\\s]`, 'mu').test(specText);
}
