// Real Chromium at a cheap-phone viewport: the page at `/` renders the zh-CN Web Chat from this host,
// a typed message is sent and echoed without "send failed", and a reload resumes the same conversation.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../../support/chromium.ts';
import { createTestDatabase, startServer } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';

let database: TestDatabase;
let server: RunningServer;
let browser: Browser | undefined;

describe.skipIf(chromiumSkipReason !== undefined)('the web chat page in Chromium', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database.url);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    database?.remove();
  });

  it('serves the page and the Web Chat bundle from this host, long-cached', async () => {
    const page = await fetch(`${server.baseUrl}/`);
    const html = await page.text();
    expect(html).toContain('<title>就业帮</title>');
    expect(html).toContain('name="viewport"');
    const src = /<script src="(\/static\/webchat[^"]+)"/.exec(html)?.[1] ?? '';
    expect(src).toMatch(/^\/static\/webchat-minimal\.js\?v=/);
    const bundle = await fetch(`${server.baseUrl}${src}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('max-age=31536000');
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it('greets, sends a typed message and shows the echo with suggested actions, no "send failed"', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    mkdirSync('.tmp', { recursive: true });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.baseUrl}/`);

    const bubble = (text: string) => page.locator('p').getByText(text, { exact: true });
    await bubble('您好，我是就业帮。').waitFor({ timeout: 25_000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 25_000 });
    await input.fill('我想找工作');
    await page.getByRole('button', { name: '发送' }).click();

    await bubble('你说：我想找工作').waitFor({ timeout: 25_000 });
    await bubble('我想找工作').waitFor({ timeout: 25_000 });
    const suggested = page.getByRole('toolbar', { name: '建议的操作' }).getByRole('button', { name: '失业登记' });
    await suggested.waitFor({ timeout: 25_000 });
    await page.screenshot({ path: '.tmp/webchat.png' });
    await suggested.click();
    await bubble('你说：失业登记').waitFor({ timeout: 25_000 });
    await page.waitForTimeout(1500);
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/发送失败|Send failed|无法发送/i);

    expect(requests.filter((url) => /^(https?|wss?):/.test(url) && !url.startsWith(server.baseUrl))).toEqual([]);

    await page.reload();
    await bubble('你说：我想找工作').waitFor({ timeout: 25_000 });
    const greetings = await bubble('您好，我是就业帮。').count();
    expect(greetings).toBe(1);
    await context.close();
  });
});

if (chromiumSkipReason) {
  describe('the web chat page in Chromium', () => {
    it.skip(`skipped: ${chromiumSkipReason}`, () => {});
  });
}
