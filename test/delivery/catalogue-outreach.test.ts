// Quota outreach with the content catalogue, through deliverDue with a fake channel and clock: each notice carries
// the item that fits the person best (their district, their words, their group and age), an item never goes to the
// same person twice, an expired item never goes out, and with nothing left the generic notice still counts.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { OutboundChannel, OutboundText } from '../../src/conversation/ports.ts';
import { deliverDue } from '../../src/delivery/deliver-due.ts';
import { parseCatalogRows } from '../../src/domain/catalogue/parse-catalog-rows.ts';
import { checkCharacter } from '../../src/domain/identity/id-number.ts';
import { createCatalogueDesk, createCatalogueImporter } from '../../src/persistence/catalogue-repository.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createOutreachDeliveryRepository } from '../../src/persistence/outreach-delivery-repository.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { migratedDatabase } from '../support/temp-database.ts';

const calendar = loadWorkCalendar();
const localizer = createLocalizer(readLocaleResources());
const cipher = createPiiCipher(randomBytes(32));
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const CLAUSE = 'zhanjiang-2021#四(三)';

const CATALOGUE = JSON.stringify([
  { key: 'forklift', kind: 'jobs', region: '4408', district: '440802', title: '物流园叉车司机', summary: '月薪4500元', keywords: ['叉车', '仓库'], effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', place: '赤坎区物流园' },
  { key: 'ends-monday', kind: 'jobs', region: '4408', title: '商超理货员', summary: '月薪3500元', keywords: ['仓库'], effectiveFrom: '2026-01-01', expiresOn: '2026-03-02', place: '霞山区' },
  { key: 'cashier', kind: 'jobs', region: '4408', title: '收银员', summary: '月薪3300元', effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', link: 'https://example.org/cashier' },
  { key: 'expired', kind: 'jobs', region: '4408', title: '已结束的岗位', summary: '过期', effectiveFrom: '2025-01-01', expiresOn: '2026-02-28', place: '某地' },
  { key: 'graduates', kind: 'jobs', region: '4408', title: '毕业生专项岗位', summary: '限毕业生', targetGroups: ['graduate'], effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', place: '某地' },
  { key: 'elsewhere', kind: 'jobs', region: '2103', title: '鞍山的岗位', summary: '外地', effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', place: '鞍山' },
  { key: 'disabled-posts', kind: 'jobs', region: '4408', title: '残疾人就业岗位', summary: '按比例安排就业', targetGroups: ['DISABLED'], effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', place: '市残疾人就业服务中心' },
  { key: 'salon', kind: 'guidance', region: '4408', title: '毕业生求职沙龙', summary: '面试技巧与见习报名', targetGroups: ['graduate', 'youth'], maxAge: 24, effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', place: '湛江市公共就业服务中心', startsAt: '2026-03-21 14:30' },
  { key: 'general-talk', kind: 'guidance', region: '4408', title: '职业指导公开课', summary: '免费', effectiveFrom: '2026-01-01', expiresOn: '2026-12-31', place: '赤坎区', startsAt: '2026-03-28 09:00' },
]);

let database: Database | undefined;
let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await database?.close();
  await remove?.();
});

function idNumber(district: string, birth: string): string {
  const first17 = `${district}${birth.replaceAll('-', '')}123`;
  return `${first17}${checkCharacter(first17)}`;
}

async function world() {
  const db = await migratedDatabase('sqlite', 'jyb-catalogue-outreach-');
  remove = db.remove;
  database = openDatabase(db.url);
  await database.ready;
  const prisma = database.prisma;
  const people = [
    { id: 'worker', district: '440802', birth: '1990-05-01', reason: 'lost_job', details: { skills: '会开叉车', jobWanted: '仓库管理' } },
    { id: 'graduate', district: '440803', birth: '2004-01-15', reason: 'graduated', details: { skills: '会计', jobWanted: '文员' } },
  ];
  for (const p of people) {
    await prisma.jobSeeker.create({ data: { id: p.id, regionCode: p.district, idNumberEnc: cipher.encrypt(idNumber(p.district, p.birth)), consentAt: at('2026-01-05', '09:00') } });
    await prisma.registration.create({ data: { id: `${p.id}-r`, jobSeekerId: p.id, regionCode: p.district, status: 'registered', registeredAt: at('2026-01-05', '09:00'), reason: p.reason, details: JSON.stringify(p.details) } });
    await prisma.channelAddress.create({ data: { id: `${p.id}-a`, channel: 'loop', userKey: p.id, conversationId: `loop:${p.id}`, reference: '{}', jobSeekerId: p.id } });
  }
  const parsed = parseCatalogRows(CATALOGUE, 'json');
  expect(parsed.errors).toEqual([]);
  await createCatalogueImporter(prisma).importItems(parsed.items, at('2026-03-01', '09:00'), { dryRun: false, file: 'test.json' });
  const sent: { address: string; text: string }[] = [];
  const channel: OutboundChannel = {
    channel: 'loop',
    async send(address: string, message: OutboundText) {
      sent.push({ address, text: message.text });
      return { ok: true, providerMessageId: `m${sent.length}` };
    },
  };
  const deps = {
    store: createOutreachDeliveryRepository(prisma), channels: [channel], calendar, window: { from: '09:00', until: '20:00' },
    localizer, prompter: { prompt: async () => [] }, buttonChannels: new Set<string>(), catalogue: createCatalogueDesk(prisma, cipher),
  };
  let n = 0;
  const task = (jobSeekerId: string, kind: string, dueAt: Date) =>
    prisma.outreachTask.create({ data: { id: `t${(n += 1)}`, jobSeekerId, registrationId: `${jobSeekerId}-r`, kind, dueAt, idempotencyKey: `${jobSeekerId}:${kind}:${n}`, period: 'y1', clause: CLAUSE } });
  return { prisma, sent, deps, task };
}

describe('quota outreach with the catalogue', () => {
  it('sends the best fit first, never the same item twice, never an expired one; then the generic notice, still counted', async () => {
    const { prisma, sent, deps, task } = await world();
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) await task('worker', 'quota_jobs', at(day, '09:00'));

    // Monday: their district and their words (叉车, 仓库) win.
    expect(await deliverDue(deps, at('2026-03-02', '10:00'))).toMatchObject({ sent: 1 });
    expect(sent[0]?.text.split('\n')).toEqual(['【岗位推荐】物流园叉车司机', '月薪4500元', '地点：赤坎区物流园', expect.stringMatching(/^想参加或了解更多，回复“人工”。依据：.+/)]);
    expect(sent[0]?.text).not.toContain('zhanjiang-2021#');
    // A second tick the same day sends nothing more (one message a day, the task is done).
    expect(await deliverDue(deps, at('2026-03-02', '15:00'))).toMatchObject({ sent: 0 });

    // Tuesday: the forklift job was sent; "ends-monday" (also 仓库) expired at midnight; the cashier job is left.
    await deliverDue(deps, at('2026-03-03', '10:00'));
    expect(sent[1]?.text.split('\n').slice(0, 4)).toEqual(['【岗位推荐】收银员', '月薪3300元', '详情：https://example.org/cashier', expect.stringMatching(/^想参加/)]);

    // Wednesday: nothing unsent and in force fits (expired, graduates only, another region): the generic notice.
    await deliverDue(deps, at('2026-03-04', '10:00'));
    expect(sent[2]?.text).toMatch(/^【岗位推荐】本地有一批新的招聘岗位/);

    expect(sent).toHaveLength(3);
    const deliveries = await prisma.catalogDelivery.findMany({ orderBy: { at: 'asc' } });
    expect(deliveries.map((d) => [d.jobSeekerId, d.itemId, d.taskId])).toEqual([['worker', '4408:forklift', 't1'], ['worker', '4408:cashier', 't2']]);
    const ledger = await prisma.contactRecord.findMany({ where: { jobSeekerId: 'worker' } });
    expect(ledger.map((c) => c.serviceKinds)).toEqual(['["jobs"]', '["jobs"]', '["jobs"]']);
  });

  it('an item already sent is not sent again by a later task, even of a re-imported catalogue', async () => {
    const { prisma, sent, deps, task } = await world();
    await task('worker', 'quota_jobs', at('2026-03-02', '09:00'));
    await deliverDue(deps, at('2026-03-02', '10:00'));
    const again = parseCatalogRows(CATALOGUE.replace('月薪4500元', '月薪4800元'), 'json');
    await createCatalogueImporter(prisma).importItems(again.items, at('2026-03-02', '12:00'), { dryRun: false, file: 'test.json' });
    await task('worker', 'quota_jobs', at('2026-03-03', '09:00'));
    await deliverDue(deps, at('2026-03-03', '10:00'));
    expect(sent.map((s) => s.text.split('\n')[0])).toEqual(['【岗位推荐】物流园叉车司机', '【岗位推荐】收银员']);
  });

  it('a 22-year-old graduate gets the graduates\' session with its Beijing time and place; the older worker the general one', async () => {
    const { sent, deps, task } = await world();
    await task('graduate', 'quota_guidance', at('2026-03-02', '09:00'));
    await task('worker', 'quota_guidance', at('2026-03-02', '09:00'));
    await deliverDue(deps, at('2026-03-02', '10:00'));
    const byPerson = new Map(sent.map((s) => [s.address, s.text.split('\n')]));
    expect(byPerson.get('graduate')?.slice(0, 4)).toEqual(['【职业指导】毕业生求职沙龙', '面试技巧与见习报名', '时间：2026年3月21日 14:30', '地点：湛江市公共就业服务中心']);
    expect(byPerson.get('worker')?.[0]).toBe('【职业指导】职业指导公开课');
  });

  it('a category a caseworker confirmed (DISABLED) brings the items for it; a rejected one does not', async () => {
    const { prisma, sent, deps, task } = await world();
    await prisma.handoffCase.create({ data: { id: 'case-1', jobSeekerId: 'graduate', conversationKey: 'loop:graduate', regionCode: '440803', kind: 'hardship_recognition', reason: 'pre_screen' } });
    await prisma.hardshipCategoryDecision.create({ data: { id: 'd1', caseId: 'case-1', category: 'DISABLED', outcome: 'rejected', caseworkerId: 'cw', at: at('2026-02-01', '10:00') } });
    await task('graduate', 'quota_jobs', at('2026-03-02', '09:00'));
    await deliverDue(deps, at('2026-03-02', '10:00'));
    await prisma.hardshipCategoryDecision.update({ where: { id: 'd1' }, data: { outcome: 'confirmed' } });
    await task('graduate', 'quota_jobs', at('2026-03-03', '09:00'));
    await deliverDue(deps, at('2026-03-03', '10:00'));
    expect(sent.map((s) => s.text.split('\n')[0])).toEqual(['【岗位推荐】毕业生专项岗位', '【岗位推荐】残疾人就业岗位']);
  });
});
