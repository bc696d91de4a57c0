// The SMS settings of the configuration (src/config/app-config.ts), already validated, and the driver they choose.
// The cloud SDKs take up to half a second of CPU to import, so only the configured one is loaded, in the background.
import { createLogSmsDriver, type SmsLogger } from './log-sms-driver.ts';
import { failure, type SmsDriver } from './sms-driver.ts';

export interface SmsSettings {
  SMS_PROVIDER: 'log' | 'tencent' | 'aliyun';
  SMS_SECRET_ID?: string | undefined;
  SMS_SECRET_KEY?: string | undefined;
  SMS_SDK_APP_ID?: string | undefined;
  SMS_SIGN_NAME?: string | undefined;
  SMS_TEMPLATE_ID?: string | undefined;
  SMS_REGION?: string | undefined;
  SMS_ENDPOINT?: string | undefined;
  SMS_TIMEOUT_SECONDS: number;
}

/** A provider's driver loaded in the background; a send before it is ready waits for it. */
function loadedDriver(provider: string, load: () => Promise<SmsDriver>): SmsDriver {
  const driver = load();
  driver.catch(() => undefined);
  const ready = () => driver.catch(() => null);
  return {
    provider,
    async sendCode(phone, code) {
      const d = await ready();
      return d ? d.sendCode(phone, code) : failure('driver_unavailable');
    },
    async sendTemplate(phone, templateId, params) {
      const d = await ready();
      return d ? d.sendTemplate(phone, templateId, params) : failure('driver_unavailable');
    },
  };
}

/** Builds the configured driver; with `log` (the demo) it says at start-up that codes go to the log. */
export function smsDriverFromSettings(s: SmsSettings, logger: SmsLogger): SmsDriver {
  const endpoint = s.SMS_ENDPOINT ? { endpoint: s.SMS_ENDPOINT } : {};
  switch (s.SMS_PROVIDER) {
    case 'tencent':
      return loadedDriver('tencent', async () => (await import('./tencent-sms-driver.ts')).createTencentSmsDriver({
        secretId: s.SMS_SECRET_ID ?? '', secretKey: s.SMS_SECRET_KEY ?? '', sdkAppId: s.SMS_SDK_APP_ID ?? '', signName: s.SMS_SIGN_NAME ?? '',
        templateId: s.SMS_TEMPLATE_ID ?? '', region: s.SMS_REGION ?? 'ap-guangzhou', timeoutSeconds: s.SMS_TIMEOUT_SECONDS, ...endpoint,
      }));
    case 'aliyun':
      return loadedDriver('aliyun', async () => (await import('./aliyun-sms-driver.ts')).createAliyunSmsDriver({
        accessKeyId: s.SMS_SECRET_ID ?? '', accessKeySecret: s.SMS_SECRET_KEY ?? '', signName: s.SMS_SIGN_NAME ?? '',
        templateCode: s.SMS_TEMPLATE_ID ?? '', regionId: s.SMS_REGION ?? 'cn-hangzhou', timeoutSeconds: s.SMS_TIMEOUT_SECONDS, ...endpoint,
      }));
    case 'log':
      logger.warn({ sms: { provider: 'log' } }, 'SMS_PROVIDER=log: one-time codes are written to this log, not sent to phones, notices too (set SMS_PROVIDER=tencent or aliyun)');
      return createLogSmsDriver(logger);
  }
}
