// Builds Tencent callbacks the way WeCom and the Official Account send them: plaintext XML encrypted for the
// receive id, signed with the token, posted with msg_signature/timestamp/nonce in the query.
import { randomBytes, randomInt } from 'node:crypto';
import { createCallbackCrypto } from '../../../src/channels/tencent/callback-crypto.ts';

export interface CallbackSigner {
  post(url: string, plainXml: string, options?: { forge?: boolean; extraQuery?: Record<string, string>; body?: string; timestamp?: string; nonce?: string }): Promise<{ status: number; text: string; request: () => Promise<{ status: number; text: string }> }>;
}

export function callbackSigner(keys: { token: string; aesKey: string; receiveId: string }): CallbackSigner {
  const crypto = createCallbackCrypto(keys);
  return {
    async post(url, plainXml, options = {}) {
      const encrypted = crypto.seal(plainXml);
      const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
      const nonce = options.nonce ?? String(randomInt(1e9));
      const signature = options.forge ? '0'.repeat(40) : crypto.sign(timestamp, nonce, encrypted);
      const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce, ...options.extraQuery });
      const body = options.body ?? `<xml><ToUserName><![CDATA[${keys.receiveId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
      const request = async () => {
        const res = await fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
        return { status: res.status, text: await res.text() };
      };
      return { ...(await request()), request };
    },
  };
}

export function textXml(to: string, from: string, content: string, msgId: string, extra = ''): string {
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId>${extra}</xml>`;
}

export function eventXml(to: string, from: string, event: string, eventKey: string, createTime: number, extra = ''): string {
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event><EventKey><![CDATA[${eventKey}]]></EventKey>${extra}</xml>`;
}

/**
 * 微信客服's "new messages to sync" event as Tencent documents it: no FromUserName, a sync Token (a new one for each
 * event; pass one to repeat it) and the kf account.
 */
export function kfEventXml(to: string, openKfId: string, createTime: number, token = `ENCA${randomBytes(18).toString('base64url')}`): string {
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[${token}]]></Token><OpenKfId><![CDATA[${openKfId}]]></OpenKfId></xml>`;
}
