// The console's inbox page in English, in real Chromium under the page's strict CSP: the 中文/English switch
// words the login form, the tabs, the case and its buttons; form errors the page writes itself appear under
// their field in the chosen language; the choice is remembered and the other console pages open in it; and
// the switch goes back to Chinese.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../support/chromium.ts';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

const SHOTS = '/tmp/shots';
let service: RunningService;
let browser: Browser | undefined;
let user: DirectlineTestClient | undefined;

/** The error sits right under its field, left-aligned with it, and the field points at it. */
async function expectBeside(page: Page, field: Locator, errorId: string, text: string): Promise<void> {
  const error = page.locator(`#${errorId}`);
  await expect(error.innerText()).resolves.toBe(text);
  await expect(field.getAttribute('aria-describedby')).resolves.toBe(errorId);
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
  const f = await field.boundingBox();
  const e = await error.boundingBox();
  if (!f || !e) throw new Error(`${errorId} or its field is not on screen`);
  expect(e.y).toBeGreaterThanOrEqual(f.y + f.height - 1);
  expect(e.y - (f.y + f.height)).toBeLessThan(12);
  expect(Math.abs(e.x - f.x)).toBeLessThan(2);
}

describe.skipIf(chromiumSkipReason !== undefined)('caseworker console in English, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const config = tempServiceConfig();
    service = await startTestService(config, { now: officeHoursClock() });
    // A 转人工 left from long ago, so the inbox has an overdue case with a due date to word.
    const db = openDatabase(config.DATABASE_URL);
    await db.ready;
    await db.prisma.handoffCase.create({ data: { id: '33333333-3333-4333-8333-333333333333', conversationKey: 'webchat:old', regionCode: '440800', reason: 'dialog:registration:idNumber', createdAt: new Date('2024-03-01T02:00:00Z') } });
    await db.close();
    browser = await launchChromium();
  });

  afterAll(async () => {
    user?.end();
    await browser?.close();
    await service?.stop();
  });

  it('switches to English and back, keeps the choice for every console page, and shows form errors under their field', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
    page.on('pageerror', (e) => problems.push(e.message));
    const base = service.url.replace('localhost', '127.0.0.1');

    // Chinese first; the switch names the other language.
    await page.goto(`${base}/console`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await expect(page.locator('#lang').innerText()).resolves.toBe('English');
    await page.locator('#lang').click();

    // The login form in English; an empty form gets an error under each field, in English.
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.title()).resolves.toBe('Jiuyebang · Caseworker console');
    await expect(page.locator('#lang').innerText()).resolves.toBe('中文');
    await page.getByRole('button', { name: 'Log in' }).click();
    const username = page.getByLabel('Username', { exact: true });
    const password = page.getByLabel('Password', { exact: true });
    await expectBeside(page, username, 'username-error', 'Enter your username.');
    await expectBeside(page, password, 'password-error', 'Enter your password.');
    await username.fill('demo');
    await expect(page.locator('#username-error').innerText()).resolves.toBe('');
    await password.fill('jiuyebang-demo');
    await page.getByRole('button', { name: 'Log in' }).click();

    // The inbox: tabs, the live line and an overdue case, all in English.
    await page.getByText('Live updates on').waitFor({ timeout: 15_000 });
    for (const tab of ['New', 'In progress', 'Waiting', 'Closed']) await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).waitFor();
    await page.getByRole('tab', { name: /^New/, selected: true }).waitFor();
    await page.getByRole('link', { name: 'Reviews' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    const overdue = page.locator('#case-list li.overdue');
    await overdue.waitFor();
    await expect(overdue.innerText()).resolves.toMatch(/Human help[\s\S]*Overdue[\s\S]*Asked for help during “Unemployment registration”[\s\S]*Opened [\s\S]*due by the end of 4 Mar/);
    await expect(page.locator('#case-list').innerText()).resolves.not.toMatch(/[\u4e00-\u9fff]/);

    // A person asks for a human over web chat; the case arrives and its buttons are in English.
    user = await connect(service.url);
    await ask(user, '你好');
    await ask(user, '人工');
    const item = page.locator('#case-list li', { hasText: 'Asked for a person' });
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await page.getByRole('heading', { name: 'Human help · New' }).waitFor();
    await page.getByRole('button', { name: 'Claim', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Transfer', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Close and hand back to the bot' }).waitFor();
    await expect(page.locator('#case-person').innerText()).resolves.toContain('Not registered · Web chat');
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.getByRole('heading', { name: 'Human help · In progress' }).waitFor();
    await page.getByRole('button', { name: 'Wait for the person' }).waitFor();
    await page.getByRole('button', { name: 'Send' }).waitFor();

    // Form errors the page writes itself: under the field they are about, not in the case's error line.
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.getByLabel('Reply to the person');
    await expectBeside(page, reply, 'reply-error', 'Write a reply first.');
    await page.getByRole('button', { name: 'Close and hand back to the bot' }).click();
    await expectBeside(page, page.getByLabel('Reason for closing'), 'close-error', 'Give a reason for closing.');
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expectBeside(page, page.locator('#transfer-to'), 'transfer-error', 'Enter a colleague’s username or a district code.');
    await expect(page.locator('#case-error').innerText()).resolves.toBe('');
    await page.screenshot({ path: `${SHOTS}/console-en-1280.png` });
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: `${SHOTS}/console-en-768.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Back to Chinese: the page, the case and the error already on screen change language, no reload.
    await page.evaluate(() => { Reflect.set(window, 'notReloaded', true); });
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '转人工 · 处理中' }).waitFor();
    for (const tab of ['待认领', '处理中', '等待当事人', '已结束']) await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).waitFor();
    await page.getByRole('button', { name: '等待当事人' }).waitFor();
    await page.getByRole('button', { name: '发送' }).waitFor();
    await expect(page.locator('#reply-error').innerText()).resolves.toBe('请填写回复内容。');
    await expect(page.locator('#live').innerText()).resolves.toBe('实时更新已开启');
    await expect(page.locator('#case-list li.selected').innerText()).resolves.toMatch(/转人工[\s\S]*处理中[\s\S]*主动要求人工服务[\s\S]*提交 [\s\S]*应于 \d+\/\d+ 当日处理/);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    expect(await page.evaluate(() => Reflect.get(window, 'notReloaded'))).toBe(true);
    await page.getByLabel('回复当事人').fill('您好，我是工作人员。');
    await expect(page.locator('#reply-error').innerText()).resolves.toBe('');

    // English again: remembered in this browser, for this page after a reload and for the other console pages.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.evaluate(() => localStorage.getItem('jiuyebang.console.lang'))).resolves.toBe('en');
    await page.reload();
    await page.getByRole('tab', { name: /^In progress/ }).waitFor({ timeout: 15_000 });
    await expect(page.locator('#lang').innerText()).resolves.toBe('中文');
    // The other console pages open in English (whether or not they accept this session is theirs to say).
    expect(problems).toEqual([]);
    for (const [path, title] of [['/console/reviews', 'Jiuyebang · Reviews and decisions'], ['/console/today', null], ['/console/staff', null]] as const) {
      await page.goto(`${base}${path}`);
      await page.locator('#lang', { hasText: '中文' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      if (title) await expect(page.title()).resolves.toBe(title);
      // Signed in by the console's cookie: the page shows its reports, in English.
      if (path === '/console/today') await page.getByText('Monthly reports', { exact: true }).waitFor();
    }
    await page.getByRole('link', { name: 'Back to cases' }).waitFor();
    problems.length = 0;
    // Chosen back to Chinese on another page (the staff page): the inbox follows.
    await page.getByRole('button', { name: '中文' }).click();
    await page.goto(`${base}/console`);
    await page.getByRole('heading', { name: '就业帮 · 工作人员控制台' }).waitFor();
    await page.getByRole('tab', { name: /^处理中/ }).waitFor({ timeout: 15_000 });
    await expect(page.locator('#lang').innerText()).resolves.toBe('English');

    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
