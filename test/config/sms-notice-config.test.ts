// The SMS notice settings as start-up reads them: templates parsed from JSON, limits and link days with the
// providers' defaults, a bad value stops start-up with one line naming the variable (the inbound secret unprinted).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/app-config.ts';

describe('SMS notice settings', () => {
  it('defaults: Tencent per-number limits, 7-day links, no templates, no public address, no inbound SMS', () => {
    const config = loadConfig({});
    expect([config.SMS_NUMBER_MIN_GAP_SECONDS, config.SMS_NUMBER_MAX_PER_HOUR, config.SMS_NUMBER_MAX_PER_DAY, config.SMS_LINK_DAYS]).toEqual([30, 5, 10, 7]);
    expect([config.SMS_NOTICE_TEMPLATES, config.PUBLIC_BASE_URL, config.SMS_UPLINK_SECRET]).toEqual([undefined, undefined, undefined]);
  });

  it('templates are read from JSON', () => {
    const config = loadConfig({ SMS_NOTICE_TEMPLATES: '{"check_in":{"id":"1234567","params":["topic","link"]}}', PUBLIC_BASE_URL: 'https://jiuye.example.gov.cn' });
    expect(config.SMS_NOTICE_TEMPLATES).toEqual({ check_in: { id: '1234567', params: ['topic', 'link'] } });
  });

  it.each([
    ['SMS_NOTICE_TEMPLATES', '{"check_in":'],
    ['SMS_NOTICE_TEMPLATES', '{"check_in":{"id":"1","params":["phone"]}}'],
    ['PUBLIC_BASE_URL', 'jiuye.example.gov.cn'],
    ['PUBLIC_BASE_URL', 'https://jiuye.example.gov.cn/?next=evil'],
    ['SMS_NUMBER_MAX_PER_DAY', '0'],
    ['SMS_UPLINK_SECRET', 'short'],
  ])('%s=%s stops start-up naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Configuration error: ${name} `));
  });

  it('a bad inbound secret is not printed', () => {
    expect(() => loadConfig({ SMS_UPLINK_SECRET: 'has spaces in it and is long enough' })).not.toThrow(/has spaces/);
  });
});
