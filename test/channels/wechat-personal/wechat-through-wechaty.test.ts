// Personal WeChat through wechaty, on wechaty-puppet-mock: the login QR state shows on /healthz, a contact
// registers by typing (choices come as numbered lines), pictures get a polite "please type", group chats and
// the bot's own messages are ignored, and a caseworker's reply reaches the contact proactively.
import { afterAll, describe, expect, it } from 'vitest';
import { WechatyBuilder, types } from 'wechaty';
import { FileBox } from 'file-box';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { callApi, listCases, loginAs, waitUntil } from '../../support/console-api.ts';
import type { RunningService } from '../../../src/main.ts';

const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const bot = WechatyBuilder.build({ puppet });
const me = mocker.createContact({ name: '就业帮服务号' });
const seeker = mocker.createContact({ name: '张三' });
const received: string[] = [];
// What the bot sends the seeker, as the puppet carries it.
puppet.on('message', ({ messageId }) => {
  const payload = mocker.messagePayload(messageId);
  if (payload.talkerId === me.id && payload.listenerId === seeker.id && payload.type === types.Message.Text) received.push(payload.text ?? '');
});
let service: RunningService;

afterAll(async () => {
  await service?.stop();
});

async function health(): Promise<{ channels?: Record<string, string> }> {
  return (await fetch(`${service.url}/healthz`)).json();
}

/** What the bot answers to one message from the seeker (all of it, once it stops arriving). */
async function say(text: string): Promise<string> {
  const before = received.length;
  seeker.say(text).to(me);
  await waitUntil(async () => received.length, (n) => n > before);
  let seen = received.length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (received.length === seen) break;
    seen = received.length;
  }
  return received.slice(before).join('\n');
}

describe('WeChat through wechaty (mock puppet)', () => {
  it('shows the login state on /healthz: scan required, then logged in', async () => {
    service = await startTestService(tempServiceConfig({ WECHATY_MIN_GAP_SECONDS: '0' }), { wechaty: bot });
    mocker.scan('https://login.weixin.qq.com/l/test', types.ScanStatus.Waiting);
    await waitUntil(health, (h) => h.channels?.wechaty === 'scan_required');
    mocker.login(me);
    expect((await waitUntil(health, (h) => h.channels?.wechaty === 'logged_in')).channels).toEqual({ wechaty: 'logged_in' });
  });

  it('greets a contact with the menu as numbered lines, since WeChat has no buttons', async () => {
    const menu = await say('你好');
    expect(menu).toContain('失业登记');
    expect(menu).toMatch(/^1[.、．]/m);
    expect(menu).not.toMatch(/\*\*|undefined|\{\{/);
  });

  it('answers a picture with a polite request to type, and ignores a group chat', async () => {
    const before = received.length;
    seeker.say(FileBox.fromBase64(Buffer.from('89504e47', 'hex').toString('base64'), 'photo.png')).to(me);
    await waitUntil(async () => received.length, (n) => n > before);
    expect(received.at(-1)).toContain('请直接打字');
    const room = mocker.createRoom({ topic: '求职交流群', memberIdList: [me.id, seeker.id] });
    const count = received.length;
    seeker.say('失业登记').to(room);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received.length).toBe(count);
  });

  it('registers a contact who types every answer', async () => {
    expect(await say('失业登记')).toContain('您同意吗');
    expect(await say('同意')).toContain('姓名');
    expect(await say('我叫李四')).toContain('身份证号码');
    expect(await say('330302199005151235')).toContain('户籍地');
    expect(await say('湛江市赤坎区')).toContain('与户籍地相同');
    expect(await say('跟户籍一样')).toContain('手机号码');
    expect(await say('13812345678')).toContain('开始没有工作');
    expect(await say('2025年3月1日')).toContain('离职/被辞退');
    for (const answer of ['离职/被辞退', '高中/中专', '电工证', '仓管', '是', '否', '可以每月联系']) await say(answer);
    const summary = await say('材料齐全');
    expect(summary).toContain('3303************35');
    expect(summary).toContain('138****5678');
    expect(summary).not.toContain('330302199005151235');
    expect(await say('确认提交')).toMatch(/已提交.*前联系您/);
  });

  it('reaches a person: the caseworker claims the case and the reply arrives in WeChat', async () => {
    expect(await say('转人工')).toMatch(/工作人员/);
    const token = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    const [opened] = await waitUntil(() => listCases(service.url, token, 'new'), (cases) => cases.length > 0);
    if (!opened) throw new Error('no case opened');
    expect((await callApi(service.url, token, 'POST', `/cases/${opened.id}/claim`, {})).status).toBe(200);
    const before = received.length;
    expect((await callApi(service.url, token, 'POST', `/cases/${opened.id}/reply`, { text: '李四您好，我是湛江市就业服务中心的小王，您的登记已收到。' })).status).toBe(200);
    await waitUntil(async () => received.slice(before).join('\n'), (t) => t.includes('小王'));
    expect(received.slice(before).join('\n')).toContain('您的登记已收到');
  });
});
