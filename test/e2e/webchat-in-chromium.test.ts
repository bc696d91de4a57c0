// A job seeker on a cheap phone: real Chromium at 360x740 on the real service's page, tapping the bot's
// buttons and typing, in Chinese then English, never seeing "send failed" or a raw error.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../support/chromium.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { RunningService } from '../../src/main.ts';

const t = createLocalizer(readLocaleResources()).t;
let service: RunningService;
let browser: Browser | undefined;

describe.skipIf(chromiumSkipReason !== undefined)('web chat in Chromium against the real service', () => {
  beforeAll(async () => {
    service = await startTestService(tempServiceConfig());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const seen = (page: Page, text: string) => page.getByText(text, { exact: false }).last().waitFor({ timeout: 25_000 });
  const tap = async (page: Page, title: string) => {
    const button = page.getByRole('toolbar').getByRole('button', { name: title, exact: true });
    await button.waitFor({ timeout: 25_000 });
    await button.click();
  };

  it('greets with the menu, answers a tapped button, switches to English and starts a registration', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(service.url.replace('localhost', '127.0.0.1'));
    await seen(page, '您好，这里是就业帮');

    await tap(page, t('zh-CN', 'menu.buttons.status'));
    await seen(page, t('zh-CN', 'status.notRegistered'));

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('English');
    await input.press('Enter');
    await seen(page, t('en', 'engine.languageSwitched'));

    await tap(page, t('en', 'menu.buttons.registration'));
    await seen(page, t('en', 'registration.consent.ask').slice(0, 40));
    await tap(page, t('en', 'registration.consent.agree'));
    await seen(page, t('en', 'registration.name.ask'));

    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: '.tmp/e2e-webchat.png' });
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/发送失败|Send failed|无法发送|Internal|Error/i);
    await context.close();
  });
});
