// The answer to a common question, from the person's region pack only: statement codes with their numbers,
// lists of codes and the clause each rests on. No wording here. An empty answer means the pack (and so the
// region's notice) does not answer the question, and the bot must say so rather than guess.
import { parseClauseRef } from '../clauses/clause-ref.ts';
import type { RegionPack } from '../regions/region-pack.ts';

export const FAQ_TOPICS = ['whoCanRegister', 'papers', 'contactFrequency', 'quota', 'hardship', 'deregistration', 'benefit', 'where'] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** What a list of codes names, so that the conversation can put words to it. */
export type FaqListKind = 'place' | 'category' | 'ground' | 'paper' | 'flag';

export interface FaqStatement {
  /** e.g. `CONDITIONS`, `FIRST_CONTACT`, `BENEFIT_WITH_REGISTRATION`. */
  code: string;
  /** The clause the statement rests on (a pack `source`). */
  source: string;
  numbers?: Record<string, number>;
  /** `counts`: the number in a listed item ("连续3次拒绝"), by code. */
  list?: { kind: FaqListKind; codes: string[]; counts?: Record<string, number> };
  /** A phone number the statement gives (the pack's hotline). */
  phone?: string;
}

/** The statements answering `topic` in `pack`, in reading order; empty when the pack has no answer. */
export function answerFaq(pack: RegionPack, topic: FaqTopic): FaqStatement[] {
  switch (topic) {
    case 'whoCanRegister':
      return whoCanRegister(pack);
    case 'papers':
      return [
        ...pack.faq.papers.map((p) => ({ code: 'PAPERS', source: p.source, list: { kind: 'paper' as const, codes: [p.code] } })),
        ...(pack.followUp.creditPromise ? [{ code: 'CREDIT_PROMISE', source: pack.followUp.creditPromise.source, numbers: { workingDays: pack.followUp.creditPromise.workingDays } }] : []),
      ];
    case 'contactFrequency':
      return contactFrequency(pack);
    case 'quota': {
      const q = pack.quota;
      return q ? [{ code: 'QUOTA', source: q.source, numbers: { policy: q.policy, guidance: q.guidance, jobs: q.jobs, training: q.training } }] : [];
    }
    case 'hardship':
      return hardship(pack);
    case 'deregistration':
      return deregistration(pack);
    case 'benefit':
      return pack.faq.benefit.map((b) => ({ code: `BENEFIT_${b.code}`, source: b.source }));
    case 'where':
      return [
        ...pack.faq.channels.map((c) => ({ code: `CHANNEL_${c.code}`, source: c.source })),
        ...(pack.hotline ? [{ code: 'HOTLINE', source: pack.hotline.source, phone: pack.hotline.number }] : []),
      ];
  }
}

function whoCanRegister(pack: RegionPack): FaqStatement[] {
  const r = pack.registration;
  const out: FaqStatement[] = [
    { code: 'CONDITIONS', source: r.conditionsSource, numbers: { minAge: r.minAgeYears } },
    { code: r.places.length === 1 ? 'PLACE' : 'PLACES', source: r.placesSource, list: { kind: 'place', codes: [...r.places] } },
  ];
  if (r.migrantPlaces.length > 0 && r.migrantSource) out.push({ code: 'MIGRANT_PLACES', source: r.migrantSource, list: { kind: 'place', codes: [...r.migrantPlaces] } });
  out.push({ code: 'JOB_SEEKER', source: r.jobSeekerSource });
  return out;
}

function contactFrequency(pack: RegionPack): FaqStatement[] {
  const f = pack.followUp;
  const out: FaqStatement[] = [
    { code: 'FIRST_CONTACT', source: f.firstContact.source, numbers: { workingDays: f.firstContact.workingDays } },
    f.monthly.everyMonths === 1 ? { code: 'MONTHLY', source: f.monthly.source } : { code: 'EVERY_MONTHS', source: f.monthly.source, numbers: { months: f.monthly.everyMonths } },
  ];
  if (f.refusal) out.push({ code: 'ON_REFUSAL', source: f.refusal.source, numbers: { months: f.refusal.everyMonths } });
  return out;
}

function hardship(pack: RegionPack): FaqStatement[] {
  const h = pack.hardship;
  const out: FaqStatement[] =
    h.categories.length > 0
      ? [{ code: 'CATEGORIES', source: h.categoriesSource, list: { kind: 'category', codes: h.categories.map((c) => c.code) } }]
      : [{ code: 'CATEGORIES_ELSEWHERE', source: h.categoriesSource }];
  if (h.requiresRegistration) out.push({ code: 'REQUIRES_REGISTRATION', source: h.requiresRegistrationSource ?? h.categoriesSource });
  // Public notice before recognition: said only where the notice itself says it (a product default is not an answer).
  const notice = h.publicNotice;
  if (h.categories.length > 0 && notice.exemptIfAnyOf.length > 0) out.push({ code: 'NOTICE_EXEMPT', source: notice.source, list: { kind: 'flag', codes: [...notice.exemptIfAnyOf] } });
  else if (h.categories.length > 0 && parseClauseRef(notice.source)?.kind === 'source') out.push({ code: 'NOTICE_REQUIRED', source: notice.source });
  return out;
}

function deregistration(pack: RegionPack): FaqStatement[] {
  const grounds = pack.deregistration.grounds;
  const allowed = grounds.filter((g) => !g.forbiddenAsSoleGround);
  const never = grounds.filter((g) => g.forbiddenAsSoleGround);
  const counts = Object.fromEntries(grounds.flatMap((g) => (g.trigger.kind === 'count' ? [[g.code, g.trigger.atLeast]] : [])));
  const listOf = (gs: typeof grounds) => ({ kind: 'ground' as const, codes: unique(gs.map((g) => g.code)), counts });
  const out: FaqStatement[] = [{ code: 'GROUNDS', source: sharedClause(allowed.map((g) => g.clause)), list: listOf(allowed) }];
  if (never.length > 0) out.push({ code: 'NEVER_SOLE_GROUND', source: sharedClause(never.map((g) => g.clause)), list: listOf(never) });
  return out;
}

const unique = (codes: string[]): string[] => [...new Set(codes)];

/**
 * One clause for a list of grounds: theirs when they share it, else the item they all sit in
 * (zhanjiang-2021#二(一)1 … 二(一)11 → zhanjiang-2021#二(一)). Refs that differ more keep the first.
 */
export function sharedClause(refs: readonly string[]): string {
  const [first] = refs;
  if (first === undefined) return '';
  if (refs.every((r) => r === first)) return first;
  const parents = new Set(refs.map((r) => (parseClauseRef(r)?.kind === 'source' ? withoutTrailingDigits(r) : r)));
  const [parent] = [...parents];
  return parents.size === 1 && parent !== undefined ? parent : first;
}

/** `二(一)11` → `二(一)`: a backwards scan (a `\d+$` search is quadratic on a long run of digits). */
function withoutTrailingDigits(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) >= 48 && text.charCodeAt(end - 1) <= 57) end -= 1;
  return text.slice(0, end);
}
