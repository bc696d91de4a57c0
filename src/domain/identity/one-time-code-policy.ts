// The rules of the one-time code that links a conversation to a person already on file (knowing an ID number
// proves nothing): how long a code lives, how many tries it allows, and the cool-down after too many.
// Pure: times are arguments.

/** The code: six digits, valid for ten minutes, five tries; then no code for this person for half an hour. */
export const ONE_TIME_CODE = {
  digits: 6,
  ttlMinutes: 10,
  maxAttempts: 5,
  coolDownMinutes: 30,
  /** A new code no sooner than this after the last one (a double tap, SMS bombing). */
  resendAfterSeconds: 60,
  /** At most this many codes per person per hour, whichever conversation asks. */
  maxCodesPerHour: 5,
} as const;

export type CodeSendDecision = { allowed: true } | { allowed: false; reason: 'cooling_down' | 'too_soon' | 'too_many'; retryAt: Date };

/** Whether a new code may be sent now, given the person's recent codes (newest first) and any cool-down. */
export function decideCodeSend(now: Date, recentSentAt: readonly Date[], lockedUntil: Date | null): CodeSendDecision {
  if (lockedUntil && lockedUntil > now) return { allowed: false, reason: 'cooling_down', retryAt: lockedUntil };
  const last = recentSentAt[0];
  if (last && now.getTime() - last.getTime() < ONE_TIME_CODE.resendAfterSeconds * 1000) {
    return { allowed: false, reason: 'too_soon', retryAt: new Date(last.getTime() + ONE_TIME_CODE.resendAfterSeconds * 1000) };
  }
  const hourAgo = now.getTime() - 3_600_000;
  const lastHour = recentSentAt.filter((t) => t.getTime() > hourAgo);
  const oldest = lastHour[lastHour.length - 1];
  if (lastHour.length >= ONE_TIME_CODE.maxCodesPerHour && oldest) return { allowed: false, reason: 'too_many', retryAt: new Date(oldest.getTime() + 3_600_000) };
  return { allowed: true };
}

/** When a code sent at `sentAt` stops working. */
export function codeExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + ONE_TIME_CODE.ttlMinutes * 60_000);
}

/** After a wrong try: how many remain, and the end of the cool-down once none do. */
export function afterWrongCode(attemptsSoFar: number, now: Date): { left: number; lockedUntil: Date | null } {
  const left = Math.max(0, ONE_TIME_CODE.maxAttempts - attemptsSoFar);
  return { left, lockedUntil: left === 0 ? new Date(now.getTime() + ONE_TIME_CODE.coolDownMinutes * 60_000) : null };
}

/** What a person typed, as a code: six digits, spaces and full-width digits allowed; null when it is not one. */
export function parseOneTimeCode(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/\s/g, '');
  return new RegExp(`^\\d{${ONE_TIME_CODE.digits}}$`).test(digits) ? digits : null;
}

/** A message that is only a code is kept as `******` wherever it is recorded (codes are never stored in clear). */
export function maskTypedCode(text: string): string {
  return parseOneTimeCode(text) ? '*'.repeat(ONE_TIME_CODE.digits) : text;
}
