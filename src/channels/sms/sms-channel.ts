// SMS as an outbound channel: the address is a mainland mobile number, the message a registered template
// (one-time codes for now; outreach reuses the same channel). The driver is chosen by configuration.
import type { OutboundChannel } from '../../conversation/ports.ts';
import { parseMobileNumber } from '../../domain/contact/mobile-number.ts';
import { createLogSmsDriver, type SmsLogger } from './log-sms-driver.ts';
import { failure, type SmsDriver } from './sms-driver.ts';

export const SMS_CHANNEL_ID = 'sms';

export function createSmsChannel(driver: SmsDriver): OutboundChannel & { readonly provider: string } {
  return {
    channel: SMS_CHANNEL_ID,
    provider: driver.provider,
    async send(address, message) {
      const phone = parseMobileNumber(address);
      if (!phone.valid) return { ok: false, retryable: false, code: 'invalid_address' };
      // SMS in mainland China carries only approved templates: a message without one cannot go by SMS.
      if (!message.template) return { ok: false, retryable: false, code: 'no_template' };
      return driver.sendCode(phone.normalized, message.template.params);
    },
  };
}

/** The SMS settings of the configuration (src/config/app-config.ts), already validated. */
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

/**
 * A provider's driver loaded in the background: the cloud SDKs take up to half a second of CPU to import, so only
 * the configured one is loaded, and a start with SMS_PROVIDER=log loads none.
 */
function loadedDriver(provider: string, load: () => Promise<SmsDriver>): SmsDriver {
  const driver = load();
  driver.catch(() => undefined);
  return {
    provider,
    async sendCode(phone, code) {
      const ready = await driver.catch(() => null);
      return ready ? ready.sendCode(phone, code) : failure('driver_unavailable');
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
      logger.warn({ sms: { provider: 'log' } }, 'SMS_PROVIDER=log: one-time codes are written to this log, not sent to phones (set SMS_PROVIDER=tencent or aliyun)');
      return createLogSmsDriver(logger);
  }
}
