// Reviews in real Chromium on the console (strict CSP): a caseworker confirms a web-chat registration made on a
// credit promise (the countdown and its clause are shown) and the user is told in their Direct Line
// conversation; the person's file shows masked numbers, takes a logged phone call (its result a choice) into the
// ledger and shows the outreach the bot could not deliver with why; a Wenzhou caseworker confirms one hardship
// category of a pre-screen that shows its public-notice exemption, and keeps serving a person outreach could not reach.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, submitConsoleLogin } from '../support/chromium.ts';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { registerOverWebchat } from '../support/register-over-webchat.ts';
import { seedDeregistrationFact, seedHardshipCase, seedPerson, wenzhouPrescreen } from '../support/review-fixtures.ts';
import { addCaseworker } from '../support/console-api.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createOutreachFactRepository } from '../../src/persistence/outreach-fact-repository.ts';
import type { RunningService } from '../../src/main.ts';

const SHOTS = '/tmp/shots';
const config = tempServiceConfig();
let service: RunningService;
let db: Database;
let browser: Browser | undefined;
let user: DirectlineTestClient | undefined;
let hardshipCaseId = '';
let factCaseId = '';
let factRegistrationId = '';
let rejectedRegistrationId = '';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await submitConsoleLogin(page, service.url.replace('localhost', '127.0.0.1'), username, password);
  await page.getByText('实时更新已开启').waitFor({ timeout: 15_000 });
}

