// The console's "today and reports" page in real Chromium under the app's strict CSP: a caseworker logs in on
// the console, follows the nav link, sees today's work lists and a rendered ECharts chart (canvas) at 1280 px
// and 768 px, switches report, and downloads an XLSX that exceljs reads back. Screenshots go to /tmp/shots.
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, submitConsoleLogin } from '../support/chromium.ts';
import { NOW, seedReportData } from '../support/report-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import type { RunningService } from '../../src/main.ts';

const SHOTS = '/tmp/shots';
let service: RunningService;
let browser: Browser | undefined;

async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => {
      const root = document.documentElement;
      root.dataset.cspViolations = `${root.dataset.cspViolations ?? ''}${e.violatedDirective} ${e.blockedURI};`;
    }),
  );
  return problems;
}

describe.skipIf(chromiumSkipReason !== undefined)('today and reports page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const config = tempServiceConfig();
    service = await startTestService(config, { now: () => NOW });
    await seedReportData(config, service);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  for (const width of [1280, 768]) {
    it(`shows the work lists and a rendered chart at ${width} px with no CSP error`, async () => {
      if (!browser) throw new Error('no browser');
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      const problems = await watch(page);
      const base = service.url.replace('localhost', '127.0.0.1');
      await submitConsoleLogin(page, base, 'demo', 'jiuyebang-demo');
      await page.getByText('实时更新已开启').waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: '今日工作与报表' }).click();
      await page.waitForURL(/\/console\/today$/);
      const response = await page.reload();
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'[;]/);

      const firstContacts = page.locator('#list-firstContacts');
      await firstContacts.getByText('张一').waitFor({ timeout: 15_000 });
      await expect(firstContacts.locator('tr.overdue').first().innerText()).resolves.toMatch(/张一[\s\S]*2026-11-09[\s\S]*-9/);
      await expect(page.locator('#list-reviews tbody tr').first().innerText()).resolves.toContain('赵四');
      await expect(page.locator('#list-hardship').innerText()).resolves.toContain('“4050”人员、残疾人');
      await expect(page.locator('#today-date').innerText()).resolves.toBe('2026-11-20');

      // The month defaults to the service's month; the first-contact report draws a pie on a canvas.
      await expect(page.locator('#month').inputValue()).resolves.toBe('2026-11');
      await page.locator('#report-title').getByText('首次联系及时率').waitFor();
      await page.locator('#chart canvas').waitFor({ timeout: 15_000 });
      await expect(page.locator('#report-summary').innerText()).resolves.toContain('33.3%');
      const painted = await page.locator('#chart canvas').first().evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0) coloured += 1;
        return coloured;
      });
      expect(painted).toBeGreaterThan(1000);
      await page.screenshot({ path: `${SHOTS}/workbench-${width}-today.png`, fullPage: true });

      await page.locator('#report').selectOption('registrations');
      await page.getByRole('button', { name: '查看' }).click();
      await page.locator('#report-title').getByText('失业登记与退出').waitFor();
      await expect(page.locator('#report-table').innerText()).resolves.toMatch(/2026-11\s+440802\s+1\s+0/);
      await page.locator('.section-head h2#reports-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/workbench-${width}-registrations.png`, fullPage: true });

      if (width === 1280) {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出报表 Excel' }).click()]);
        expect(file.suggestedFilename()).toBe('失业登记与退出（按月、按地区）-2026-11.xlsx');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(readFileSync(await file.path()) as unknown as ExcelJS.Buffer);
        expect(book.worksheets[0]?.getRow(3).values).toEqual([undefined, '月份', '地区代码', '新增登记人数', '退出（注销）人数']);

        // English is available: the lists, the report and the page's own labels switch.
        await page.getByRole('button', { name: 'English' }).click();
        await page.locator('#list-firstContacts h3').getByText('First contacts (due today or overdue)').waitFor();
        await page.locator('#report-title').getByText('Registrations and exits (by month and district)').waitFor();
        await expect(page.locator('#reports-title').innerText()).resolves.toBe('Monthly reports');
        await page.screenshot({ path: `${SHOTS}/workbench-${width}-english.png`, fullPage: true });
        await page.getByRole('button', { name: '中文' }).click();
        await page.locator('#list-firstContacts h3').getByText('首次联系（今日到期及已逾期）').waitFor();
      }

      expect(await page.evaluate(() => document.documentElement.dataset.cspViolations ?? '')).toBe('');
      expect(problems).toEqual([]);
      // Each list exports on its own (the button names the list).
      const [listFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV：待审核的失业登记（按办结时限排序）' }).click()]);
      expect(readFileSync(await listFile.path(), 'utf8')).toContain('赵四');
      await context.close();
    });
  }
});
