// The SMS providers' per-number limits (Tencent Cloud's defaults: one message per 30 seconds, 5 per hour,
// 10 per day to one number), kept on our side so a refused send is deferred instead of spent. Pure: times are
// arguments. The day is a sliding 24 hours, which never lets more through than the provider's calendar day.

export interface SmsNumberLimits {
  /** Least time between two messages to one number. */
  minGapSeconds: number;
  maxPerHour: number;
  maxPerDay: number;
}

export const DEFAULT_SMS_NUMBER_LIMITS: SmsNumberLimits = { minGapSeconds: 30, maxPerHour: 5, maxPerDay: 10 };

export type SmsNumberDecision = { allowed: true } | { allowed: false; reason: 'min_gap' | 'per_hour' | 'per_day'; retryAt: Date };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Whether one more message may go to a number now, given when the last ones went (any order, the last day is enough). */
export function decideSmsNumberSend(now: Date, sentAt: readonly Date[], limits: SmsNumberLimits): SmsNumberDecision {
  const at = now.getTime();
  const times = sentAt.map((d) => d.getTime()).filter((t) => t > at - DAY_MS).sort((a, b) => b - a);
  const last = times[0];
  if (last !== undefined && at - last < limits.minGapSeconds * 1000) return { allowed: false, reason: 'min_gap', retryAt: new Date(last + limits.minGapSeconds * 1000) };
  const lastHour = times.filter((t) => t > at - HOUR_MS);
  const hourOldest = lastHour[limits.maxPerHour - 1];
  if (lastHour.length >= limits.maxPerHour && hourOldest !== undefined) return { allowed: false, reason: 'per_hour', retryAt: new Date(hourOldest + HOUR_MS) };
  const dayOldest = times[limits.maxPerDay - 1];
  if (times.length >= limits.maxPerDay && dayOldest !== undefined) return { allowed: false, reason: 'per_day', retryAt: new Date(dayOldest + DAY_MS) };
  return { allowed: true };
}
