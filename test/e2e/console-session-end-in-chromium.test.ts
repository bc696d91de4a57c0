// A caseworker's console in real Chromium when their account is disabled by an administrator mid-shift: the live
// event stream ends with the session, and the page goes back to the login saying the session is over, at once
// (well before the EventSource's own 3 s reconnect would find out), and does not keep reconnecting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium, submitConsoleLogin } from '../support/chromium.ts';
import { addCaseworker, callApi, loginAs } from '../support/console-api.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import type { RunningService } from '../../src/main.ts';

let service: RunningService;
let browser: Browser | undefined;

describe.skipIf(chromiumSkipReason !== undefined)('console page when its session ends', () => {
  beforeAll(async () => {
    const config = tempServiceConfig();
    service = await startTestService(config, { now: officeHoursClock() });
    await addCaseworker(config, { username: 'zj-admin', password: 'pw-admin-123', displayName: '管理员', regionCode: '440800', role: 'administrator' });
    await addCaseworker(config, { username: 'zj-li', password: 'pw-li-1234', displayName: '李四', regionCode: '440800' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('returns to the login with "登录已过期" as soon as an administrator disables the account', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const streams: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/caseworker/events?')) streams.push(r.url()); });
    const base = service.url.replace('localhost', '127.0.0.1');

    await submitConsoleLogin(page, base, 'zj-li', 'pw-li-1234');
    await page.getByText('实时更新已开启').waitFor({ timeout: 15_000 });
    expect(streams).toHaveLength(1);
    expect(await page.locator('#login-view').isHidden()).toBe(true);

    const admin = await loginAs(service.url, 'zj-admin', 'pw-admin-123');
    const accounts = await callApi(service.url, admin, 'GET', '/accounts');
    const li = (accounts.body.accounts as { id: string; username: string }[]).find((a) => a.username === 'zj-li');
    expect((await callApi(service.url, admin, 'POST', `/accounts/${li?.id}/disable`, {})).status).toBe(200);

    await page.getByText('登录已过期，请重新登录。').waitFor({ timeout: 2000 });
    expect(await page.locator('#login-view').isVisible()).toBe(true);
    expect(await page.locator('#desk-view').isHidden()).toBe(true);
    // Nothing reconnects behind the login form.
    await page.waitForTimeout(3500);
    expect(streams).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
