// A caseworker in real Chromium on the console page (strict CSP, no inline script): logs in, sees a web-chat
// user's 转人工 arrive without a reload (SSE), claims it, reads the person's message, replies (the reply
// arrives in the user's Direct Line conversation), closes it, and the bot answers the user again.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../support/chromium.ts';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { RunningService } from '../../src/main.ts';

const t = createLocalizer(readLocaleResources()).t;
const SHOTS = '/tmp/shots';
let service: RunningService;
let browser: Browser | undefined;
let user: DirectlineTestClient | undefined;

describe.skipIf(chromiumSkipReason !== undefined)('caseworker console in Chromium against the real service', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const config = tempServiceConfig();
    service = await startTestService(config, { now: officeHoursClock() });
    // A case left from long ago (a 转人工 two years back), so the inbox has something overdue to highlight.
    const db = openDatabase(config.DATABASE_URL);
    await db.ready;
    await db.prisma.handoffCase.create({ data: { id: '22222222-2222-4222-8222-222222222222', conversationKey: 'webchat:old', regionCode: '440800', reason: 'dialog:registration:idNumber', createdAt: new Date('2024-03-01T02:00:00Z') } });
    await db.close();
    browser = await launchChromium();
  });

  afterAll(async () => {
    user?.end();
    await browser?.close();
    await service?.stop();
  });

  it('logs in, gets a new case live, claims, replies into Direct Line, closes, and the bot is back', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    // Resource failures are checked by URL below (the wrong password's 401 is expected, the favicon does not exist).
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && !r.url().endsWith('/login')) problems.push(`${r.status()} ${r.url()}`); });
    page.on('pageerror', (e) => problems.push(e.message));
    const base = service.url.replace('localhost', '127.0.0.1');

    await page.goto(`${base}/console`);
    await page.getByLabel('用户名', { exact: true }).fill('demo');
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误。').waitFor();
    await page.getByLabel('密码', { exact: true }).fill('jiuyebang-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('实时更新已开启').waitFor({ timeout: 15_000 });
    const overdue = page.locator('#case-list li.overdue');
    await overdue.waitFor();
    await expect(overdue.innerText()).resolves.toMatch(/已超时[\s\S]*办理“失业登记”时求助[\s\S]*应于 3\/4 当日处理/);
    expect(await page.evaluate(() => typeof sessionStorage.getItem('jiuyebang.console'))).toBe('string');
    await page.evaluate(() => { Reflect.set(window, 'notReloaded', true); });
    await page.screenshot({ path: `${SHOTS}/console-1-inbox-empty.png` });

    user = await connect(service.url);
    await ask(user, '你好');
    // The service's clock is in office hours: a person will answer soon.
    const opened = (await ask(user, '人工')).texts;
    expect(opened).toHaveLength(1);
    expect(opened[0]).toBe(t('zh-CN', 'handoff.opened'));

    const item = page.locator('#case-list li', { hasText: '主动要求人工服务' });
    await item.waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => Reflect.get(window, 'notReloaded'))).toBe(true);
    await expect(item.innerText()).resolves.toContain('主动要求人工服务');
    await page.screenshot({ path: `${SHOTS}/console-2-new-case.png` });

    await item.click();
    await page.getByRole('button', { name: '认领' }).click();
    await page.getByRole('heading', { name: /处理中/ }).waitFor();
    await page.getByRole('tab', { name: /处理中/, selected: true }).waitFor();
    await page.locator('#case-list li.selected', { hasText: '演示工作人员' }).waitFor();
    await user.waitForBotReply((m) => m.text === t('zh-CN', 'handoff.claimed', { name: '演示工作人员' }));

    await user.say('我上个月被辞退了，失业金怎么申请？');
    await page.locator('#messages li.in', { hasText: '失业金怎么申请' }).waitFor({ timeout: 15_000 });

    const reply = '您好，失业保险金请带身份证到社保窗口申请，我们也可以先帮您做失业登记。';
    await page.getByLabel('回复当事人').fill(reply);
    await page.getByRole('button', { name: '发送' }).click();
    const arrived = await user.waitForBotReply((m) => m.text === reply);
    expect(arrived.from).toMatchObject({ name: '演示工作人员', role: 'bot' });
    await page.locator('#messages li.staff', { hasText: '社保窗口' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-3-replied.png` });

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: `${SHOTS}/console-4-tablet-768.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByLabel('结束原因').fill('已告知失业保险金的申请方法');
    await page.getByRole('button', { name: '结束并交还机器人' }).click();
    await page.getByRole('heading', { name: /已结束/ }).waitFor();
    await user.waitForBotReply((m) => m.text === t('zh-CN', 'handoff.closedByCaseworker'));
    const back = await ask(user, '好的，谢谢');
    expect(back.texts[0]).toBe(t('zh-CN', 'handoff.returned'));
    expect(back.buttons).toContain(t('zh-CN', 'menu.buttons.registration'));

    await page.getByRole('tab', { name: /已结束/, selected: true }).waitFor();
    await page.locator('#case-list li', { hasText: '主动要求人工服务' }).waitFor();
    await page.locator('#case-meta', { hasText: '已告知失业保险金的申请方法' }).waitFor();
    await page.locator('#messages li', { hasText: t('zh-CN', 'handoff.closedByCaseworker') }).waitFor();
    // Only the closing notice follows the close in the case view, not the bot's later turns.
    await expect(page.locator('#messages li', { hasText: t('zh-CN', 'handoff.returned') }).count()).resolves.toBe(0);
    await expect(page.locator('[data-count="claimed"]').innerText()).resolves.toBe('');
    await page.screenshot({ path: `${SHOTS}/console-5-closed.png` });
    expect(problems).toEqual([]);
    await context.close();
  });
});
