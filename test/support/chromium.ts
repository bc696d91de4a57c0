// Debian's Chromium driven by playwright-core (no browser downloads). Tests that need it skip with a clear
// message ONLY when /usr/bin/chromium is missing; CI installs it (apt-get install -y chromium fonts-noto-cjk).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags from MACHINE-NOTES: headless, no sandbox (root in CI), nothing that phones home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Why browser tests are skipped, or undefined when they can run. */
export const chromiumSkipReason = chromiumAvailable
  ? undefined
  : `${CHROMIUM_PATH} is missing: install it with "apt-get install -y chromium fonts-noto-cjk" to run browser tests`;

if (chromiumSkipReason) console.warn(`[chromium] SKIPPING browser tests: ${chromiumSkipReason}`);

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable) throw new Error(chromiumSkipReason);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** Opens the console at `base` and submits its login form (the caller waits for what it expects next). */
export async function submitConsoleLogin(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/console`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
