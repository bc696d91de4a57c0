// Inbound SMS (上行短信) against the whole service, with Tencent Cloud SMS behind a loopback fake that checks
// signatures: a reply from a number on file reaches the engine as channel `sms` and is answered by the generic
// notice template with a working short link; a provider retry is dropped; Alibaba's batch push is read, an
// unknown number recorded and not answered, the per-number limit holds a second answer back; bad calls are 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON, startSmsService, UPLINK_SECRET, type SmsService } from './sms-service.ts';
import { startFakeTencentSms, TENCENT_TEST_KEY } from './fake-tencent-sms.ts';
import type { LoopbackServer } from './loopback-server.ts';

let sms: SmsService;
let provider: LoopbackServer;

beforeAll(async () => {
  provider = await startFakeTencentSms(() => 'ok');
  sms = await startSmsService({
    SMS_PROVIDER: 'tencent', SMS_ENDPOINT: provider.url, SMS_SECRET_ID: TENCENT_TEST_KEY.secretId, SMS_SECRET_KEY: TENCENT_TEST_KEY.secretKey,
    SMS_SDK_APP_ID: '1400006666', SMS_SIGN_NAME: '湛江就业', SMS_TEMPLATE_ID: '449739',
  });
});

afterAll(async () => {
  await sms?.close();
  await provider?.close();
});

const post = (path: string, body: string, type = 'application/json') =>
  fetch(`${sms.service.url}/channels/sms/${path}`, { method: 'POST', headers: { 'content-type': type }, body });
const tencentReply = (text: string, time = 1_772_503_200) => JSON.stringify({ extend: '', mobile: PERSON.phone, nationcode: '86', sign: '湛江就业', text, time });
const sent = () => provider.requests.map((r) => JSON.parse(r.body) as { PhoneNumberSet: string[]; TemplateId: string; TemplateParamSet: string[] });
const audits = (action: string) => sms.database.prisma.auditEvent.findMany({ where: { action } });

describe('inbound SMS', () => {
  it('Tencent: the reply reaches the engine as the person, and is answered by template with a short link that works', async () => {
    const answer = await post(`${UPLINK_SECRET}/tencent`, tencentReply('我的进度'));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ result: 0, errmsg: 'OK' });
    expect(sent()).toHaveLength(1);
    const [reply] = sent();
    expect(reply?.PhoneNumberSet).toEqual([`+86${PERSON.phone}`]);
    expect(reply?.TemplateId).toBe('7654321');
    expect(reply?.TemplateParamSet[0]).toBe('新消息');
    const link = reply?.TemplateParamSet[1] ?? '';
    expect(link).toMatch(/^https:\/\/jiuye\.example\.gov\.cn\/s\/[A-Za-z0-9_-]{22}$/);
    const page = await fetch(`${sms.service.url}${new URL(link).pathname}`);
    expect(page.status).toBe(200);
    // The SMS conversation is the person's, keyed by the number's hash: the number itself is nowhere in it.
    const address = await sms.database.prisma.channelAddress.findFirstOrThrow({ where: { channel: 'sms' } });
    expect(address.jobSeekerId).toBe(PERSON.id);
    expect(`${address.userKey}${address.conversationId}${address.reference}`).not.toContain(PERSON.phone);
    const transcript = await sms.database.prisma.transcriptMessage.findMany({ where: { conversationKey: address.conversationId } });
    expect(transcript.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(transcript.filter((m) => m.direction === 'out').length).toBeGreaterThan(0);
    expect(await audits('sms.replySent')).toHaveLength(1);
  });

  it('the provider sending the same reply again: accepted, not handled or answered twice', async () => {
    const answer = await post(`${UPLINK_SECRET}/tencent`, tencentReply('我的进度'));
    expect(answer.status).toBe(200);
    expect(sent()).toHaveLength(1);
    expect(await sms.database.prisma.smsUplink.count()).toBe(1);
    expect(await audits('sms.uplinkReceived')).toHaveLength(1);
  });

  it('Alibaba batch push: an unknown number is recorded and not answered; the person\'s second answer waits for the per-number gap', async () => {
    const batch = [
      { phone_number: '13900000000', content: '你好', send_time: '2026-03-03 10:00:05', dest_code: '1234', sequence_id: 9001, sign_name: '湛江就业' },
      { phone_number: PERSON.phone, content: '帮助', send_time: '2026-03-03 10:00:06', dest_code: '1234', sequence_id: '9002', sign_name: '湛江就业' },
    ];
    const answer = await post(`${UPLINK_SECRET}/aliyun`, JSON.stringify(batch));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ code: 0, msg: '接收成功' });
    expect(await sms.database.prisma.smsUplink.findMany({ where: { provider: 'aliyun' }, orderBy: { providerMessageId: 'asc' }, select: { providerMessageId: true, jobSeekerId: true } }))
      .toEqual([{ providerMessageId: '9001', jobSeekerId: null }, { providerMessageId: '9002', jobSeekerId: PERSON.id }]);
    expect(await audits('sms.uplinkUnknownNumber')).toHaveLength(1);
    expect(sent().filter((r) => r.PhoneNumberSet[0] === '+8613900000000')).toHaveLength(0);
    // Seconds after the first answer: the 30-second per-number gap holds this one back (deferred, not lost to the provider).
    expect(sent()).toHaveLength(1);
    const held = await audits('sms.replyNotSent');
    expect(held).toHaveLength(1);
    expect(JSON.parse(held[0]?.details ?? '{}')).toMatchObject({ code: 'number_limit_min_gap', retryable: true });
  });

  it('bad calls are refused with 4xx and change nothing', async () => {
    const before = await sms.database.prisma.smsUplink.count();
    expect((await post('not-the-secret-at-all-0000000000/tencent', tencentReply('x', 1))).status).toBe(404);
    expect((await post(`${UPLINK_SECRET}/mobile`, tencentReply('x', 2))).status).toBe(404);
    expect((await post(`${UPLINK_SECRET}/tencent`, '{"mobile":')).status).toBe(400);
    const wrongShape = await post(`${UPLINK_SECRET}/tencent`, JSON.stringify({ phone: PERSON.phone, text: 'x' }));
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toEqual({ result: 1, errmsg: 'bad request' });
    expect((await post(`${UPLINK_SECRET}/aliyun`, JSON.stringify({ phone_number: PERSON.phone }))).status).toBe(400);
    expect((await post(`${UPLINK_SECRET}/tencent`, tencentReply('长'.repeat(1001), 3))).status).toBe(400);
    expect((await post(`${UPLINK_SECRET}/aliyun`, JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ phone_number: PERSON.phone, content: 'x', sequence_id: i }))))).status).toBe(400);
    expect((await post(`${UPLINK_SECRET}/tencent`, `{"text":"${'x'.repeat(70_000)}"}`)).status).toBe(413);
    expect((await post(`${UPLINK_SECRET}/tencent`, `${'['.repeat(200)}${']'.repeat(200)}`)).status).toBe(400);
    expect(await sms.database.prisma.smsUplink.count()).toBe(before);
  });
});
