// The SMS channel over each provider's official SDK, against loopback fakes of the providers' HTTP APIs that
// check the request signature themselves (TC3-HMAC-SHA256, ACS3-HMAC-SHA256): sent, signature refused (wrong
// secret), rate limited (retryable), refused for good (final), provider unreachable (retryable).
import { afterEach, describe, expect, it } from 'vitest';
import { createAliyunSmsDriver } from '../../../src/channels/sms/aliyun-sms-driver.ts';
import { createSmsChannel } from '../../../src/channels/sms/sms-channel.ts';
import { createTencentSmsDriver } from '../../../src/channels/sms/tencent-sms-driver.ts';
import type { OutboundText } from '../../../src/conversation/ports.ts';
import { ALIYUN_TEST_KEY, startFakeAliyunSms, type AliyunBehaviour } from './fake-aliyun-sms.ts';
import { startFakeTencentSms, TENCENT_TEST_KEY, type TencentBehaviour } from './fake-tencent-sms.ts';
import type { LoopbackServer } from './loopback-server.ts';

const CODE: OutboundText = { text: '您的验证码是 123456，10 分钟内有效。', template: { kind: 'one_time_code', params: { code: '123456', minutes: '10' } } };

let fake: LoopbackServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function tencent(url: string, secretKey = TENCENT_TEST_KEY.secretKey) {
  return createSmsChannel(createTencentSmsDriver({ ...TENCENT_TEST_KEY, secretKey, sdkAppId: '1400006666', signName: '湛江就业', templateId: '449739', region: 'ap-guangzhou', endpoint: url, timeoutSeconds: 2 }));
}

function aliyun(url: string, accessKeySecret = ALIYUN_TEST_KEY.accessKeySecret) {
  return createSmsChannel(createAliyunSmsDriver({ ...ALIYUN_TEST_KEY, accessKeySecret, signName: '湛江就业', templateCode: 'SMS_154950909', regionId: 'cn-hangzhou', endpoint: url, timeoutSeconds: 2 }));
}

describe('Tencent Cloud SMS (tencentcloud-sdk-nodejs-sms)', () => {
  const start = async (behaviour: TencentBehaviour) => (fake = await startFakeTencentSms(() => behaviour));

  it('sends the code with a signature the provider accepts, in the template order {1} code, {2} minutes', async () => {
    const server = await start('ok');
    expect(await tencent(server.url).send('138 1234 5678', CODE)).toEqual({ ok: true, providerMessageId: '5000:1045710669157053657849499619' });
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({
      PhoneNumberSet: ['+8613812345678'], SmsSdkAppId: '1400006666', SignName: '湛江就业', TemplateId: '449739', TemplateParamSet: ['123456', '10'],
    });
  });

  it('a wrong secret: the provider refuses the signature, a final failure', async () => {
    const server = await start('ok');
    expect(await tencent(server.url, 'not-the-secret').send('13812345678', CODE)).toEqual({ ok: false, retryable: false, code: 'AuthFailure.SignatureFailure' });
  });

  it('the per-number rate limit is retryable; an unapproved template is final', async () => {
    let behaviour: TencentBehaviour = 'phoneLimit';
    const server = (fake = await startFakeTencentSms(() => behaviour));
    expect(await tencent(server.url).send('13812345678', CODE)).toEqual({ ok: false, retryable: true, code: 'LimitExceeded.PhoneNumberThirtySecondLimit' });
    behaviour = 'badTemplate';
    expect(await tencent(server.url).send('13812345678', CODE)).toEqual({ ok: false, retryable: false, code: 'FailedOperation.TemplateIncorrectOrUnapproved' });
  });

  it('an unreachable provider is retryable', async () => {
    const server = await start('ok');
    await server.close();
    fake = null;
    expect(await tencent(server.url).send('13812345678', CODE)).toMatchObject({ ok: false, retryable: true });
  });
});

describe('Alibaba Cloud SMS (@alicloud/dysmsapi20170525)', () => {
  const start = async (behaviour: AliyunBehaviour) => (fake = await startFakeAliyunSms(() => behaviour));

  it('sends the code with a V3 signature the provider accepts, the code as ${code}', async () => {
    const server = await start('ok');
    expect(await aliyun(server.url).send('+86 13812345678', CODE)).toEqual({ ok: true, providerMessageId: '9006197469364984^0' });
    const query = new URLSearchParams(server.requests[0]?.url.split('?')[1] ?? '');
    expect(Object.fromEntries(query)).toMatchObject({ PhoneNumbers: '13812345678', SignName: '湛江就业', TemplateCode: 'SMS_154950909', TemplateParam: '{"code":"123456"}' });
    expect(server.requests[0]?.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5tEXAMPLEKEYID,SignedHeaders=.*host.*,Signature=[0-9a-f]{64}$/);
  });

  it('a wrong secret: the provider refuses the signature, a final failure', async () => {
    const server = await start('ok');
    expect(await aliyun(server.url, 'not-the-secret').send('13812345678', CODE)).toEqual({ ok: false, retryable: false, code: 'SignatureDoesNotMatch' });
  });

  it('the business rate limit is retryable; an illegal number is final', async () => {
    let behaviour: AliyunBehaviour = 'businessLimit';
    const server = (fake = await startFakeAliyunSms(() => behaviour));
    expect(await aliyun(server.url).send('13812345678', CODE)).toEqual({ ok: false, retryable: true, code: 'isv.BUSINESS_LIMIT_CONTROL' });
    behaviour = 'badMobile';
    expect(await aliyun(server.url).send('13812345678', CODE)).toEqual({ ok: false, retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' });
  });

  it('an unreachable provider is retryable', async () => {
    const server = await start('ok');
    await server.close();
    fake = null;
    expect(await aliyun(server.url).send('13812345678', CODE)).toMatchObject({ ok: false, retryable: true });
  });
});

describe('the SMS channel itself', () => {
  it('sends nothing to an address that is not a mainland mobile number, or a message without a template', async () => {
    const server = await startFakeTencentSms(() => 'ok');
    fake = server;
    expect(await tencent(server.url).send('12345', CODE)).toEqual({ ok: false, retryable: false, code: 'invalid_address' });
    expect(await tencent(server.url).send('13812345678', { text: 'hello' })).toEqual({ ok: false, retryable: false, code: 'no_template' });
    expect(server.requests).toHaveLength(0);
  });
});
