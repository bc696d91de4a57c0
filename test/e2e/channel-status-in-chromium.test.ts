// Personal WeChat's login state in the caseworker console, on wechaty-puppet-mock: the API gives supervisors
// and administrators the state and only administrators the QR code's content while a scan is required; in real
// Chromium the console's line reads 个人微信：需要扫码 with the code for an administrator, English on request,
// then 已登录 after the scan; a supervisor sees the line without the code, a caseworker no line at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatyBuilder, types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Browser, Page } from 'playwright-core';
import type { RunningService } from '../../src/main.ts';
import { chromiumSkipReason, launchChromium, submitConsoleLogin } from '../support/chromium.ts';
import { callApi, loginAs, waitUntil } from '../support/console-api.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';

const QR = 'https://login.weixin.qq.com/l/Qa1b2c3d4e==';
const PASSWORD = 'jiuyebang-demo';
const mocker = new mock.Mocker();
const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
const me = mocker.createContact({ name: '就业帮服务号' });
let service: RunningService;
let browser: Browser | undefined;

const status = async (username: string | null) => {
  const token = username ? await loginAs(service.url, username, PASSWORD) : null;
  return callApi(service.url, token, 'GET', '/channels/status');
};

async function consoleAs(username: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await submitConsoleLogin(page, service.url, username, PASSWORD);
  await page.locator('#who').waitFor({ state: 'visible' });
  return page;
}

beforeAll(async () => {
  service = await startTestService(tempServiceConfig({ WECHATY_MIN_GAP_SECONDS: '0' }), { wechaty: bot });
  mocker.scan(QR, types.ScanStatus.Waiting);
  await waitUntil(() => status('demo-admin'), (a) => a.status === 200 && (a.body as { wechaty?: { state?: string } }).wechaty?.state === 'scan_required');
  if (!chromiumSkipReason) browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('personal WeChat login state in the console', () => {
  it('gives the QR code to administrators only, the state to supervisors, nothing to caseworkers or strangers', async () => {
    expect((await status('demo-admin')).body).toEqual({ wechaty: { state: 'scan_required', qrcode: QR } });
    expect((await status('demo-supervisor')).body).toEqual({ wechaty: { state: 'scan_required' } });
    expect((await status('demo')).status).toBe(403);
    expect((await status(null)).status).toBe(401);
  });

  it.skipIf(chromiumSkipReason !== undefined)('shows an administrator 需要扫码 with the code, in English on request, then 已登录', async () => {
    const page = await consoleAs('demo-admin');
    const line = page.locator('#channel-status');
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toContain('个人微信：需要扫码');
    expect(await page.locator('#wechaty-qrcode').textContent()).toBe(QR);
    expect(await page.locator('#wechaty-qr').isVisible()).toBe(true);
    await page.locator('#lang').click();
    await expect.poll(() => line.textContent()).toContain('Personal WeChat: scan required');
    await page.locator('#lang').click();
    await expect.poll(() => line.textContent()).toContain('个人微信：需要扫码');

    mocker.login(me);
    await waitUntil(() => status('demo-supervisor'), (a) => (a.body as { wechaty?: { state?: string } }).wechaty?.state === 'logged_in');
    await page.reload();
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toContain('个人微信：已登录');
    expect(await page.locator('#wechaty-qr').isVisible()).toBe(false);
    await page.close();
  });

  it.skipIf(chromiumSkipReason !== undefined)('shows a supervisor the line without any code, and a caseworker no line', async () => {
    const boss = await consoleAs('demo-supervisor');
    await expect.poll(() => boss.locator('#channel-status').textContent(), { timeout: 10_000 }).toContain('个人微信：已登录');
    expect(await boss.locator('#wechaty-qrcode').textContent()).toBe('');
    await boss.close();
    const worker = await consoleAs('demo');
    await worker.waitForTimeout(1000);
    expect(await worker.locator('#channel-status').isVisible()).toBe(false);
    await worker.close();
  });
});
