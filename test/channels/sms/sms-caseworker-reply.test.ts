// A caseworker answering a case opened by SMS (the person texted 转人工): SMS carries no free text, so the
// person gets the caseworker-reply notice (here the generic template) with a short link to web chat; the
// caseworker's words never go into the SMS. Tencent Cloud SMS behind the signature-checking loopback fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASEWORKER } from '../../../src/caseworker/demo-data.ts';
import { callApi, listCases, loginAs, waitUntil } from '../../support/console-api.ts';
import { PERSON, startSmsService, UPLINK_SECRET, type SmsService } from './sms-service.ts';
import { startFakeTencentSms, TENCENT_TEST_KEY } from './fake-tencent-sms.ts';
import type { LoopbackServer } from './loopback-server.ts';

let sms: SmsService;
let provider: LoopbackServer;

beforeAll(async () => {
  provider = await startFakeTencentSms(() => 'ok');
  sms = await startSmsService({
    SMS_PROVIDER: 'tencent', SMS_ENDPOINT: provider.url, SMS_SECRET_ID: TENCENT_TEST_KEY.secretId, SMS_SECRET_KEY: TENCENT_TEST_KEY.secretKey,
    SMS_SDK_APP_ID: '1400006666', SMS_SIGN_NAME: '湛江就业', SMS_TEMPLATE_ID: '449739', SMS_NUMBER_MIN_GAP_SECONDS: '1',
  });
});

afterAll(async () => {
  await sms?.close();
  await provider?.close();
});

const sent = () => provider.requests.map((r) => JSON.parse(r.body) as { TemplateId: string; TemplateParamSet: string[] });

describe('a caseworker reply to an SMS conversation', () => {
  it('goes out as a notice with a short link, not as the words', async () => {
    const text = JSON.stringify({ mobile: PERSON.phone, nationcode: '86', sign: '湛江就业', text: '转人工', time: 1_772_503_200 });
    const answer = await fetch(`${sms.service.url}/channels/sms/${UPLINK_SECRET}/tencent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    expect(answer.status).toBe(200);
    expect(sent()).toHaveLength(1);
    const token = await loginAs(sms.service.url, DEMO_CASEWORKER.username, DEMO_CASEWORKER.password);
    const cases = await waitUntil(() => listCases(sms.service.url, token, 'new'), (list) => list.some((c) => c.person.channel === 'sms'));
    const opened = cases.find((c) => c.person.channel === 'sms');
    if (!opened) throw new Error('no case from SMS');
    // Past the (here one-second) per-number gap since the bot's answer, before each message the console sends.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await callApi(sms.service.url, token, 'POST', `/cases/${opened.id}/claim`, {})).status).toBe(200);
    // Claiming tells the person a caseworker has joined: by SMS, that is a caseworker-reply notice too.
    expect(sent()).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const words = '您好，请明天带身份证到服务大厅办理。';
    expect((await callApi(sms.service.url, token, 'POST', `/cases/${opened.id}/reply`, { text: words })).status).toBe(200);
    expect(sent()).toHaveLength(3);
    const notice = sent()[2];
    expect(notice?.TemplateId).toBe('7654321');
    expect(notice?.TemplateParamSet[0]).toBe('工作人员回复');
    expect(notice?.TemplateParamSet[1]).toMatch(/^https:\/\/jiuye\.example\.gov\.cn\/s\/[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(sent())).not.toContain('身份证');
  });
});
