// An SMS short link in real Chromium at 360 px against the real service: the link shows a confirm page (a link
// preview that only fetches it uses nothing); its button opens web chat in a conversation linked to the person
// the SMS went to, so "my progress" is theirs; the token leaves the address bar; the link works once, and a used,
// expired or made-up link shows a clear Chinese page with a way to start web chat normally. Audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../support/chromium.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import { PERSON, startSmsService, type SmsService } from '../channels/sms/sms-service.ts';

const t = createLocalizer(readLocaleResources()).t;
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
let sms: SmsService;
let browser: Browser | undefined;

describe.skipIf(chromiumSkipReason !== undefined)('SMS short link to web chat (Chromium, 360 px)', () => {
  beforeAll(async () => {
    sms = await startSmsService();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sms?.close();
  });

  const base = () => sms.service.url.replace('localhost', '127.0.0.1');
  async function phone(): Promise<Page> {
    if (!browser) throw new Error('no browser');
    return (await browser.newContext(PHONE)).newPage();
  }
  const seen = (page: Page, text: string) => page.getByText(text, { exact: false }).last().waitFor({ timeout: 25_000 });

  it('opens web chat linked to the person: the welcome says so and "my progress" is theirs', async () => {
    const token = await sms.issueLink();
    const page = await phone();
    const confirm = await page.goto(`${base()}/s/${token}`);
    expect(confirm?.status()).toBe(200);
    await seen(page, t('zh-CN', 'sms.link.confirm'));
    // Only looking at the page (a link preview) does not use the link.
    expect((await sms.database.prisma.smsShortLink.findFirstOrThrow({ where: { jobSeekerId: PERSON.id, usedAt: null } })).usedAt).toBeNull();
    await page.getByRole('button', { name: /继续对话/ }).click();
    await seen(page, t('zh-CN', 'sms.link.welcome'));
    expect(new URL(page.url()).hash).toBe('');
    // Web Chat keeps a hidden copy of suggested actions in its live region: the visible button is the last.
    await page.getByRole('button', { name: t('zh-CN', 'menu.buttons.status') }).last().click();
    await seen(page, `登记状态：${t('zh-CN', 'status.statuses.registered')}`);
    expect(await page.getByText(t('zh-CN', 'status.notRegistered')).count()).toBe(0);
    const width = await page.evaluate(() => ({ client: document.documentElement.clientWidth, scroll: document.scrollingElement?.scrollWidth ?? 0 }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    const link = await sms.database.prisma.channelAddress.findFirstOrThrow({ where: { jobSeekerId: PERSON.id, channel: 'webchat' } });
    expect(link.conversationId).toMatch(/^webchat:/);
    const audit = await sms.database.prisma.auditEvent.findMany({ where: { action: 'sms.shortLinkUsed', subjectId: PERSON.id } });
    expect(audit).toHaveLength(1);
    await page.context().close();
  });

  it('a link works once: opened again it says so, with a way to start web chat normally', async () => {
    const token = await sms.issueLink();
    const first = await phone();
    await first.goto(`${base()}/s/${token}`);
    await first.getByRole('button', { name: /继续对话/ }).click();
    await seen(first, t('zh-CN', 'sms.link.welcome'));
    const second = await phone();
    const answer = await second.goto(`${base()}/s/${token}`);
    expect(answer?.status()).toBe(410);
    await seen(second, t('zh-CN', 'sms.link.used'));
    await second.getByRole('link', { name: /开始新的对话/ }).click();
    await seen(second, t('zh-CN', 'menu.welcome').split('\n')[0] ?? '');
    expect(await second.getByText(t('zh-CN', 'sms.link.welcome')).count()).toBe(0);
    await first.context().close();
    await second.context().close();
  });

  it('an expired link and a made-up one: clear pages, no 500, nothing linked', async () => {
    const expired = await sms.issueLink(-1);
    const page = await phone();
    expect((await page.goto(`${base()}/s/${expired}`))?.status()).toBe(410);
    await seen(page, t('zh-CN', 'sms.link.expired'));
    const linksBefore = await sms.database.prisma.channelAddress.count({ where: { jobSeekerId: PERSON.id, channel: 'webchat' } });
    const post = await page.request.post(`${base()}/s/${expired}`);
    expect(post.status()).toBe(410);
    expect(await sms.database.prisma.channelAddress.count({ where: { jobSeekerId: PERSON.id, channel: 'webchat' } })).toBe(linksBefore);
    for (const made of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', `${'x'.repeat(5000)}`, '..%2F..%2Fetc']) {
      const answer = await page.goto(`${base()}/s/${made}`);
      expect(answer?.status(), made.slice(0, 20)).toBe(404);
      await seen(page, t('zh-CN', 'sms.link.unknown'));
    }
    await page.context().close();
  });
});
