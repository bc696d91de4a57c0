// The person file's "服务计划": the outreach rows planned for the person (first contact, check-ins, quota notices)
// with their status, the attempts made, when the next try is, and why sending failed, in the caseworker's words
// (`webchat:network` reads "网页聊天：网络故障"), so a caseworker knows whom to call and why.
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { Locale } from '../conversation/locales.ts';
import type { Localizer } from '../conversation/localizer.ts';
import { REACHABILITY_REASONS } from '../conversation/ports.ts';
import type { OutreachRow } from './person-file.ts';
import { clauseShower } from './review-deps.ts';

/** Failure codes the delivery worker and the channels report, each with words in `outreach.failure.codes`. */
export const DELIVERY_FAILURE_CODES = [
  'network', 'receipt_failed', 'no_reachable_address', 'invalid_address', 'unknown_conversation', 'no_template', 'no_template_for_kind',
  'no_short_link', 'store_unavailable', 'empty_message', 'blocked_by_user',
] as const;
const CHANNEL_STATES: readonly string[] = [...REACHABILITY_REASONS, 'not_configured'];
const CHANNEL_NAMES: readonly string[] = ['webchat', 'wechaty', 'wechat-oa', 'wecom-kf', 'sms'];
const FAILURE_CODES: readonly string[] = DELIVERY_FAILURE_CODES;

type Say = Pick<Localizer, 't' | 'cite'>;

/** `webchat:network,sms:not_configured` → "网页聊天：网络故障；短信：本服务未开启此渠道". */
export function deliveryFailureWords(lastError: string, localizer: Pick<Localizer, 't'>, locale: Locale): string {
  const t = (key: string, params?: Record<string, string>) => localizer.t(locale, key, params);
  return lastError.split(',').filter((part) => part.length > 0).map((part) => {
    const colon = part.indexOf(':');
    const channel = colon < 0 ? '' : part.slice(0, colon);
    const code = colon < 0 ? part : part.slice(colon + 1);
    const reason = FAILURE_CODES.includes(code) ? t(`outreach.failure.codes.${code}`)
      : CHANNEL_STATES.includes(code) ? t(`contactChannels.states.${code}`, { until: '' })
      : t('outreach.failure.unknown', { code });
    if (channel === '') return reason;
    return t('outreach.failure.line', { channel: CHANNEL_NAMES.includes(channel) ? t(`contactChannels.names.${channel}`) : channel, reason });
  }).join(t('outreach.failure.separator'));
}

/** One row as the console shows it: date due, what, status; attempts, next try and the failure where there is one. */
export function outreachPlanViewOf(rows: readonly OutreachRow[], localizer: Say, locale: Locale) {
  const show = clauseShower(localizer, locale);
  const t = (key: string) => localizer.t(locale, key);
  return rows.map((r) => {
    const failing = r.status === 'undeliverable' || (r.status === 'pending' && r.attempts > 0);
    return {
      id: r.id, date: serviceDateOf(r.dueAt), kind: r.kind, kindLabel: t(`outreach.plan.kinds.${r.kind}`), status: r.status, statusLabel: t(`outreach.plan.statuses.${r.status}`),
      attempts: r.attempts,
      nextTryAt: r.status === 'pending' && r.attempts > 0 && r.availableAt ? r.availableAt.toISOString() : null,
      reason: failing && r.lastError ? deliveryFailureWords(r.lastError, localizer, locale) : null,
      clause: r.clause ? show(r.clause) : null,
    };
  });
}
