// Why a registration is not approved: the common reasons offered to the caseworker as choices and told to the
// person in their own language, or the caseworker's own words ("other"), quoted as theirs and never machine-translated.
import type { Params } from '../conversation/dialog-types.ts';

export const REJECTION_REASONS = ['not_working_age', 'employed', 'student', 'pension', 'outside_area', 'details_mismatch', 'duplicate', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Locale key of a chosen reason's wording (the console's label and the person's message). */
export function rejectionReasonKey(code: Exclude<RejectionReason, 'other'>): string {
  return `decisions.rejectionReasons.${code}`;
}

/** The person's notice: a chosen reason in their language, or the caseworker's words quoted (经办人说明). */
export function rejectionNotice(code: RejectionReason | undefined, words: string | null): { key: string; params: (t: (key: string) => string) => Params } {
  if (code !== undefined && code !== 'other') return { key: 'decisions.notice.registrationRejected', params: (t) => ({ reason: t(rejectionReasonKey(code)) }) };
  return { key: 'decisions.notice.registrationRejectedInWords', params: () => ({ words: words ?? '' }) };
}

/** What the decision record keeps: the chosen reason in Chinese (the record's language), with any note after it. */
export function recordedRejectionReason(code: RejectionReason | undefined, words: string | null, zh: (key: string) => string): string {
  if (code === undefined || code === 'other') return words ?? '';
  const label = zh(rejectionReasonKey(code));
  return words ? `${label}（${words}）` : label;
}
