// Every regular expression that can see user text runs in linear time: each regex literal of the code that
// handles chat input (collected from the source, so a new one is covered the day it is written) and each
// text parser is run on 100 KB adversarial inputs; its time is compared with a plain loop over the same
// input measured in the same run (a ratio, so a slow machine does not fail it; a quadratic regex takes
// thousands of times the loop, seconds on this input). An input over the budget fails only if its time also
// grows faster than its length (a busy machine can slow one linear pass past the budget; it stays linear).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { detectGlobalCommand, normalizeInput } from '../../src/conversation/global-commands.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import { matchMenuIntent } from '../../src/conversation/main-menu.ts';
import { resolveChoice } from '../../src/conversation/reply-renderer.ts';
import { followUpAnswer } from '../../src/conversation/answers/follow-up-answers.ts';
import { retirementCategoryAnswer, yesNoUnknownAnswer } from '../../src/conversation/answers/hardship-answers.ts';
import { idNumberAnswer, nameAnswer, phoneAnswer } from '../../src/conversation/answers/identity-answers.ts';
import { freeTextAnswer, placeAnswer } from '../../src/conversation/answers/registration-answers.ts';
import { parseSpokenDate } from '../../src/domain/dates/parse-spoken-date.ts';
import { parseIdNumber } from '../../src/domain/identity/id-number.ts';
import { parseMobileNumber } from '../../src/domain/contact/mobile-number.ts';
import { parsePersonName } from '../../src/domain/contact/person-name.ts';
import { parsePlaceName } from '../../src/domain/registration/place-name.ts';
import { maskPersonalNumbers } from '../../src/logging/mask-personal-numbers.ts';
import { plainTextOf } from '../../src/channels/plain-text.ts';
import { maskJsonStrings } from '../../src/logging/mask-json.ts';
import { normalizeDigits } from '../../src/domain/identity/normalize-digits.ts';
import type { ParseContext } from '../../src/conversation/dialog-types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Code that sees text typed by a user (or built from it). */
const USER_TEXT_DIRS = ['src/conversation', 'src/domain', 'src/logging', 'src/channels', 'src/http', 'src/caseworker', 'dialogs'];
const SIZE = 100_000;
/** A linear pass of a regex costs a few dozen loop passes at most; a quadratic one costs ~SIZE of them. */
const MAX_RATIO = 2000;

