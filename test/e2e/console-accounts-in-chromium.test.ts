// Accounts in real Chromium (strict CSP): the console logs in by an HttpOnly SameSite=Strict cookie that page
// script cannot read; an administrator creates an account on the staff page (a bad field is explained beside
// it); the new caseworker logs in and changes their password, and only the new one works afterwards.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, submitConsoleLogin } from '../support/chromium.ts';
import { startTestService } from '../support/test-service.ts';
import { tempServiceConfig } from '../support/test-service.ts';
import type { RunningService } from '../../src/main.ts';

const SHOTS = '/tmp/shots';
let service: RunningService;
let browser: Browser | undefined;

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()); });
  // 400s are the form errors this test provokes on purpose; anything else is a problem.
  page.on('response', (r) => { if (r.status() >= 401 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
  return problems;
}

async function logIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await submitConsoleLogin(page, base, username, password);
  await page.locator('#who-name').filter({ hasText: /\S/ }).waitFor();
}

describe.skipIf(chromiumSkipReason !== undefined)('console accounts in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    service = await startTestService(tempServiceConfig());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('logs in by cookie, an administrator creates an account, and its owner changes their password', async () => {
    if (!browser) throw new Error('no browser');
    const base = service.url.replace('localhost', '127.0.0.1');

    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const admin = await adminContext.newPage();
    const problems = watch(admin);
    await logIn(admin, base, 'demo-admin', 'jiuyebang-demo');
    const cookies = await adminContext.cookies();
    expect(cookies.find((c) => c.name === 'jyb_console')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/caseworker' });
    expect(await admin.evaluate(() => document.cookie)).not.toContain('jyb_console');
    expect(await admin.evaluate(() => sessionStorage.getItem('jiuyebang.console') ?? '')).not.toMatch(/"token"/);

    await admin.getByRole('link', { name: '账号与审计' }).click();
    await admin.getByRole('heading', { name: '账号管理' }).waitFor();
    await admin.locator('#accounts tr[data-username="demo-district"]').waitFor();
    await admin.getByLabel('用户名', { exact: true }).fill('zhao');
    await admin.getByLabel('姓名', { exact: true }).fill('赵经办');
    await admin.getByLabel('角色', { exact: true }).selectOption('caseworker');
    await admin.getByLabel(/辖区/).fill('440802');
    await admin.getByLabel(/初始密码/).fill('short');
    await admin.getByRole('button', { name: '新建账号' }).click();
    await expect(admin.locator('[data-error-for="password"]').filter({ hasText: '新密码长度' }).innerText()).resolves.toContain('10');
    await admin.getByLabel(/初始密码/).fill('initial-pass-01');
    await admin.getByRole('button', { name: '新建账号' }).click();
    await admin.getByText('已新建账号 zhao。').waitFor();
    const row = admin.locator('#accounts tr[data-username="zhao"]');
    await expect(row.innerText()).resolves.toMatch(/赵经办\s+经办人员\s+440802\s+正常/);
    await admin.screenshot({ path: `${SHOTS}/staff-1-accounts.png`, fullPage: true });

    const zhaoContext = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'zh-CN' });
    const zhao = await zhaoContext.newPage();
    problems.push(...watch(zhao));
    await logIn(zhao, base, 'zhao', 'initial-pass-01');
    await expect(zhao.locator('#who-name').innerText()).resolves.toContain('赵经办');
    await zhao.getByRole('link', { name: '账号与审计' }).click();
    await zhao.getByRole('heading', { name: '修改我的密码' }).waitFor();
    expect(await zhao.locator('#accounts-card').isHidden()).toBe(true);
    expect(await zhao.locator('#audit-card').isHidden()).toBe(true);
    await zhao.getByLabel('当前密码').fill('not-my-password');
    await zhao.getByLabel(/^新密码/).fill('changed-pass-02');
    await zhao.getByRole('button', { name: '修改密码' }).click();
    await zhao.locator('[data-error-for="currentPassword"]').filter({ hasText: '当前密码不正确。' }).waitFor();
    await zhao.getByLabel('当前密码').fill('initial-pass-01');
    await zhao.getByRole('button', { name: '修改密码' }).click();
    await zhao.getByText('密码已修改').waitFor();
    await zhao.screenshot({ path: `${SHOTS}/staff-2-password.png`, fullPage: true });

    const login = (password: string) => fetch(`${base}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhao', password }) });
    expect((await login('initial-pass-01')).status).toBe(401);
    expect((await login('changed-pass-02')).status).toBe(200);
    // Chinese first, English on request.
    await zhao.getByRole('button', { name: 'English' }).click();
    await zhao.getByRole('heading', { name: 'Change my password' }).waitFor();
    await expect(zhao.locator('#who-name').innerText()).resolves.toContain('Caseworker');
    await zhao.getByRole('button', { name: '中文' }).click();
    await zhao.getByRole('heading', { name: '修改我的密码' }).waitFor();
    // The page's own session lives on after the change: back on the console, the desk still loads.
    await zhao.getByRole('link', { name: '返回事项列表' }).click();
    await zhao.getByText('实时更新已开启').waitFor({ timeout: 15_000 });

    // The administrator sees the account's creation in the audit log.
    await admin.getByLabel(/^操作/).fill('account.');
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.locator('#audit-rows tr').filter({ hasText: 'account.created' }).first().waitFor();
    await admin.screenshot({ path: `${SHOTS}/staff-3-audit.png`, fullPage: true });
    expect(problems).toEqual([]);
  }, 90_000);
});
