// A full unemployment registration over 微信客服 on the running service against the loopback qyapi fake: kf has
// no buttons, so every choice comes as numbered lines and the person answers with the number; each customer
// message opens a new 5-message budget, so the conversation runs message by message. It ends with the
// registration stored for the person behind this kf address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/main.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { waitUntil } from '../../support/console-api.ts';
import { callbackSigner, kfEventXml } from '../tencent/tencent-callback.ts';
import { startFakeKfApi, type FakeKfApi } from './fake-kf-api.ts';

const CORP = 'ww1436e0e65a779aee';
const keys = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: CORP };
const signer = callbackSigner(keys);
const KF = 'wkKF0010';
const USER = 'wmRegistrant1';
const clock = officeHoursClock();
let fake: FakeKfApi;
let service: RunningService;
let database: Database;
let createTime = 1_800_000_100;
/** How many texts the bot sent in answer to each customer message. */
const perMessage: number[] = [];

/** The customer writes; resolves to the texts the bot sent in answer (once they stop coming). */
async function say(text: string): Promise<string> {
  const before = fake.sentTo(USER).length;
  fake.say(KF, USER, text, clock());
  const answer = await signer.post(`${service.url}/channels/wecom/callback`, kfEventXml(CORP, KF, createTime++));
  expect(answer.status).toBe(200);
  await waitUntil(async () => fake.sentTo(USER).length, (n) => n > before);
  await new Promise((r) => setTimeout(r, 300));
  const texts = fake.sentTo(USER).slice(before);
  perMessage.push(texts.length);
  return texts.join('\n');
}

/** The number the last answer gave `option` ("2. 同意" → "2"); fails the test when the option is not offered. */
function numberOf(shown: string, option: string): string {
  const line = shown.split('\n').map((l) => /^\s*(\d+)\.\s*(.+?)\s*$/.exec(l)).find((m) => m?.[2] === option);
  if (!line?.[1]) throw new Error(`"${option}" is not among the numbered choices in: ${shown}`);
  return line[1];
}

beforeAll(async () => {
  fake = await startFakeKfApi('kf-secret');
  const config = tempServiceConfig({ WECOM_CORP_ID: CORP, WECOM_TOKEN: keys.token, WECOM_AES_KEY: keys.aesKey, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_KF_SECRET: 'kf-secret', WECOM_API_BASE: fake.url });
  service = await startTestService(config, { now: clock });
  database = openDatabase(config.DATABASE_URL);
  await database.ready;
}, 60_000);

afterAll(async () => {
  await database?.close();
  await service?.stop();
  await fake?.close();
});

describe('registration over 微信客服', () => {
  it('runs from the menu to 已提交 with every choice answered by its number, and stores the registration', { timeout: 120_000 }, async () => {
    let shown = await say('你好');
    const steps: [kind: 'choice' | 'text', value: string][] = [
      ['choice', '失业登记'], ['choice', '同意'], ['text', '王五'], ['text', '440802199005150139'], ['text', '湛江市赤坎区'],
      ['choice', '与户籍地相同'], ['text', '138 1234 5678'], ['text', '二〇二五年三月一日'], ['choice', '离职/被辞退'], ['choice', '高中/中专'],
      ['text', '电工证'], ['text', '仓管'], ['choice', '是'], ['choice', '否'], ['choice', '可以每月联系'], ['choice', '材料齐全'], ['choice', '确认提交'],
    ];
    let numbered = 0;
    for (const [kind, value] of steps) {
      // A choice the bot offered is answered by its number; a free answer is typed.
      const reply = kind === 'choice' && /^\s*\d+\.\s/m.test(shown) ? numberOf(shown, value) : value;
      if (reply !== value) numbered++;
      shown = await say(reply);
      expect(shown).not.toMatch(/error|undefined|\[object|Exception/i);
    }
    expect(shown).toContain('已提交');
    // Every choice in the dialog was made by number (kf shows no buttons).
    expect(numbered).toBe(steps.filter(([kind]) => kind === 'choice').length);
    // The kf window budget was kept: no answer to one message ran past five texts.
    expect(fake.sent.every((s) => s.open_kfid === KF && s.touser === USER)).toBe(true);
    expect(Math.max(...perMessage)).toBeLessThanOrEqual(5);

    const db = database.prisma;
    const address = await db.channelAddress.findFirstOrThrow({ where: { channel: 'wecom-kf' }, select: { jobSeekerId: true, userKey: true } });
    expect(address.jobSeekerId).not.toBeNull();
    const registrations = await db.registration.findMany({ where: { jobSeekerId: address.jobSeekerId ?? '' }, select: { kind: true, status: true, reason: true, followUpPreference: true } });
    expect(registrations).toEqual([{ kind: 'unemployment', status: 'pending_review', reason: 'lost_job', followUpPreference: 'monthly' }]);
    // The person is on file with the ID and phone numbers sealed and masked, never in the clear.
    const person = await db.jobSeeker.findUniqueOrThrow({ where: { id: address.jobSeekerId ?? '' }, select: { name: true, regionCode: true, idNumberEnc: true, idNumberMask: true, phoneEnc: true, phoneMask: true } });
    expect(person).toMatchObject({ name: '王五', idNumberMask: '4408************39', phoneMask: '138****5678' });
    expect(JSON.stringify(person)).not.toMatch(/440802199005150139|13812345678/);
  });
});