/** Characters an attacker would pump: separators, digits of several scripts, the punctuation our patterns strip. */
const PUMP_CHARS = [' ', '\t', '\u3000', '.', '。', '!', '！', '?', '？', ',', '，', '-', '—', '+', ':', '0', '1', '8', '６', '𝟏', '٣', 'X', 'x', 'a', '年', '月', '十', '一', '·', '{', '}', '号', '起'];

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(relative(ROOT, path));
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every regex literal in the files, with where it is. */
function regexLiterals(): { where: string; regex: RegExp }[] {
  const found: { where: string; regex: RegExp }[] = [];
  for (const file of USER_TEXT_DIRS.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${relative(ROOT, file)}:${line} ${text}`, regex: new RegExp(text.slice(1, end), text.slice(end + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const PAIRS = ['1 ', '1-', '. ', '十一', 'a:', ':a', '{{', 'x1', '1\u3000'];
const inputCache = new Map<string, string[]>();

/** Inputs of SIZE characters: one or two pumped characters (from our list and from the pattern itself), then a character that makes the match fail. */
function adversarialInputs(extra: string): string[] {
  const own = [...new Set([...extra].filter((c) => !'\\^$()[]{}|*+?/'.includes(c) && c.trim() !== '' && !PUMP_CHARS.includes(c)))].slice(0, 12);
  return [...PUMP_CHARS, ...PAIRS, ...own].flatMap((pump) => {
    const known = inputCache.get(pump);
    if (known) return known;
    const body = pump.repeat(Math.ceil(SIZE / pump.length)).slice(0, SIZE);
    const made = [`${body}\u0001`];
    inputCache.set(pump, made);
    return made;
  });
}

const baselines = new Map<string, number>();

/** The same-run yardstick: a plain loop over the code units of the input (fastest of three). */
function loopMs(input: string): number {
  const known = baselines.get(input);
  if (known !== undefined) return known;
  const ms = fastest(() => {
    let sum = 0;
    for (let i = 0; i < input.length; i += 1) sum = (sum + input.charCodeAt(i)) | 0;
    return sum;
  });
  baselines.set(input, ms);
  return ms;
}

let _sink: unknown;
function fastest(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    _sink = run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Time for 4× the input: about 4 for a linear pass, about 16 for a quadratic one. */
const SUPERLINEAR_GROWTH = 8;
function growth(input: string, run: (input: string) => unknown): number {
  const quarter = input.slice(0, Math.floor(input.length / 4)) + input.slice(-1);
  return fastest(() => run(input)) / Math.max(fastest(() => run(quarter)), 0.01);
}

/** The worst ratio of `run` over the inputs, and the input that gave it (an input over the budget counts only if its time grows faster than its length). */
function worstRatio(inputs: string[], run: (input: string) => unknown): { ratio: number; input: string } {
  let worst = { ratio: 0, input: '' };
  for (const input of inputs) {
    const start = performance.now();
    _sink = run(input);
    const first = performance.now() - start;
    // Only a slow first run is measured again (most inputs are far below the budget).
    const base = Math.max(loopMs(input), 0.02);
    if (first / base <= worst.ratio || first / base <= MAX_RATIO / 2) continue;
    // Far over the budget (seconds): no need to wait for it twice more.
    const ratio = first / base > MAX_RATIO * 8 ? first / base : fastest(() => run(input)) / base;
    // Over the budget on a busy machine, but linear: a quarter of the input takes about a quarter of the time.
    if (ratio > MAX_RATIO && ratio <= MAX_RATIO * 8 && growth(input, run) < SUPERLINEAR_GROWTH) continue;
    if (ratio > worst.ratio) worst = { ratio, input };
    if (ratio > MAX_RATIO) break; // one input over the budget is enough to fail
  }
  return worst;
}

const localizer = createLocalizer(readLocaleResources());
const ctx: ParseContext = {
  today: '2025-03-11',
  locale: 'zh-CN',
  policy: { pack: undefined as never, calendar: undefined as never },
  cite: (ref: string) => ref,
  mask: (_s, v) => String(v),
  label: (k) => k,
  phrases: (key) => ['zh-CN', 'en'].flatMap((l) => localizer.list(l === 'en' ? 'en' : 'zh-CN', key)),
  slots: {},
};

const PARSERS: Record<string, (input: string) => unknown> = {
  normalizeInput,
  detectGlobalCommand: (s) => detectGlobalCommand(s, localizer),
  matchMenuIntent: (s) => matchMenuIntent(s, localizer),
  resolveChoice: (s) => resolveChoice(s, [{ title: '是', value: 'yes', label: 'x' }], () => ['yes']),
  followUpAnswer: (s) => followUpAnswer(s, ctx),
  yesNoUnknownAnswer,
  retirementCategoryAnswer,
  idNumberAnswer: (s) => idNumberAnswer(s, ctx),
  nameAnswer,
  phoneAnswer,
  placeAnswer,
  freeTextAnswer,
  parseSpokenDate: (s) => parseSpokenDate(s, '2025-03-11'),
  parseIdNumber: (s) => parseIdNumber(s, '2025-03-11'),
  parseMobileNumber,
  parsePersonName,
  parsePlaceName,
  normalizeDigits,
  maskPersonalNumbers,
  maskJsonStrings: (s) => maskJsonStrings({ a: [s, { b: s }] }),
};

describe('regular expressions on user text are linear', () => {
  const literals = regexLiterals();

  it('finds the regex literals of the code that handles user text', () => {
    expect(literals.length).toBeGreaterThan(20);
    expect(literals.some((l) => l.where.includes('global-commands.ts'))).toBe(true);
  });

  it.each(literals.map((l) => [l.where, l.regex] as const))('%s stays within %#', (_where, regex) => {
    const inputs = adversarialInputs(regex.source);
    const worst = worstRatio(inputs, (input) => {
      regex.lastIndex = 0;
      return regex.global || regex.sticky ? input.replace(regex, '') : regex.exec(input);
    });
    expect(worst.ratio, `worst on ${JSON.stringify(worst.input.slice(0, 12))}…`).toBeLessThan(MAX_RATIO);
  });

  it.each(Object.entries(PARSERS))('%s stays within the budget on 100 KB inputs', (_name, parse) => {
    const worst = worstRatio(adversarialInputs(''), parse);
    expect(worst.ratio, `worst on ${JSON.stringify(worst.input.slice(0, 12))}…`).toBeLessThan(MAX_RATIO);
  });

  it('plainTextOf (Markdown made plain for a channel) stays within the budget on unclosed marks', () => {
    // Openers that never close: each could make a pattern scan to the end of the text from every one of them.
    const pumps = ['[', '![', '[a](', '](', '中**a', '中__a', '中*a', '中`', '* ', '- ', '#'];
    const inputs = pumps.map((pump) => `${pump.repeat(Math.ceil(SIZE / pump.length)).slice(0, SIZE)}\u0001`);
    const worst = worstRatio(inputs, plainTextOf);
    expect(worst.ratio, `worst on ${JSON.stringify(worst.input.slice(0, 12))}…`).toBeLessThan(MAX_RATIO);
  });
});
