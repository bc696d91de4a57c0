// One point from a limiter, or how long to wait: the 429 + Retry-After answer every limit shares.
import type { RequestHandler, Response } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/** Takes one point; the seconds to wait when the limit is reached, undefined when the call may go on. */
export async function retryAfterSeconds(limiter: RateLimiterAbstract, key: string): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (refusal: unknown) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

/** Status 429 and `Retry-After` in seconds (RFC 9110 §10.2.3). */
export function refuse(res: Response, seconds: number): void {
  res.status(429).set('Retry-After', String(seconds));
}


/**
 * A middleware that takes one point per client address (no store, Cache-Control: no-store) and, past the limit,
 * answers 429 with Retry-After and the body `answer` writes; without a limiter every call goes on.
 */
export function limitPerAddress(limiter: RateLimiterAbstract | undefined, answer: (res: Response, seconds: number) => void): RequestHandler {
  return async (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const wait = limiter ? await retryAfterSeconds(limiter, req.ip ?? req.socket.remoteAddress ?? 'unknown') : undefined;
    if (wait === undefined) return next();
    refuse(res, wait);
    answer(res, wait);
  };
}
