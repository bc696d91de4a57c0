// The chat page works under the service's Content-Security-Policy in real Chromium: no CSP violation is
// reported in the console, and the bot's welcome appears.
import { afterAll } from 'vitest';
import { describe, expect, test as it } from '../support/fixtures.ts';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../support/chromium.ts';
import type { RunningService } from '../../src/main.ts';

let service: RunningService;
let browser: Browser | undefined;

describe.skipIf(chromiumSkipReason !== undefined)('web chat under the CSP in Chromium', () => {
  it.beforeAll(async ({ service: started }) => {
    service = started;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the welcome with no Content-Security-Policy error', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    // Every violation, including ones Chromium reports only as events (set up before the page's scripts run).
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => {
        const root = document.documentElement;
        root.dataset.cspViolations = `${root.dataset.cspViolations ?? ''}${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample};`;
      }),
    );
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    const response = await page.goto(service.url.replace('localhost', '127.0.0.1'));
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('您好，这里是就业帮', { exact: false }).last().waitFor({ timeout: 25_000 });
    const violations = await page.evaluate(() => document.documentElement.dataset.cspViolations ?? '');
    expect(violations).toBe('');
    expect(console.filter((line) => /Content.Security.Policy|Refused to/i.test(line))).toEqual([]);
    expect(console.filter((line) => line.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
