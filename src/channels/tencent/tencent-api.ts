// Calls a Tencent API (WeCom qyapi or the Official Account api) with an access token every instance shares
// (token-source.ts): a token Tencent calls invalid or expired (40001/42001/40014) is replaced once; a rate
// limit (45009) is retried with backoff; every failure is recorded (audit) and thrown as TencentApiError.
import { z } from 'zod';
import { createMemorySharedTokens, type SharedTokens } from './shared-tokens.ts';
import { createTokenSource, TokenStoreContendedError } from './token-source.ts';

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
  /** Where the token is kept so instances share it (the database's); `identity` names the app and its secret. */
  tokens?: { store: SharedTokens; identity: string };
}

export interface TencentApi {
  /** POST (body) or GET with `access_token` added; resolves with the answer when errcode is 0. */
  call(path: string, init: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }): Promise<ApiAnswer>;
}

export function createTencentApi(options: TencentApiOptions): TencentApi {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const backoff = options.backoffMs ?? [1000, 2000, 4000];

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

  const tokens = createTokenSource({
    store: options.tokens?.store ?? createMemorySharedTokens(),
    identity: options.tokens?.identity ?? options.base,
    now,
    fetch: (force) =>
      options.fetchToken((path, init) => raw(path, init), force).catch(async (err: unknown) => {
        if (err instanceof TencentApiError) await options.onError?.({ path: err.path, errcode: err.errcode, attempt: 0 });
        throw err;
      }),
  });

  return {
    async call(path, init) {
      let rejected: string | undefined;
      let rateLimited = 0;
      for (let attempt = 0; ; attempt++) {
        const token = await tokens.get(rejected).catch((err: unknown) => {
          throw err instanceof TokenStoreContendedError ? new TencentApiError(-1, path, err.message) : err;
        });
        const answer = await raw(path, { ...init, query: { ...init.query, access_token: token } });
        if (answer.errcode === 0) return answer;
        await options.onError?.({ path, errcode: answer.errcode, attempt });
        if (TOKEN_ERRORS.includes(answer.errcode) && rejected === undefined) {
          // Once per call: the token another instance already fetched, else a forced refresh.
          rejected = token;
          continue;
        }
        const delay = answer.errcode === RATE_LIMITED ? backoff[rateLimited++] : undefined;
        if (delay === undefined) throw new TencentApiError(answer.errcode, path, answer.errmsg);
        await sleep(delay);
      }
    },
  };
}
