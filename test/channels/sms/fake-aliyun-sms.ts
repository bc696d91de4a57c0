// A loopback fake of Alibaba Cloud's SMS API (Dysmsapi SendSms, 2017-05-25). It checks the V3 signature
// (ACS3-HMAC-SHA256) itself, from Alibaba's published algorithm and the known test secret, and answers with the
// documented shapes: HTTP 400 SignatureDoesNotMatch, or 200 with Code OK / isv.BUSINESS_LIMIT_CONTROL.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { header, startLoopback, type FakeAnswer, type FakeRequest, type LoopbackServer } from './loopback-server.ts';

export const ALIYUN_TEST_KEY = { accessKeyId: 'LTAI5tEXAMPLEKEYID', accessKeySecret: 'EXAMPLEsecretKEYforTESTSonly1234' };

export type AliyunBehaviour = 'ok' | 'businessLimit' | 'badMobile';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** RFC 3986 percent-encoding as the V3 signature requires. */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, '%20'));

function expectedSignature(request: FakeRequest, signedHeaders: string[]): string {
  const [path = '/', query = ''] = request.url.split('?');
  const params = query.split('&').filter(Boolean).map((pair) => {
    const [k = '', v = ''] = pair.split('=');
    return [encode(decode(k)), encode(decode(v))] as const;
  });
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalQuery = params.map(([k, v]) => `${k}=${v}`).join('&');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${header(request, name).trim()}\n`).join('');
  const canonical = [request.method, path, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), sha256(request.body)].join('\n');
  return createHmac('sha256', ALIYUN_TEST_KEY.accessKeySecret).update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`).digest('hex');
}

function signatureError(): FakeAnswer {
  return {
    status: 400,
    json: { RequestId: randomUUID(), HostId: 'dysmsapi.aliyuncs.com', Code: 'SignatureDoesNotMatch', Message: 'Specified signature does not match our calculation.', Recommend: 'https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch' },
  };
}

export function startFakeAliyunSms(behaviour: () => AliyunBehaviour): Promise<LoopbackServer> {
  return startLoopback((request) => {
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(header(request, 'authorization'));
    if (!auth || auth[1] !== ALIYUN_TEST_KEY.accessKeyId) return { status: 404, json: { RequestId: randomUUID(), Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' } };
    const signed = (auth[2] ?? '').split(';');
    // Everything that identifies the call must be signed: host, action, version, date, nonce, payload hash.
    const mustSign = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
    if (!mustSign.every((h) => signed.includes(h)) || header(request, 'x-acs-content-sha256') !== sha256(request.body)) return signatureError();
    if (auth[3] !== expectedSignature(request, signed)) return signatureError();
    if (header(request, 'x-acs-action') !== 'SendSms' || header(request, 'x-acs-version') !== '2017-05-25') return { status: 400, json: { RequestId: randomUUID(), Code: 'InvalidAction.NotFound', Message: 'unknown action' } };
    const requestId = randomUUID();
    switch (behaviour()) {
      case 'ok':
        return { status: 200, json: { Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: requestId } };
      case 'businessLimit':
        return { status: 200, json: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1', RequestId: requestId } };
      case 'badMobile':
        return { status: 200, json: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: requestId } };
    }
  });
}
