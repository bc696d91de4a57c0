// Caseworker login throttling: attempts per IP per minute, and per account a lockout after repeated
// failures that doubles with each further lockout within a day (capped). Unknown usernames are treated
// like real ones, so the answers never reveal which accounts exist.
import type { RateLimitStore } from './rate-limit-store-port.ts';
import type { LimitTexts, RateLimitSettings } from './rate-limits.ts';
import { retryAfterSeconds } from './retry-after.ts';

export type LoginAdmission = { ok: true } | { ok: false; reason: 'ip' | 'locked'; retryAfterSeconds: number; message: string };

export interface LoginLockout {
  /** Seconds the account is now locked for. */
  seconds: number;
  /** 1 for the first lockout within a day, 2 for the second, ... */
  lockoutNumber: number;
  message: string;
}

export interface LoginGuard {
  /** Before checking the password: may this IP try, and is the account locked? */
  admit(ip: string, username: string): Promise<LoginAdmission>;
  /** After a wrong password: the lockout it started, if any. */
  failed(username: string): Promise<LoginLockout | undefined>;
  succeeded(username: string): Promise<void>;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export async function createLoginGuard(store: RateLimitStore, settings: RateLimitSettings, texts: LimitTexts): Promise<LoginGuard> {
  const perIp = await store.limiter({ name: 'login-ip', points: settings.loginsPerIp, durationSeconds: 60 });
  const failures = await store.limiter({ name: 'login-failures', points: settings.loginLockoutFailures, durationSeconds: HOUR });
  const lockouts = await store.limiter({ name: 'login-lockouts', points: 1_000_000, durationSeconds: DAY });
  const accountKey = (username: string) => username.trim().toLowerCase();

  return {
    async admit(ip, username) {
      const ipWait = await retryAfterSeconds(perIp, ip);
      if (ipWait !== undefined) return { ok: false, reason: 'ip', retryAfterSeconds: ipWait, message: texts.tooManyRequests(ipWait) };
      const state = await failures.get(accountKey(username));
      if (!state || state.consumedPoints <= settings.loginLockoutFailures) return { ok: true };
      const wait = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      return { ok: false, reason: 'locked', retryAfterSeconds: wait, message: texts.loginLocked(wait) };
    },
    async failed(username) {
      const key = accountKey(username);
      const count = await failures.penalty(key, 1);
      if (count.consumedPoints < settings.loginLockoutFailures) return undefined;
      const lockoutNumber = (await lockouts.penalty(key, 1)).consumedPoints;
      const seconds = Math.min(settings.loginLockoutSeconds * 2 ** Math.min(lockoutNumber - 1, 30), settings.loginLockoutMaxSeconds);
      await failures.block(key, seconds);
      return { seconds, lockoutNumber, message: texts.loginLocked(seconds) };
    },
    async succeeded(username) {
      const key = accountKey(username);
      await failures.delete(key);
      await lockouts.delete(key);
    },
  };
}
