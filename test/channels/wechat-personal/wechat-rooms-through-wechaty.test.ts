// Group chats on personal WeChat with WECHATY_ANSWER_ROOMS=true (wechaty-puppet-mock): what a member writes in a
// group the office account is in is answered. The answer goes to the member's own chat, not into the group, so
// their details stay out of it (ignoring groups by default is tested in wechat-through-wechaty.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatyBuilder, types } from 'wechaty';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { waitUntil } from '../../support/console-api.ts';
import { createMockWechat } from '../../support/mock-wechat.ts';
import type { RunningService } from '../../../src/main.ts';

const wechat = createMockWechat({ seeker: '赵六' });
const { mocker, puppet, me, seeker, sent } = wechat;
const room = mocker.createRoom({ topic: '湛江求职交流群', memberIdList: [me.id, seeker.id] });
let service: RunningService;

beforeAll(async () => {
  service = await startTestService(tempServiceConfig({ WECHATY_MIN_GAP_SECONDS: '0', WECHATY_ANSWER_ROOMS: 'true' }), { wechaty: WechatyBuilder.build({ puppet }) });
  mocker.login(me);
  await waitUntil(async () => (await (await fetch(`${service.url}/healthz`)).json()).channels?.wechaty, (state) => state === 'logged_in');
}, 60_000);

afterAll(async () => {
  await service?.stop();
});

describe('WeChat group chats, answered when configured', () => {
  it('answers a member who writes in the group, in their own chat', async () => {
    const menu = await wechat.say('你好', room);
    expect(menu).toContain('失业登记');
    expect(menu).toMatch(/^1[.、．]/m);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.listenerId === seeker.id && m.roomId === undefined && m.type === types.Message.Text)).toBe(true);
  });
});
