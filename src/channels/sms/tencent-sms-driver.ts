// Tencent Cloud SMS (短信 SendSms, API 2021-01-11) through the official SDK, tencentcloud-sdk-nodejs-sms. The
// code template takes {1} = code and {2} = minutes (Tencent's standard verification-code template); notice
// templates take their parameters in order.
import tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import type { SendOutcome } from '../../conversation/ports.ts';
import { failure, splitEndpoint, type SmsDriver } from './sms-driver.ts';

export interface TencentSmsOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  region: string;
  /** Host or URL; default sms.tencentcloudapi.com over https. */
  endpoint?: string;
  timeoutSeconds: number;
}

export function createTencentSmsDriver(o: TencentSmsOptions): SmsDriver {
  const endpoint = splitEndpoint(o.endpoint ?? 'sms.tencentcloudapi.com');
  const client = new tencentcloud.sms.v20210111.Client({
    credential: { secretId: o.secretId, secretKey: o.secretKey },
    region: o.region,
    profile: { signMethod: 'TC3-HMAC-SHA256', httpProfile: { endpoint: endpoint.host, protocol: `${endpoint.protocol}://`, reqMethod: 'POST', reqTimeout: o.timeoutSeconds } },
  });
  async function send(phone: string, templateId: string, params: string[]): Promise<SendOutcome> {
    try {
      const response = await client.SendSms({ PhoneNumberSet: [`+86${phone}`], SmsSdkAppId: o.sdkAppId, SignName: o.signName, TemplateId: templateId, TemplateParamSet: params });
      const status = response.SendStatusSet?.[0];
      if (status?.Code === 'Ok') return { ok: true, providerMessageId: status.SerialNo ?? response.RequestId ?? '' };
      return failure(status?.Code ?? 'NoSendStatus');
    } catch (error) {
      return failure(errorCodeOf(error));
    }
  }
  return {
    provider: 'tencent',
    sendCode: (phone, code) => send(phone, o.templateId, [code.code, code.minutes]),
    // TemplateParamSet is positional: the template's {1}, {2}, ... in the configured order.
    sendTemplate: (phone, templateId, params) => send(phone, templateId, params.map((p) => p.value)),
  };
}

/** The SDK's exception carries the API's error code; a network failure has none. */
function errorCodeOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code) return error.code;
  return 'network';
}
