// The demo's SMS "provider": no message leaves the machine; the code is written to the server log so a tester
// can type it back (and a notice's short link, so it can be opened). The phone number is masked.
import { randomUUID } from 'node:crypto';
import { maskMobileNumber } from '../../domain/contact/mobile-number.ts';
import type { SmsDriver } from './sms-driver.ts';

export interface SmsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export function createLogSmsDriver(logger: SmsLogger): SmsDriver {
  return {
    provider: 'log',
    async sendCode(phone, code) {
      const id = `log-${randomUUID()}`;
      logger.info({ sms: { provider: 'log', to: maskMobileNumber(phone), code: code.code, validMinutes: code.minutes, id } }, 'one-time code (SMS_PROVIDER=log: written here, not sent)');
      return { ok: true, providerMessageId: id };
    },
    async sendTemplate(phone, templateId, params) {
      const id = `log-${randomUUID()}`;
      // The demo's notices carry no personal numbers (topic, short link, days): shown so a tester can open the link.
      logger.info({ sms: { provider: 'log', to: maskMobileNumber(phone), template: templateId, params: Object.fromEntries(params.map((p) => [p.name, p.value])), id } }, 'SMS notice (SMS_PROVIDER=log: written here, not sent)');
      return { ok: true, providerMessageId: id };
    },
  };
}
