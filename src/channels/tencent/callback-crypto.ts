// Tencent's callback scheme (WXBizMsgCrypt, channels.md §3.1), shared by WeCom (receive id = CorpID) and the
// Official Account (receive id = AppID): signatures compared in constant time, AES via @wecom/crypto, and the
// receive id checked (the library does neither).
import { createHash, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

export interface CallbackKeys {
  token: string;
  /** The 43-character EncodingAESKey. */
  aesKey: string;
  /** CorpID (WeCom) or AppID (Official Account): the id the plaintext must end with. */
  receiveId: string;
}

export interface CallbackCrypto {
  /** msg_signature = sha1(sort(token, timestamp, nonce, encrypt)), compared in constant time. */
  verify(signature: string, timestamp: string, nonce: string, encrypted: string): boolean;
  /** The plaintext, or null when it does not decrypt or names another receive id. */
  open(encrypted: string): string | null;
  /** Encrypts a message for this receive id (tests build callbacks with it). */
  seal(message: string): string;
  sign(timestamp: string, nonce: string, encrypted: string): string;
}

export function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Official Account's plain `signature` = sha1(sort(token, timestamp, nonce)) (URL verification, every POST). */
export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function createCallbackCrypto(keys: CallbackKeys): CallbackCrypto {
  return {
    verify: (signature, timestamp, nonce, encrypted) => sameHex(getSignature(keys.token, timestamp, nonce, encrypted), signature),
    open(encrypted) {
      try {
        const { message, id } = decrypt(keys.aesKey, encrypted);
        return sameText(id, keys.receiveId) ? message : null;
      } catch {
        return null;
      }
    },
    seal: (message) => encrypt(keys.aesKey, message, keys.receiveId),
    sign: (timestamp, nonce, encrypted) => getSignature(keys.token, timestamp, nonce, encrypted),
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
