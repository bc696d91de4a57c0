// The token in the subscribe page's link: binds the page to one follower's openid until an expiry, signed with
// an HMAC (a key derived from the PII key), so a link cannot be made for someone else or kept forever.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A link is good for a week: long enough to open it later, short enough that a forwarded one lapses. */
export const SUBSCRIBE_LINK_HOURS = 24 * 7;
/** Longer than any token this file makes; a longer string is refused before it is looked at. */
export const MAX_TOKEN_CHARS = 160;

const OPEN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type SubscribeTokenCheck = { ok: true; openId: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function createSubscribeTokens(secret: Buffer, now: () => Date) {
  const mac = (body: string) => createHmac('sha256', secret).update(`wechat-oa-subscribe:${body}`).digest('base64url');
  return {
    /** A token for `openId`, valid SUBSCRIBE_LINK_HOURS from now. */
    issue(openId: string): string {
      if (!OPEN_ID.test(openId)) throw new Error('not an openid');
      const body = `${openId}.${Math.floor(now().getTime() / 1000) + SUBSCRIBE_LINK_HOURS * 3600}`;
      return `${body}.${mac(body)}`;
    },
    check(token: unknown): SubscribeTokenCheck {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'malformed' };
      const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return { ok: false, reason: 'malformed' };
      const [, openId = '', expiry = '', given = ''] = match;
      const expected = Buffer.from(mac(`${openId}.${expiry}`));
      if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'forged' };
      if (Number(expiry) * 1000 <= now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, openId };
    },
  };
}

export type SubscribeTokens = ReturnType<typeof createSubscribeTokens>;
