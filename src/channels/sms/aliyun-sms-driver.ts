// Alibaba Cloud SMS (Dysmsapi SendSms, API 2017-05-25) through the official SDK, @alicloud/dysmsapi20170525,
// which signs with ACS3-HMAC-SHA256. Verification-code templates take one variable: ${code}; notice templates
// take theirs by name.
import dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import * as openapi from '@alicloud/openapi-client';
import type { SendOutcome } from '../../conversation/ports.ts';
import { failure, splitEndpoint, type SmsDriver } from './sms-driver.ts';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  regionId: string;
  /** Host or URL; default dysmsapi.aliyuncs.com over https. */
  endpoint?: string;
  timeoutSeconds: number;
}

/**
 * The package is CommonJS: under Node's ESM loader the default import is the module, whose `default` is the
 * client; loaders with default interop (vitest) hand over the client itself.
 */
const Dysmsapi = typeof dysmsapi === 'function' ? dysmsapi : dysmsapi.default;

export function createAliyunSmsDriver(o: AliyunSmsOptions): SmsDriver {
  const endpoint = splitEndpoint(o.endpoint ?? 'dysmsapi.aliyuncs.com');
  const client = new Dysmsapi(
    new openapi.Config({
      accessKeyId: o.accessKeyId,
      accessKeySecret: o.accessKeySecret,
      regionId: o.regionId,
      endpoint: endpoint.host,
      protocol: endpoint.protocol,
      connectTimeout: o.timeoutSeconds * 1000,
      readTimeout: o.timeoutSeconds * 1000,
    }),
  );
  async function send(phone: string, templateCode: string, params: Record<string, string>): Promise<SendOutcome> {
    try {
      const response = await client.sendSms(new SendSmsRequest({ phoneNumbers: phone, signName: o.signName, templateCode, templateParam: JSON.stringify(params) }));
      const body = response.body;
      if (body?.code === 'OK') return { ok: true, providerMessageId: body.bizId ?? body.requestId ?? '' };
      return failure(body?.code ?? 'NoResponseBody');
    } catch (error) {
      return failure(errorCodeOf(error));
    }
  }
  return {
    provider: 'aliyun',
    sendCode: (phone, code) => send(phone, o.templateCode, { code: code.code }),
    // TemplateParam is a JSON object: the template's ${name} variables by name.
    sendTemplate: (phone, templateCode, params) => send(phone, templateCode, Object.fromEntries(params.map((p) => [p.name, p.value]))),
  };
}

/** The SDK's ResponseError carries the API's error code; a network failure has none. */
function errorCodeOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code) return error.code;
  return 'network';
}
