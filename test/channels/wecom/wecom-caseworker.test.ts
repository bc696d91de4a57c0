// The WeCom app on the running service, against a fake qyapi on loopback: a web-chat person's 转人工 reaches
// the linked caseworker as a template card; they claim it, answer and close it from WeCom, and the person sees
// each step in Direct Line. Tencent's retries never produce a second reply; forged and malformed callbacks are
// refused; an expired token is fetched again once; a 45009 rate limit is retried after a pause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../../support/directline-client.ts';
import { ask } from '../../support/bot-conversation.ts';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { waitUntil } from '../../support/console-api.ts';
import { runWecomCommand } from '../../../src/cli/wecom-command.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import type { RunningService } from '../../../src/main.ts';
import { callbackSigner, eventXml, textXml } from '../tencent/tencent-callback.ts';
import { startFakeWecom, type FakeWecom } from './fake-wecom-api.ts';

const CORP = 'ww1436e0e65a779aee';
const keys = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: CORP };
const signer = callbackSigner(keys);
let fake: FakeWecom;
let service: RunningService;
let person: DirectlineTestClient;
let db: Database;
let callback = '';

beforeAll(async () => {
  fake = await startFakeWecom(CORP, 'app-secret');
  const config = tempServiceConfig({
    WECOM_CORP_ID: CORP, WECOM_TOKEN: keys.token, WECOM_AES_KEY: keys.aesKey, WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret',
    WECOM_API_BASE: fake.url, WECOM_CONSOLE_URL: 'https://jyb.example.gov.cn/console',
  });
  service = await startTestService(config);
  callback = `${service.url}/channels/wecom/callback`;
  const out: string[] = [];
  expect(await runWecomCommand(['link', 'demo', 'ZhangSan'], { out: (s) => void out.push(s), err: (s) => void out.push(s) }, config)).toBe(0);
  expect(out.join()).toContain('ZhangSan');
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
}, 60_000);

afterAll(async () => {
  person?.end();
  await db?.close();
  await service?.stop();
  await fake?.close();
});

