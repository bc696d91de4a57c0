// Notices by SMS: each kind in its approved template with its named parameters, through each provider's
// official SDK against the loopback fakes (which check the signatures): Tencent's TemplateParamSet in the
// template's order, Alibaba's TemplateParam as a JSON object by name. A kind without a template is not carried
// (final), the per-number limit defers (retryable, with the time), a refused message gives its slot back.
import { afterEach, describe, expect, it } from 'vitest';
import { createAliyunSmsDriver } from '../../../src/channels/sms/aliyun-sms-driver.ts';
import { createLogSmsDriver } from '../../../src/channels/sms/log-sms-driver.ts';
import { createSmsChannel, type SmsChannelOptions } from '../../../src/channels/sms/sms-channel.ts';
import { smsNoticeTemplatesEnv } from '../../../src/channels/sms/sms-notice-templates.ts';
import type { NumberReservation, ShortLinkStore, SmsNumberLimiter } from '../../../src/channels/sms/sms-ports.ts';
import { createTencentSmsDriver } from '../../../src/channels/sms/tencent-sms-driver.ts';
import type { OutboundText } from '../../../src/conversation/ports.ts';
import { ALIYUN_TEST_KEY, startFakeAliyunSms } from './fake-aliyun-sms.ts';
import { startFakeTencentSms, TENCENT_TEST_KEY } from './fake-tencent-sms.ts';
import type { LoopbackServer } from './loopback-server.ts';

const AT = new Date('2026-03-03T02:00:00.000Z');
const NOTICES = smsNoticeTemplatesEnv.parse(JSON.stringify({
  check_in: { id: '1234567', params: ['topic', 'link', 'days'] },
  quota: { id: '1234568', params: ['topic'] },
}));
const checkIn = (jobSeekerId = 'p-1'): OutboundText => ({ text: '定期回访', template: { kind: 'notice', notice: 'check_in', jobSeekerId, topic: '定期回访' } });

/** Short links as the store issues them: a fixed token here, so the SMS text can be asserted. */
function fakeLinks(): ShortLinkStore & { issued: { jobSeekerId: string; expiresAt: Date }[] } {
  const issued: { jobSeekerId: string; expiresAt: Date }[] = [];
  return {
    issued,
    async issue(jobSeekerId, _now, expiresAt) {
      issued.push({ jobSeekerId, expiresAt });
      return { token: 'AbCdEfGhIjKlMnOpQrStUv', linkId: `link-${issued.length}` };
    },
    use: async () => ({ ok: false, reason: 'unknown' }),
    peek: async () => ({ ok: false, reason: 'unknown' }),
  };
}

function options(extra: Partial<SmsChannelOptions> = {}): SmsChannelOptions {
  return { notices: NOTICES, links: { store: fakeLinks(), baseUrl: 'https://jiuye.example.gov.cn/', days: 7 }, clock: () => AT, ...extra };
}

let fake: LoopbackServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const tencentDriver = (url: string) => createTencentSmsDriver({ ...TENCENT_TEST_KEY, sdkAppId: '1400006666', signName: '湛江就业', templateId: '449739', region: 'ap-guangzhou', endpoint: url, timeoutSeconds: 2 });
const aliyunDriver = (url: string) => createAliyunSmsDriver({ ...ALIYUN_TEST_KEY, signName: '湛江就业', templateCode: 'SMS_154950909', regionId: 'cn-hangzhou', endpoint: url, timeoutSeconds: 2 });

describe('notice templates through the providers', () => {
  it('Tencent: the notice template id and its parameters in order {1} topic, {2} link, {3} days', async () => {
    const server = (fake = await startFakeTencentSms(() => 'ok'));
    const links = fakeLinks();
    const sms = createSmsChannel(tencentDriver(server.url), options({ links: { store: links, baseUrl: 'https://jiuye.example.gov.cn/', days: 7 } }));
    expect(await sms.send('13812345678', checkIn())).toEqual({ ok: true, providerMessageId: '5000:1045710669157053657849499619' });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({
      PhoneNumberSet: ['+8613812345678'], SmsSdkAppId: '1400006666', SignName: '湛江就业', TemplateId: '1234567',
      TemplateParamSet: ['定期回访', 'https://jiuye.example.gov.cn/s/AbCdEfGhIjKlMnOpQrStUv', '7'],
    });
    expect(links.issued).toEqual([{ jobSeekerId: 'p-1', expiresAt: new Date(AT.getTime() + 7 * 86_400_000) }]);
  });

  it('Alibaba: TemplateParam is a JSON object by name; a quota kind uses the quota family template', async () => {
    const server = (fake = await startFakeAliyunSms(() => 'ok'));
    const sms = createSmsChannel(aliyunDriver(server.url), options());
    const outcome = await sms.send('13812345678', { text: '岗位推荐', template: { kind: 'notice', notice: 'quota_jobs', jobSeekerId: 'p-1', topic: '岗位推荐' } });
    expect(outcome).toEqual({ ok: true, providerMessageId: '9006197469364984^0' });
    const query = new URLSearchParams(server.requests[0]?.url.split('?')[1] ?? '');
    expect(Object.fromEntries(query)).toMatchObject({ PhoneNumbers: '13812345678', TemplateCode: '1234568', TemplateParam: '{"topic":"岗位推荐"}' });
  });

  it('the log driver records the notice with the number masked and the link', async () => {
    const lines: object[] = [];
    const sms = createSmsChannel(createLogSmsDriver({ info: (o) => void lines.push(o), warn: () => {} }), options());
    expect(await sms.send('13812345678', checkIn())).toMatchObject({ ok: true });
    expect(JSON.stringify(lines)).toContain('138****5678');
    expect(JSON.stringify(lines)).not.toContain('13812345678');
    expect(lines[0]).toMatchObject({ sms: { template: '1234567', params: { topic: '定期回访', link: 'https://jiuye.example.gov.cn/s/AbCdEfGhIjKlMnOpQrStUv', days: '7' } } });
  });
});

