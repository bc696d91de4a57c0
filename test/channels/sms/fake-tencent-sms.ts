// A loopback fake of Tencent Cloud's SMS API (SendSms, 2021-01-11). It checks the TC3-HMAC-SHA256 signature
// itself, from Tencent's published algorithm and the known test secret, and answers with the documented shapes.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { header, startLoopback, type FakeAnswer, type FakeRequest, type LoopbackServer } from './loopback-server.ts';

export const TENCENT_TEST_KEY = { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' };

/** `ok`: sent; `phoneLimit`: the per-number limit (a status in SendStatusSet); `badTemplate`: a final error. */
export type TencentBehaviour = 'ok' | 'phoneLimit' | 'badTemplate';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/** TC3-HMAC-SHA256 as documented: canonical request → string to sign → keys derived per date and service. */
function expectedAuthorization(request: FakeRequest): string {
  const host = header(request, 'host').replace(/:\d+$/, '');
  const service = host.split('.')[0] ?? '';
  const timestamp = Number(header(request, 'x-tc-timestamp'));
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', `content-type:${header(request, 'content-type')}\nhost:${host}\n`, 'content-type;host', sha256(request.body)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${TENCENT_TEST_KEY.secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', signing).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${TENCENT_TEST_KEY.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

function error(code: string, message: string): FakeAnswer {
  return { status: 200, json: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } } };
}

/** `behaviour` is asked once per request that passed the checks; it may take its time (the answer waits for it). */
export function startFakeTencentSms(behaviour: () => TencentBehaviour | Promise<TencentBehaviour>): Promise<LoopbackServer> {
  return startLoopback(async (request) => {
    if (header(request, 'x-tc-action') !== 'SendSms' || header(request, 'x-tc-version') !== '2021-01-11') return error('InvalidAction', 'unknown action');
    if (Math.abs(Date.now() / 1000 - Number(header(request, 'x-tc-timestamp'))) > 300) return error('AuthFailure.SignatureExpire', 'Signature expired.');
    if (header(request, 'authorization') !== expectedAuthorization(request)) {
      return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    }
    const body = JSON.parse(request.body) as { PhoneNumberSet: string[] };
    const phone = body.PhoneNumberSet[0] ?? '';
    const requestId = randomUUID();
    switch (await behaviour()) {
      case 'ok':
        return { status: 200, json: { Response: { SendStatusSet: [{ SerialNo: '5000:1045710669157053657849499619', PhoneNumber: phone, Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: requestId } } };
      case 'phoneLimit':
        return { status: 200, json: { Response: { SendStatusSet: [{ SerialNo: '', PhoneNumber: phone, Fee: 0, SessionContext: '', Code: 'LimitExceeded.PhoneNumberThirtySecondLimit', Message: 'the number of sms messages sent from a single mobile number within 30 seconds exceeds the upper limit', IsoCode: 'CN' }], RequestId: requestId } } };
      case 'badTemplate':
        return error('FailedOperation.TemplateIncorrectOrUnapproved', 'template is not approved or request content does not match the approved template content');
    }
  });
}
