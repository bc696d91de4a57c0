// Personal WeChat through wechaty, on wechaty-puppet-mock: the login QR code goes to the log and its state shows
// on /healthz (scan required, logged in, logged out), a contact registers by typing (choices come as numbered
// lines), every kind of message the bot cannot read gets a polite "please type", group chats and the bot's own
// messages are ignored, and a caseworker's reply reaches the contact proactively.
import { afterAll, describe, expect, it } from 'vitest';
import { WechatyBuilder, types } from 'wechaty';
import { FileBox } from 'file-box';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { callApi, listCases, loginAs, waitUntil } from '../../support/console-api.ts';
import { createMockWechat } from '../../support/mock-wechat.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import type { RunningService } from '../../../src/main.ts';

const wechat = createMockWechat();
const { mocker, puppet, me, seeker, sent, received, say } = wechat;
const bot = WechatyBuilder.build({ puppet });
const config = tempServiceConfig({ WECHATY_MIN_GAP_SECONDS: '0' });
const logLines: string[] = [];
let service: RunningService;

afterAll(async () => {
  await service?.stop();
});

async function health(): Promise<{ channels?: Record<string, string> }> {
  return (await fetch(`${service.url}/healthz`)).json();
}

/** A file as a FileBox (the mock puppet types it by its media type, else its extension). */
const fileBox = (name: string) => FileBox.fromBase64(Buffer.from('89504e47', 'hex').toString('base64'), name);
const fileOf = (name: string) => () => seeker.say(fileBox(name)).to(me);

describe('WeChat through wechaty (mock puppet)', () => {
  it('writes the login QR code to the log and shows the login state on /healthz: scan required, then logged in', async () => {
    service = await startTestService(config, { wechaty: bot, logger: createLogger('info', { write: (line: string) => { logLines.push(line); } }) });
    mocker.scan('https://login.weixin.qq.com/l/test-qr-4711', types.ScanStatus.Waiting);
    const scanning = await waitUntil(health, (h) => h.channels?.wechaty === 'scan_required');
    mocker.login(me);
    const loggedIn = await waitUntil(health, (h) => h.channels?.wechaty === 'logged_in');
    expect([scanning.channels, loggedIn.channels]).toEqual([{ wechaty: 'scan_required' }, { wechaty: 'logged_in' }]);
    expect(logLines.map((line) => JSON.parse(line)).find((entry) => entry.qrcode)).toMatchObject({ channel: 'wechaty', qrcode: 'https://login.weixin.qq.com/l/test-qr-4711' });
  });

  it('greets a contact with the menu as numbered lines, since WeChat has no buttons', async () => {
    const menu = await say('你好');
    expect(menu).toContain('失业登记');
    expect(menu).toMatch(/^1[.、．]/m);
    expect(menu).not.toMatch(/\*\*|undefined|\{\{/);
  });

  // Pictures, videos and voice come through ContactMock.say(FileBox); the mock types any other FileBox as
  // Unknown, so files, stickers, links, mini-programs and cards are made through the mocker's MessageMock.
  it.each([
    ['a picture', fileOf('photo.png')],
    ['a video', fileOf('clip.mp4')],
    ['a voice message', fileOf('voice.sil')],
    ['something the puppet cannot name', fileOf('cv.pdf')],
    ['a file', () => wechat.sendKind(types.Message.Attachment)],
    ['a sticker (emoji)', () => wechat.sendKind(types.Message.Emoticon)],
    ['a link (UrlLink)', () => wechat.sendKind(types.Message.Url)],
    ['a mini-program', () => wechat.sendKind(types.Message.MiniProgram)],
    ['a contact card', () => wechat.sendKind(types.Message.Contact)],
    ['a location', () => wechat.sendKind(types.Message.Location)],
  ])('answers %s with one polite request to type, never silence', async (_kind, send) => {
    const before = sent.length;
    send();
    await waitUntil(async () => sent.length, (n) => n > before);
    await wechat.settle();
    expect(received().slice(-1)).toEqual([expect.stringContaining('请直接打字')]);
    expect(sent.slice(before)).toEqual([{ listenerId: seeker.id, roomId: undefined, type: types.Message.Text, text: received().at(-1) }]);
  });

  it('ignores a group chat (the default)', async () => {
    const room = mocker.createRoom({ topic: '求职交流群', memberIdList: [me.id, seeker.id] });
    const count = sent.length;
    seeker.say('失业登记').to(room);
    seeker.say(fileBox('photo.png')).to(room);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sent.length).toBe(count);
  });

  it("ignores the office account's own messages: no answer to itself, no turn of the engine", async () => {
    const before = sent.length;
    // Staff typing on the office phone: WeChat hands the bot its own account's message (msg.self()).
    me.say('失业登记').to(seeker);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sent.slice(before)).toEqual([{ listenerId: seeker.id, roomId: undefined, type: types.Message.Text, text: '失业登记' }]);
    const database = openDatabase(config.DATABASE_URL);
    await database.ready;
    try {
      const turnsOf = (id: string) => database.prisma.transcriptMessage.count({ where: { conversationKey: { contains: id } } });
      expect(await turnsOf(seeker.id)).toBeGreaterThan(0);
      expect(await turnsOf(me.id)).toBe(0);
    } finally {
      await database.close();
    }
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
    const before = received().length;
    expect((await callApi(service.url, token, 'POST', `/cases/${opened.id}/reply`, { text: '李四您好，我是湛江市就业服务中心的小王，您的登记已收到。' })).status).toBe(200);
    await waitUntil(async () => received().slice(before).join('\n'), (t) => t.includes('小王'));
    expect(received().slice(before).join('\n')).toContain('您的登记已收到');
  });

  it('shows logged_out on /healthz once WeChat logs the account out', async () => {
    await puppet.logout();
    expect((await waitUntil(health, (h) => h.channels?.wechaty === 'logged_out')).channels).toEqual({ wechaty: 'logged_out' });
  });
});
