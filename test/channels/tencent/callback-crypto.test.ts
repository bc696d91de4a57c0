// Tencent's official callback vectors (weworkapi_python callback/Sample.py; channels.md §3.2) through our
// checks: the signature matches in constant time, the plaintext decrypts, and the receive id must be ours.
import { describe, expect, it } from 'vitest';
import { createCallbackCrypto, plainSignature } from '../../../src/channels/tencent/callback-crypto.ts';
import { callbackMessageSchema, envelopeSchema, messageKeyOf, parseCallbackXml } from '../../../src/channels/tencent/callback-xml.ts';

const keys = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: 'ww1436e0e65a779aee' };
const crypto = createCallbackCrypto(keys);
const ECHO = 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
const POST_BODY = '<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA[Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>';

describe('Tencent callback crypto, official vectors', () => {
  it('verifies the URL-verification vector and decrypts its echostr', () => {
    expect(crypto.verify('012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', '1476416373', '47744683', ECHO)).toBe(true);
    expect(crypto.open(ECHO)).toBe('1288432023552776189');
  });

  it('verifies and decrypts the message POST vector into the documented XML', () => {
    const envelope = envelopeSchema.parse(parseCallbackXml(POST_BODY));
    expect(crypto.verify('0c3914025cb4b4d68103f6bfc8db550f79dcf48e', '1476422779', '1597212914', envelope.Encrypt)).toBe(true);
    const plain = crypto.open(envelope.Encrypt);
    expect(plain).toBe('<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>');
    const message = callbackMessageSchema.parse(parseCallbackXml(plain ?? ''));
    expect(message).toMatchObject({ FromUserName: 'ChenJiaShun', MsgType: 'text', Content: '你好', MsgId: '1456453720' });
    expect(messageKeyOf(message)).toBe('msg:1456453720');
  });

  it('refuses a changed signature, timestamp or ciphertext, and another corp’s receive id', () => {
    expect(crypto.verify('012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec', '1476416373', '47744683', ECHO)).toBe(false);
    expect(crypto.verify('012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', '1476416374', '47744683', ECHO)).toBe(false);
    expect(crypto.verify('short', '1476416373', '47744683', ECHO)).toBe(false);
    const otherCorp = createCallbackCrypto({ ...keys, receiveId: 'ww0000000000000000' });
    expect(otherCorp.open(ECHO)).toBeNull();
    expect(crypto.open('not base64 at all')).toBeNull();
  });

  it('keeps a 19-digit MsgId as a string and refuses DOCTYPE/entity tricks and broken XML', () => {
    const msg = parseCallbackXml('<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>7283746218374623817</MsgId></xml>');
    expect(callbackMessageSchema.parse(msg).MsgId).toBe('7283746218374623817');
    expect(parseCallbackXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>')).toBeNull();
    expect(envelopeSchema.safeParse(parseCallbackXml('<xml><Encrypt>')).success).toBe(false);
  });

  it('computes the Official Account plain signature (sorted token, timestamp, nonce)', () => {
    expect(plainSignature('QDG6eK', '1409659589', '263014780')).toMatch(/^[0-9a-f]{40}$/);
    expect(plainSignature('QDG6eK', '1409659589', '263014780')).toBe(plainSignature('QDG6eK', '1409659589', '263014780'));
    expect(plainSignature('QDG6eK', '1409659589', '263014780')).not.toBe(plainSignature('QDG6eK', '1409659590', '263014780'));
  });
});
