// The wx.config signature of the JS-SDK: sha1 over `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (the page's
// full URL without its #fragment), computed on the server because the ticket is a secret of the account.
import { randomBytes } from 'node:crypto';
import { getJsApiSignature } from '@wecom/crypto';

export interface JsapiConfig {
  timestamp: number;
  nonceStr: string;
  signature: string;
}

/** Signs `url` for wx.config; nonce and timestamp are drawn here unless given (tests give WeChat's example). */
export function signJsapiConfig(input: { ticket: string; url: string; now: Date; nonceStr?: string }): JsapiConfig {
  const url = input.url.split('#')[0] ?? input.url;
  const nonceStr = input.nonceStr ?? randomBytes(12).toString('base64url');
  const timestamp = Math.floor(input.now.getTime() / 1000);
  const signed = getJsApiSignature({ url, ticket: input.ticket, nonceStr, timestamp });
  return { timestamp, nonceStr, signature: signed.signature };
}
