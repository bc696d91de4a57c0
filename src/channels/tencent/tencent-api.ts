// Calls a Tencent API (WeCom qyapi or the Official Account api) with a cached access token: a token Tencent
// calls invalid or expired (40001/42001/40014) is fetched again once; a rate limit (45009) is retried with
// backoff; every failure is recorded (audit) and thrown as TencentApiError, never swallowed.
import { z } from 'zod';

/** Token errors: invalid credential, access token expired, invalid access token. */
export const TOKEN_ERRORS: readonly number[] = [40001, 42001, 40014];
export const RATE_LIMITED = 45009;

const answerSchema = z.object({ errcode: z.number().optional().default(0), errmsg: z.string().optional().default('') }).passthrough();
export type ApiAnswer = z.infer<typeof answerSchema>;

export class TencentApiError extends Error {
  constructor(readonly errcode: number, readonly path: string, errmsg: string) {
    super(`${path} answered errcode ${errcode}: ${errmsg.slice(0, 120)}`);
  }
  /** The platform may accept the same call later (rate limits, outages), or it never will. */
  get retryable(): boolean {
    return this.errcode === RATE_LIMITED || this.errcode === -1;
  }
}

export interface TencentApiOptions {
  /** e.g. `https://qyapi.weixin.qq.com` (no trailing slash). */
  base: string;
  /** Fetches a new token: `force` asks the platform not to return a cached one (stable_token). */
  fetchToken(call: (path: string, init: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }) => Promise<ApiAnswer>, force: boolean): Promise<{ token: string; expiresInSeconds: number }>;
  /** Delays before each retry of a rate-limited call; default 1 s, 2 s, 4 s. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Every error answer (including ones retried later), for the audit trail. */
  onError?: (failure: { path: string; errcode: number; attempt: number }) => void | Promise<void>;
}

export interface TencentApi {
  /** POST (body) or GET with `access_token` added; resolves with the answer when errcode is 0. */
  call(path: string, init: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }): Promise<ApiAnswer>;
}

export function createTencentApi(options: TencentApiOptions): TencentApi {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const backoff = options.backoffMs ?? [1000, 2000, 4000];
  let cached: { token: string; until: number } | null = null;
  let pending: Promise<string> | null = null;

  async function raw(path: string, init: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }): Promise<ApiAnswer> {
    const url = new URL(`${options.base}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new TencentApiError(-1, path, `HTTP ${response.status}`);
    const parsed = answerSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TencentApiError(-1, path, 'answer is not JSON');
    return parsed.data;
  }

  async function token(force: boolean): Promise<string> {
    if (!force && cached && cached.until > now().getTime()) return cached.token;
    pending ??= (async () => {
      try {
        const fresh = await options.fetchToken((path, init) => raw(path, init), force).catch(async (err: unknown) => {
          if (err instanceof TencentApiError) await options.onError?.({ path: err.path, errcode: err.errcode, attempt: 0 });
          throw err;
        });
        // Refresh five minutes early, so a token is never used in its last moments.
        cached = { token: fresh.token, until: now().getTime() + Math.max(60, fresh.expiresInSeconds - 300) * 1000 };
        return fresh.token;
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  return {
    async call(path, init) {
      let refreshed = false;
      let rateLimited = 0;
      for (let attempt = 0; ; attempt++) {
        const answer = await raw(path, { ...init, query: { ...init.query, access_token: await token(false) } });
        if (answer.errcode === 0) return answer;
        await options.onError?.({ path, errcode: answer.errcode, attempt });
        if (TOKEN_ERRORS.includes(answer.errcode) && !refreshed) {
          refreshed = true;
          cached = null;
          await token(true);
          continue;
        }
        const delay = answer.errcode === RATE_LIMITED ? backoff[rateLimited++] : undefined;
        if (delay === undefined) throw new TencentApiError(answer.errcode, path, answer.errmsg);
        await sleep(delay);
      }
    },
  };
}