describe.skipIf(chromiumSkipReason !== undefined)('reviews and the person file in Chromium against the real service', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    service = await startTestService(config);
    await addCaseworker(config, { username: 'wz', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
    db = openDatabase(config.DATABASE_URL);
    await db.ready;
    const person = await seedPerson(db.prisma, { regionCode: '330302', name: '王小二' });
    hardshipCaseId = await seedHardshipCase(db.prisma, { jobSeekerId: person.jobSeekerId, regionCode: '330302', prescreen: wenzhouPrescreen() });
    const reporter = await seedPerson(db.prisma, { regionCode: '330302', name: '赵六' });
    factRegistrationId = reporter.registrationId;
    factCaseId = await seedDeregistrationFact(db.prisma, { ...reporter, regionCode: '330302', situation: 'hired', facts: { hired: true } });
    rejectedRegistrationId = (await seedPerson(db.prisma, { regionCode: '440802', name: '孙九', status: 'pending_review' })).registrationId;
    user = await connect(service.url);
    await registerOverWebchat(user, { name: '张三', idNumber: '440802199005150139', phone: '138 1234 5678', creditPromise: true });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    user?.end();
    await browser?.close();
    await db?.close();
    await service?.stop();
  });

  it('confirms a registration on a credit promise, and the web-chat user is told', async () => {
    if (!browser || !user) throw new Error('not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, 'demo', 'jiuyebang-demo');
    await page.getByRole('link', { name: '审核与决定' }).click();
    const card = page.locator('article', { hasText: '张三' });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('4408************39');
    expect(text).toContain('剩余 7 个工作日');
    expect(text).toContain('依据：《关于建立湛江市失业人员就业服务制度的通知》 第五部分第（一）项');
    expect(text).not.toContain('440802199005150139');
    await page.screenshot({ path: `${SHOTS}/reviews-1-registrations.png`, fullPage: true });

    // A common reason is a choice (told to the person in their language); "other" takes the caseworker's words.
    const other = page.locator('article', { hasText: '孙九' });
    const reasons = other.getByLabel('不予登记的原因');
    expect(await reasons.locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['在校学生不能办理失业登记', '其他（填写原因）']));
    await reasons.selectOption('student');
    await other.getByRole('button', { name: '不予登记' }).click();
    await other.locator('.decided').waitFor();
    expect((await db.prisma.registrationEvent.findFirstOrThrow({ where: { registrationId: rejectedRegistrationId, toStatus: 'rejected' } })).note).toBe('在校学生不能办理失业登记');
    await other.waitFor({ state: 'detached' });

    const before = user.botMessages().length;
    await card.getByRole('button', { name: '确认登记' }).click();
    await card.getByText('已通知当事人。').waitFor();
    const notice = await user.waitForBotReply((m) => user?.botMessages().indexOf(m) !== undefined && (user?.botMessages().indexOf(m) ?? 0) >= before);
    expect(notice.text).toBe('您的失业登记已审核通过，工作人员会按规定与您联系。');
    expect((await db.prisma.registration.findFirstOrThrow({ where: { jobSeeker: { name: '张三' } } })).status).toBe('registered');
    await page.getByText('暂无待处理事项。').waitFor();

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the person's file and logs a phone call into the ledger", async () => {
    if (!browser) throw new Error('not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, 'demo', 'jiuyebang-demo');
    const id = (await db.prisma.jobSeeker.findFirstOrThrow({ where: { name: '张三' } })).id;
    await db.prisma.outreachTask.create({
      data: { id: 'e2e-undeliverable', jobSeekerId: id, kind: 'first_contact', dueAt: new Date('2026-03-03T01:00:00Z'), idempotencyKey: `first_contact:e2e:${id}`, status: 'undeliverable', attempts: 6, lastError: 'webchat:network', clause: 'wenzhou-2022#二(一)1' },
    });
    await page.goto(`${service.url.replace('localhost', '127.0.0.1')}/console/reviews#person=${id}`);
    await page.locator('[data-field="idNumber"]', { hasText: '4408************39' }).waitFor();
    await page.getByLabel('联系方式').selectOption('phone_call');
    await page.getByLabel('联系内容').fill('电话告知社保补贴政策');
    await page.getByLabel('联系结果').selectOption('reached');
    await page.getByLabel('政策对接').check();
    await page.getByRole('button', { name: '保存' }).click();
    const row = page.locator('#ledger tbody tr', { hasText: '电话联系' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/电话联系\s+电话告知社保补贴政策；政策对接\s+已联系上\s+演示工作人员/);
    await expect(page.locator('#quota').innerText()).resolves.toContain('政策对接\t1 / 2');
    // The first contact the bot could not deliver, and why: the caseworker calls instead.
    await expect(page.locator('#outreach tr[data-status="undeliverable"]').innerText()).resolves.toMatch(/2026-03-03\s+首次联系\s+无法送达 · 已尝试 6 次\s+网页聊天：网络故障/);
    await page.screenshot({ path: `${SHOTS}/reviews-2-person.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("marks a graduate's registration as from a hardship family on the person's file", async () => {
    if (!browser) throw new Error('not started');
    const graduate = await seedPerson(db.prisma, { regionCode: '440802', name: '陈毕业' });
    await db.prisma.registration.update({ where: { id: graduate.registrationId }, data: { reason: 'graduated' } });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, 'demo', 'jiuyebang-demo');
    await page.goto(`${service.url.replace('localhost', '127.0.0.1')}/console/reviews#person=${graduate.jobSeekerId}`);
    const form = page.locator('#hardship-family');
    await form.waitFor();
    await form.getByLabel('困难家庭高校毕业生（提高联系频次）').selectOption('true');
    await form.getByLabel('依据（如低保证、特困证明）').fill('家庭持低保证');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('alert').filter({ hasText: '已保存，服务计划将按新的频次更新。' }).waitFor();
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: graduate.registrationId } })).hardshipFamily).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a Wenzhou caseworker confirms one hardship category and sees the public-notice exemption', async () => {
    if (!browser) throw new Error('not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, 'wz', 'pw-wz-123');
    await page.getByRole('link', { name: '审核与决定' }).click();
    await page.getByRole('tab', { name: '困难认定预审' }).click();
    const card = page.locator(`article[data-case-id="${hardshipCaseId}"]`);
    await card.waitFor();
    await expect(card.innerText()).resolves.toMatch(/免予公示\s*依据：温人社发〔2022〕37号 第一部分第（二）项/);
    const category = card.locator('[data-category="LOW_INCOME_FAMILY"]');
    await expect(category.innerText()).resolves.toContain('低保、低边等困难家庭成员');
    await category.getByRole('button', { name: '确认' }).click();
    await page.locator('[data-category="LOW_INCOME_FAMILY"] .decided', { hasText: '已确认 · 经办人 温州王五' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/reviews-3-hardship.png`, fullPage: true });
    // English is available: the page's words, the labels and the clauses switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Hardship pre-screens' }).waitFor();
    const english = page.locator(`article[data-case-id="${hardshipCaseId}"]`);
    await english.locator('[data-category="LOW_INCOME_FAMILY"] .decided', { hasText: 'Confirmed · by 温州王五' }).waitFor();
    await expect(english.innerText()).resolves.toMatch(/Public notice waived\s*Basis: 温人社发〔2022〕37号, part 1, item \(2\)/);
    await expect(english.innerText()).resolves.toContain('Low-income family');
    expect(await db.prisma.hardshipCategoryDecision.findMany({ where: { caseId: hardshipCaseId } })).toMatchObject([{ category: 'LOW_INCOME_FAMILY', outcome: 'confirmed' }]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a Wenzhou caseworker is told beside the grounds that "no contact" may not be the only ground, then deregisters on the job', async () => {
    if (!browser) throw new Error('not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    // The refusal is an expected 422, shown on the page.
    await logIn(page, 'wz', 'pw-wz-123');
    await page.goto(`${service.url.replace('localhost', '127.0.0.1')}/console/reviews#deregistration`);
    const card = page.locator(`article[data-case-id="${factCaseId}"]`);
    await card.waitFor();
    await expect(card.innerText()).resolves.toMatch(/连续多月未与经办机构联系[^\n]*· 不得作为唯一注销理由/);
    await card.getByLabel(/^已就业/).uncheck();
    await card.getByLabel(/^连续多月未与经办机构联系/).check();
    await card.getByLabel('说明').fill('半年未联系');
    await card.getByRole('button', { name: '注销登记' }).click();
    await card.getByRole('alert').filter({ hasText: '不得作为注销失业登记的唯一理由' }).waitFor();
    await expect(card.getByRole('alert').innerText()).resolves.toContain('依据温人社发〔2022〕37号 第二部分第（三）项第1点');
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: factRegistrationId } })).status).toBe('registered');
    await page.screenshot({ path: `${SHOTS}/reviews-4-deregistration-refused.png`, fullPage: true });
    await card.getByLabel(/^已就业/).check();
    await card.getByLabel('说明').fill('电话核实已入职');
    await card.getByRole('button', { name: '注销登记' }).click();
    await card.getByRole('alert').filter({ hasText: '已处理' }).waitFor();
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: factRegistrationId } })).status).toBe('withdrawn');
    expect(problems.filter((p) => !p.startsWith('422 '))).toEqual([]);
    await context.close();
  });

  it('a fact outreach filed (6 months unreachable) shows as recorded, with the evidence and its ground ticked, and is kept', async () => {
    if (!browser) throw new Error('not started');
    const silent = await seedPerson(db.prisma, { regionCode: '330302', name: '冯七' });
    await createOutreachFactRepository(db.prisma).fileFact({
      ...silent, regionCode: '330302', code: 'NO_CONTACT', clause: 'wenzhou-2022#二(三)1', facts: { monthsWithoutContact: 6 },
      details: { source: 'outreach', lastReachedOn: '2026-03-02', forbiddenAsSoleGround: true, reportedOn: '2026-09-03' },
    }, new Date('2026-09-03T02:00:00Z'));
    const caseId = (await db.prisma.handoffCase.findFirstOrThrow({ where: { jobSeekerId: silent.jobSeekerId } })).id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, 'wz', 'pw-wz-123');
    await page.goto(`${service.url.replace('localhost', '127.0.0.1')}/console/reviews#deregistration`);
    const card = page.locator(`article[data-case-id="${caseId}"]`);
    await card.waitFor();
    await expect(card.innerText()).resolves.toMatch(/系统记录：连续多月未与经办机构联系\s+2026-09-03\s+自 2026年3月2日 起未能联系上，已满 6 个月/);
    expect(await card.getByLabel(/^连续多月未与经办机构联系（符合）/).isChecked()).toBe(true);
    await card.getByLabel('说明').fill('已请社区上门，继续服务');
    await card.getByRole('button', { name: '继续服务' }).click();
    await card.getByRole('alert').filter({ hasText: '已处理' }).waitFor();
    expect(await db.prisma.handoffCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: 'closed' });
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: silent.registrationId } })).status).toBe('registered');
    await page.screenshot({ path: `${SHOTS}/reviews-5-outreach-fact.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
