// Direct Line tokens: HS256 JWTs signed with node:crypto HMAC. A token names one conversation and one user
// (`user` is the claim directlinejs reads to set the user id) and expires.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 30 * 60;

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** The conversation's token generation when minted; revoking a conversation's tokens raises it. */
  generation: number;
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired'; claims?: TokenClaims };

const header = { alg: 'HS256', typ: 'JWT' } as const;
const headerSchema = z.object({ alg: z.literal('HS256'), typ: z.literal('JWT').optional() });
const payloadSchema = z.object({
  conv: z.string().min(1),
  user: z.string().min(1),
  gen: z.number().int().nonnegative().default(0),
  iat: z.number().int(),
  exp: z.number().int(),
});

export class DirectlineToken {
  constructor(
    private readonly secret: string,
    private readonly lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    if (secret.length < 16) throw new Error('web chat token secret must be at least 16 characters');
  }

  get lifetime(): number {
    return this.lifetimeSeconds;
  }

  /** Mints a token for one conversation, user and token generation, valid for the configured lifetime. */
  sign(conversationId: string, userId: string, generation = 0): string {
    const iat = this.nowSeconds();
    const payload = { conv: conversationId, user: userId, gen: generation, iat, exp: iat + this.lifetimeSeconds };
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    return `${unsigned}.${this.mac(unsigned)}`;
  }

  /** Checks signature (constant time) and expiry; `graceSeconds` lets a refresh accept a recently expired token. */
  verify(token: string | undefined, graceSeconds = 0): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [head, body, signature] = parts;
    if (head === undefined || body === undefined || signature === undefined) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.mac(`${head}.${body}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
    const parsedHead = headerSchema.safeParse(decodeJson(head));
    const parsedBody = payloadSchema.safeParse(decodeJson(body));
    if (!parsedHead.success || !parsedBody.success) return { ok: false, reason: 'malformed' };
    const { conv, user, gen, iat, exp } = parsedBody.data;
    const claims = { conversationId: conv, userId: user, generation: gen, issuedAt: iat, expiresAt: exp };
    if (this.nowSeconds() >= exp + graceSeconds) return { ok: false, reason: 'expired', claims };
    return { ok: true, claims };
  }

  private mac(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}

/** The token from an `Authorization: Bearer …` header, if any. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
