// Every section that a region pack or the domain cites from a policy notice really exists in that notice.
// The notices are not part of the repository: they are read from POLICY_SOURCES_DIR (default ../shared/seeds
// when it exists) and each is recognised by its content (文号 or title, from policy/sources.json), never by file
// name. Without them the check is skipped, and says so: look for POLICY_NOTICES_SKIPPED in the test output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicySources } from '../../src/config/load-policy-sources.ts';
import { findClauseInText, parseClauseRef, sourceRefOf } from '../../src/domain/clauses/clause-ref.ts';
import { collectClauseRefs } from '../../src/domain/clauses/pack-citations.ts';
import { SERVICE_CATALOGUE } from '../../src/domain/service-catalogue/services-for.ts';
import { PRIORITY_FLAG_SOURCES } from '../../src/domain/registration/priority-flags.ts';
import { SERVICE_LOCATION_SOURCES } from '../../src/domain/service-location/determine-service-location.ts';
import { SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE, SUBSIDY_DURATION_SOURCE } from '../../src/domain/subsidy/subsidy-duration.ts';
import { PACKS } from '../domain/regions/test-packs.ts';

const configured = process.env.POLICY_SOURCES_DIR;
const fallback = resolve(process.cwd(), '..', 'shared', 'seeds');
const dir = configured !== undefined && configured !== '' ? resolve(configured) : existsSync(fallback) ? fallback : undefined;
export const SKIP_REASON = 'POLICY_NOTICES_SKIPPED: the policy notices were not found (set POLICY_SOURCES_DIR to their folder; default ../shared/seeds)';
if (dir === undefined) console.warn(SKIP_REASON);

const sources = loadPolicySources();
const noticeIds = Object.entries(sources).filter(([, s]) => s.inPolicyNotices).map(([id]) => id);

/** Every clause reference the service uses: packs, and the domain's own constants. */
const cited = [
  ...PACKS.flatMap((p) => collectClauseRefs(p, p.code)),
  ...Object.entries(SERVICE_CATALOGUE).map(([code, s]) => ({ path: `SERVICE_CATALOGUE.${code}`, ref: s.source })),
  ...Object.entries(PRIORITY_FLAG_SOURCES).map(([flag, ref]) => ({ path: `PRIORITY_FLAG_SOURCES.${flag}`, ref })),
  ...Object.entries(SERVICE_LOCATION_SOURCES).map(([group, ref]) => ({ path: `SERVICE_LOCATION_SOURCES.${group}`, ref })),
  { path: 'SUBSIDY_DURATION_SOURCE', ref: SUBSIDY_DURATION_SOURCE },
  { path: 'SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE', ref: SUBSIDY_AGE_AT_FIRST_APPROVAL_SOURCE },
];
const inNotices = cited.flatMap(({ path, ref }) => {
  const parsed = parseClauseRef(ref);
  const doc = parsed === null ? null : sourceRefOf(parsed);
  return doc !== null && doc.section !== null && noticeIds.includes(doc.source) ? [{ path, source: doc.source, section: doc.section }] : [];
});

/** The text of each notice in `folder`, by source id, recognised by its 文号 or title. */
function noticesIn(folder: string): Map<string, string[]> {
  const texts = readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(folder, f), 'utf8'));
  return new Map(noticeIds.map((id) => {
    const s = sources[id];
    const marker = s?.docNumber ?? s?.title ?? id;
    return [id, texts.filter((t) => t.includes(marker))];
  }));
}

describe.skipIf(dir === undefined)(`policy notice clauses (${dir ?? 'no folder'})`, () => {
  const notices = dir !== undefined && existsSync(dir) ? noticesIn(dir) : new Map<string, string[]>();
  const textOf = (id: string) => notices.get(id)?.[0] ?? '';

  it('POLICY_SOURCES_DIR is a folder', () => expect(dir !== undefined && existsSync(dir), `${dir} does not exist`).toBe(true));

  it.each(noticeIds)('%s: exactly one notice carries its 文号 or title, and its title', (id) => {
    expect(notices.get(id)?.length).toBe(1);
    expect(textOf(id)).toContain(sources[id]?.title);
  });

  it('the service cites sections of every notice it lists', () => {
    expect(inNotices.length).toBeGreaterThan(100);
    expect(new Set(inNotices.map((c) => c.source))).toEqual(new Set(noticeIds));
  });

  it.each(inNotices)('$path → $source $section exists in the notice', ({ source, section }) => {
    expect(findClauseInText(textOf(source), section)).toBe(true);
  });

  it.each([
    ['wenzhou-2022', '二(四)'],
    ['harbin-2010', '第三条(十一)'],
    ['zhanjiang-2021', '二(一)12'],
    ['anshan-2022', '四(二十)'],
  ])('finds no %s %s (the check can fail)', (source, section) => {
    expect(findClauseInText(textOf(source), section)).toBe(false);
  });
});