describe('WeCom app for caseworkers', () => {
  it('answers URL verification with the decrypted echostr, and 401 to a forged one', async () => {
    const echostr = 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
    const query = new URLSearchParams({ msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', timestamp: '1476416373', nonce: '47744683', echostr });
    const ok = await fetch(`${callback}?${query}`);
    expect([ok.status, await ok.text()]).toEqual([200, '1288432023552776189']);
    query.set('timestamp', '1476416374');
    expect((await fetch(`${callback}?${query}`)).status).toBe(401);
  });

  it('refuses forged signatures (401), malformed and oversized bodies (4xx) without running anything', async () => {
    expect((await signer.post(callback, textXml(CORP, 'ZhangSan', '帮助', '9001'), { forge: true })).status).toBe(401);
    expect((await signer.post(callback, '', { body: '<xml><Encrypt>' })).status).toBe(400);
    expect((await signer.post(callback, '', { body: 'x'.repeat(200_000) })).status).toBe(413);
    const otherCorp = callbackSigner({ ...keys, receiveId: 'ww0000000000000000' });
    expect((await otherCorp.post(callback, textXml(CORP, 'ZhangSan', '帮助', '9002'))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sent).toEqual([]);
  });

  it("sends a web-chat person's 转人工 to the linked caseworker as a template card with claim and console link", async () => {
    person = await connect(service.url);
    await ask(person, '你好');
    await ask(person, '转人工');
    await fake.waitForSends(1);
    const [card] = fake.sent;
    expect(card?.touser).toBe('ZhangSan');
    expect(card?.msgtype).toBe('template_card');
    expect(card?.template_card?.main_title.title).toBe('新的转人工个案');
    expect(card?.template_card?.button_list).toEqual([expect.objectContaining({ text: '认领', key: expect.stringMatching(/^claim:[0-9a-f-]{36}$/) })]);
    expect(JSON.stringify(card)).toContain('https://jyb.example.gov.cn/console');
  });

  it('claims from the card: the person is told in Direct Line, the claim is audited as in the console; a retry does nothing', async () => {
    const key = fake.sent[0]?.template_card?.button_list[0]?.key ?? '';
    const caseId = key.slice('claim:'.length);
    const click = await signer.post(callback, eventXml(CORP, 'ZhangSan', 'template_card_event', key, 1_800_000_000, `<TaskId><![CDATA[x]]></TaskId><AgentID>1000002</AgentID>`));
    expect([click.status, click.text]).toEqual([200, '']);
    const claimed = await person.waitForBotReply((m) => (m.text ?? '').includes('已接入'));
    expect(claimed.text).toContain('演示');
    await fake.waitForSends(2);
    expect(fake.sent[1]?.text?.content).toContain('已认领');
    expect(await db.prisma.handoffCase.findUnique({ where: { id: caseId } })).toMatchObject({ caseworkerId: expect.any(String) });
    expect(await db.prisma.auditEvent.count({ where: { action: 'handoff.claimed', subjectId: caseId, actor: 'caseworker:demo' } })).toBe(1);
    // Tencent's retry of the same click (same sender, time and key): no second claim, no second message.
    expect((await click.request()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sent).toHaveLength(2);
  });

  it('forwards what the person says to the caseworker answering the case', async () => {
    await person.say('我上个月被辞退了');
    await fake.waitForSends(3);
    expect(fake.sent[2]?.text?.content).toBe('【当事人】我上个月被辞退了');
  });

  it("delivers the caseworker's text to the person once, even when WeCom retries the callback three times", async () => {
    const before = person.botMessages().length;
    const sent = await signer.post(callback, textXml(CORP, 'ZhangSan', '您好，请带身份证来窗口办理。', '7000000000000000001', '<AgentID>1000002</AgentID>'));
    expect(sent.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await sent.request()).status).toBe(200);
    const reply = await person.waitForBotReply((m) => m.text === '您好，请带身份证来窗口办理。');
    expect(reply.from.name).toBe('演示工作人员');
    await new Promise((r) => setTimeout(r, 600));
    expect(person.botMessages().slice(before).filter((m) => m.text === '您好，请带身份证来窗口办理。')).toHaveLength(1);
    expect(await db.prisma.auditEvent.count({ where: { action: 'handoff.replied', actor: 'caseworker:demo' } })).toBe(1);
  });

  it('fetches a new token once when WeCom says it expired, and retries a 45009 rate limit after a pause', async () => {
    const tokensBefore = fake.tokenCalls();
    const sendsBefore = fake.sent.length;
    fake.expireTokens();
    await signer.post(callback, textXml(CORP, 'ZhangSan', '帮助', '7000000000000000002'));
    await fake.waitForSends(sendsBefore + 1);
    expect(fake.tokenCalls()).toBe(tokensBefore + 1);
    expect(fake.sent.at(-1)?.text?.content).toContain('认领');

    fake.failNext(45009);
    const started = Date.now();
    await signer.post(callback, textXml(CORP, 'ZhangSan', '帮助', '7000000000000000003'));
    await fake.waitForSends(sendsBefore + 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const recorded = await db.prisma.auditEvent.findMany({ where: { action: 'channel.api_error' } });
    expect(recorded.map((r) => JSON.parse(r.details).errcode)).toEqual(expect.arrayContaining([42001, 45009]));
  });

  it('closes the case with 结束: the person is handed back to the bot, and the close is audited', async () => {
    const sendsBefore = fake.sent.length;
    await signer.post(callback, textXml(CORP, 'ZhangSan', '结束 已告知办理材料', '7000000000000000004'));
    const closed = await person.waitForBotReply((m) => (m.text ?? '').includes('结束本次人工服务'));
    expect(closed.text).toContain('就业帮');
    await fake.waitForSends(sendsBefore + 1);
    expect(fake.sent.at(-1)?.text?.content).toContain('个案已结束');
    const row = await waitUntil(() => db.prisma.auditEvent.findFirst({ where: { action: 'handoff.closed', actor: 'caseworker:demo' } }), (r) => r !== null);
    expect(JSON.parse(row?.details ?? '{}')).toMatchObject({ reason: '已告知办理材料' });
    // Now the caseworker answers nothing: plain text gets the "no case" hint, not a message to the person.
    const before = person.botMessages().length;
    await signer.post(callback, textXml(CORP, 'ZhangSan', '还在吗', '7000000000000000005'));
    await fake.waitForSends(sendsBefore + 2);
    expect(fake.sent.at(-1)?.text?.content).toContain('没有正在处理的个案');
    expect(person.botMessages()).toHaveLength(before);
  });

  it('tells an unlinked WeCom member how to get linked, and asks for text when sent a picture', async () => {
    const sendsBefore = fake.sent.length;
    await signer.post(callback, textXml(CORP, 'LiSi', '你好', '7000000000000000006'));
    await fake.waitForSends(sendsBefore + 1);
    expect(fake.sent.at(-1)).toMatchObject({ touser: 'LiSi', text: { content: expect.stringContaining('尚未关联') } });
    const picture = `<xml><ToUserName>${CORP}</ToUserName><FromUserName>ZhangSan</FromUserName><CreateTime>1800000001</CreateTime><MsgType>image</MsgType><PicUrl>http://x/y.jpg</PicUrl><MsgId>7000000000000000007</MsgId></xml>`;
    await signer.post(callback, picture);
    await fake.waitForSends(sendsBefore + 2);
    expect(fake.sent.at(-1)?.text?.content).toContain('只能收发文字');
  });
});
