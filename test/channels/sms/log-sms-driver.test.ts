// With no SMS provider configured (the demo), the code goes to the server log, the phone masked, and the
// service says so when it starts.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSmsChannel, smsDriverFromSettings } from '../../../src/channels/sms/sms-channel.ts';
import { loadConfig } from '../../../src/config/app-config.ts';
import { createLogger } from '../../../src/logging/logger.ts';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const raw: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { raw.push(String(chunk)); done(); } });
  return { lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>), stream };
}

describe('SMS_PROVIDER=log', () => {
  it('is the default; says at start-up that codes are logged, then logs each code with the phone masked', async () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    const config = loadConfig({});
    expect(config.SMS_PROVIDER).toBe('log');
    const sms = createSmsChannel(smsDriverFromSettings(config, logger));
    expect(lines()).toHaveLength(1);
    expect(lines()[0]?.msg).toContain('SMS_PROVIDER=log: one-time codes are written to this log, not sent');

    const outcome = await sms.send('13812348000', { text: '您的验证码是 654321', template: { kind: 'one_time_code', params: { code: '654321', minutes: '10' } } });
    expect(outcome).toMatchObject({ ok: true });
    const logged = JSON.stringify(lines()[1]);
    expect(logged).toContain('"code":"654321"');
    expect(logged).toContain('138****8000');
    expect(logged).not.toContain('13812348000');
  });
});

describe('SMS configuration', () => {
  it('a real provider without its credentials stops start-up with a line naming what is missing, never the secret', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'tencent', SMS_SECRET_ID: 'id', SMS_SECRET_KEY: 'very-secret', SMS_SIGN_NAME: '湛江就业', SMS_TEMPLATE_ID: '449739' }))
      .toThrow('Configuration error: SMS_SDK_APP_ID is required when SMS_PROVIDER=tencent');
    expect(() => loadConfig({ SMS_PROVIDER: 'aliyun', SMS_SECRET_KEY: 'very-secret' })).toThrow(/^Configuration error: SMS_SECRET_ID is required when SMS_PROVIDER=aliyun$/);
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/^Configuration error: SMS_PROVIDER /);
    expect(() => loadConfig({ SMS_ENDPOINT: 'ftp://x' })).toThrow(/^Configuration error: SMS_ENDPOINT /);
  });

  it('picks the configured provider', () => {
    const quiet = createLogger('silent');
    const base = { SMS_SECRET_ID: 'id', SMS_SECRET_KEY: 'key', SMS_SIGN_NAME: '湛江就业', SMS_TEMPLATE_ID: 'SMS_1' };
    expect(smsDriverFromSettings(loadConfig({ ...base, SMS_PROVIDER: 'aliyun' }), quiet).provider).toBe('aliyun');
    expect(smsDriverFromSettings(loadConfig({ ...base, SMS_PROVIDER: 'tencent', SMS_SDK_APP_ID: '1400006666' }), quiet).provider).toBe('tencent');
  });
});