describe('what the SMS channel cannot carry, or not yet', () => {
  it('a kind without a template (and no generic one) is a final no_template_for_kind; nothing is sent', async () => {
    const server = (fake = await startFakeTencentSms(() => 'ok'));
    const sms = createSmsChannel(tencentDriver(server.url), options());
    expect(await sms.send('13812345678', { text: 'x', template: { kind: 'notice', notice: 'first_contact', jobSeekerId: 'p-1', topic: '首次联系' } }))
      .toEqual({ ok: false, retryable: false, code: 'no_template_for_kind' });
    expect(server.requests).toHaveLength(0);
  });

  it('with a generic new_message template, any kind without its own goes out in it', async () => {
    const server = (fake = await startFakeTencentSms(() => 'ok'));
    const notices = smsNoticeTemplatesEnv.parse('{"new_message":{"id":"7654321","params":["topic","link"]}}');
    const sms = createSmsChannel(tencentDriver(server.url), options({ notices }));
    expect(await sms.send('13812345678', { text: 'x', template: { kind: 'notice', notice: 'caseworker_reply', jobSeekerId: 'p-1', topic: '工作人员回复' } })).toMatchObject({ ok: true });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({ TemplateId: '7654321', TemplateParamSet: ['工作人员回复', 'https://jiuye.example.gov.cn/s/AbCdEfGhIjKlMnOpQrStUv'] });
  });

  it('a template with a link but no public address configured: final no_short_link', async () => {
    const sms = createSmsChannel(createLogSmsDriver({ info: () => {}, warn: () => {} }), { notices: NOTICES });
    expect(await sms.send('13812345678', checkIn())).toEqual({ ok: false, retryable: false, code: 'no_short_link' });
  });

  it('a notice to an address that is not a number goes to the phone on file; none on file is final', async () => {
    const server = (fake = await startFakeTencentSms(() => 'ok'));
    const phones: Record<string, string> = { 'p-1': '13912345678' };
    const sms = createSmsChannel(tencentDriver(server.url), options({ phoneBook: { phoneOf: async (id) => phones[id] ?? null } }));
    expect(await sms.send('on-file', checkIn('p-1'))).toMatchObject({ ok: true });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({ PhoneNumberSet: ['+8613912345678'] });
    expect(await sms.send('on-file', checkIn('p-2'))).toEqual({ ok: false, retryable: false, code: 'invalid_address' });
  });

  it('over the per-number limit: retryable with the time it can go; a refused send gives its slot back', async () => {
    let behaviour: 'ok' | 'badTemplate' = 'badTemplate';
    const server = (fake = await startFakeTencentSms(() => behaviour));
    const released: string[] = [];
    let next: NumberReservation = { ok: true, id: 'r-1' };
    const limiter: SmsNumberLimiter = { reserve: async () => next, release: async (id) => void released.push(id) };
    const sms = createSmsChannel(tencentDriver(server.url), options({ limiter }));
    expect(await sms.send('13812345678', checkIn())).toMatchObject({ ok: false, retryable: false, code: 'FailedOperation.TemplateIncorrectOrUnapproved' });
    expect(released).toEqual(['r-1']);
    behaviour = 'ok';
    const retryAt = new Date(AT.getTime() + 30_000);
    next = { ok: false, reason: 'min_gap', retryAt };
    expect(await sms.send('13812345678', checkIn())).toEqual({ ok: false, retryable: true, code: 'number_limit_min_gap', retryAt });
    expect(server.requests).toHaveLength(1);
  });
});

describe('one-time codes share the per-number limits', () => {
  it('a code over the limit is not sent: retryable, so the person is told to try again later', async () => {
    const server = (fake = await startFakeTencentSms(() => 'ok'));
    const retryAt = new Date(AT.getTime() + 20_000);
    const limiter: SmsNumberLimiter = { reserve: async () => ({ ok: false, reason: 'min_gap', retryAt }), release: async () => {} };
    const sms = createSmsChannel(tencentDriver(server.url), options({ limiter }));
    const code: OutboundText = { text: '123456', template: { kind: 'one_time_code', params: { code: '123456', minutes: '10' } } };
    expect(await sms.send('13812345678', code)).toEqual({ ok: false, retryable: true, code: 'number_limit_min_gap', retryAt });
    expect(server.requests).toHaveLength(0);
  });
});

describe('SMS_NOTICE_TEMPLATES', () => {
  it('refuses what is not JSON, an unknown kind, an unknown parameter, or a parameter twice', () => {
    expect(smsNoticeTemplatesEnv.safeParse('{check_in').success).toBe(false);
    expect(smsNoticeTemplatesEnv.safeParse('{"birthday":{"id":"1","params":[]}}').success).toBe(false);
    expect(smsNoticeTemplatesEnv.safeParse('{"check_in":{"id":"1","params":["idNumber"]}}').success).toBe(false);
    expect(smsNoticeTemplatesEnv.safeParse('{"check_in":{"id":"1","params":["link","link"]}}').success).toBe(false);
    expect(smsNoticeTemplatesEnv.safeParse('{"check_in":{"id":"1","params":["topic","link"]}}').success).toBe(true);
  });
});
