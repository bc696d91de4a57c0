// How the console shows a registration under review and a hardship pre-screen: labels in the console's
// language, and every result with the clause it rests on (cite-clause's words, never the raw reference alone).
import type { HardshipForReview, RegistrationForReview } from './decision-desk.ts';
import { clauseShower, type ReviewDeps } from './review-deps.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { Locale } from '../conversation/locales.ts';
import { creditPromiseCountdown } from '../domain/follow-up/credit-promise-countdown.ts';

type ViewDeps = Pick<ReviewDeps, 'localizer' | 'policy' | 'now'>;

/** The clause a registration rests on: the three conditions, or the job-seeker path for those who do not qualify. */
export function registrationViewOf(deps: ViewDeps, r: RegistrationForReview, locale: Locale) {
  const show = clauseShower(deps.localizer, locale);
  const pack = deps.policy.packFor(r.regionCode, serviceDateOf(r.registeredAt));
  const promise = r.creditPromise;
  const countdown = promise ? creditPromiseCountdown(deps.policy.calendar, serviceDateOf(deps.now()), promise.dueBy) : null;
  return {
    id: r.id, kind: r.kind, kindLabel: deps.localizer.t(locale, `decisions.kinds.${r.kind}`), status: r.status, statusLabel: deps.localizer.t(locale, `status.statuses.${r.status}`),
    reason: r.reason, reasonLabel: deps.localizer.t(locale, `reasons.${r.reason}`), regionCode: r.regionCode, registeredAt: r.registeredAt.toISOString(), person: r.person,
    clause: show(r.kind === 'job_seeker' ? pack.registration.jobSeekerSource : pack.registration.conditionsSource),
    creditPromise: promise && countdown ? { promisedOn: promise.promisedOn, dueBy: promise.dueBy, provisional: promise.provisional, clause: show(promise.source), ...countdown } : null,
  };
}

export function hardshipViewOf(deps: ViewDeps, h: HardshipForReview, locale: Locale) {
  const show = clauseShower(deps.localizer, locale);
  const p = h.prescreen;
  return {
    caseId: h.caseId, status: h.status, regionCode: h.regionCode, openedAt: h.openedAt.toISOString(), person: h.person,
    readable: p !== null,
    asOf: p?.asOf ?? null,
    categoriesClause: p ? show(p.categoriesSource) : null,
    categories: (p?.categories ?? []).map((c) => {
      const decided = h.decisions.find((d) => d.category === c.code);
      return {
        code: c.code, label: deps.localizer.t(locale, `hardship.categories.${c.code}`), botResult: c.status, clause: show(c.source),
        decision: decided ? { outcome: decided.outcome, reason: decided.reason, by: decided.by, at: decided.at.toISOString() } : null,
      };
    }),
    publicNotice: p ? { exempt: p.publicNoticeExempt, clause: show(p.publicNoticeSource) } : null,
    registrationPrecondition: p?.registrationPrecondition ? { status: p.registrationPrecondition.status, clause: show(p.registrationPrecondition.source) } : null,
    packNeedsConfirmation: p?.needsConfirmation ?? false,
  };
}
