// The demo's SMS "provider": no message leaves the machine; the code is written to the server log so a tester
// can type it back. The phone number is masked; only the code is shown.
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
  };
}
