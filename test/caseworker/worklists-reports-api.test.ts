// Today's work lists and the monthly reports on the real service, with data made through the real services
// (test/support/report-fixtures.ts) on a fixed clock: what a caseworker sees, district filters and region
// scope, CSV and XLSX exports (read back with exceljs) with Chinese headers and masked numbers, and bad input.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseworker, callApi, loginAs } from '../support/console-api.ts';
import { NOW, seedReportData, type SeededPeople } from '../support/report-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import type { RunningService } from '../../src/main.ts';
import { openDatabase } from '../../src/persistence/database.ts';

const config = tempServiceConfig();
let service: RunningService;
let people: SeededPeople;
let demo = '';
let wenzhou = '';
let districtWorker = '';

interface Table { title: string; columns: { key: string; label: string }[]; rows: Record<string, string | number | null>[] }
const names = (t: Table) => t.rows.map((r) => r.name);

async function getFile(path: string, token: string): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const res = await fetch(`${service.url}/api/caseworker${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  service = await startTestService(config, { now: () => NOW });
  people = await seedReportData(config, service);
  await addCaseworker(config, { username: 'wz', password: 'pw-wz-123', displayName: '温州王五', regionCode: '330300' });
  await addCaseworker(config, { username: 'ck', password: 'pw-ck-123', displayName: '赤坎区', regionCode: '440802' });
  demo = await loginAs(service.url, 'demo', 'jiuyebang-demo');
  wenzhou = await loginAs(service.url, 'wz', 'pw-wz-123');
  districtWorker = await loginAs(service.url, 'ck', 'pw-ck-123');
});

afterAll(async () => {
  await service?.stop();
});

describe('GET /api/caseworker/worklists/today', () => {
  it('lists what needs doing today in the caseworker region, with masked numbers', async () => {
    const answer = await callApi(service.url, demo, 'GET', '/worklists/today');
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as { date: string; lists: Record<string, Table>; counts: Record<string, number> };
    expect(body.date).toBe('2026-11-20');
    const { firstContacts, reviews, overdueCases, hardship, quotaBehind } = body.lists;
    if (!firstContacts || !reviews || !overdueCases || !hardship || !quotaBehind) throw new Error('a list is missing');

    // A was never contacted (due 9 Nov: 9 working days overdue); B was phoned on 5 Nov; C is not due yet.
    expect(firstContacts.title).toBe('首次联系（今日到期及已逾期）');
    expect(names(firstContacts)).toEqual(['张一', '赵四']);
    expect(firstContacts.rows[0]).toMatchObject({ dueOn: '2026-11-09', workingDaysLeft: -9, overdue: '是' });
    expect(firstContacts.rows[0]?.idNumber).toMatch(/^4408\*+\w{2}$/);
    expect(firstContacts.rows[0]?.phone).toBe('138****0001');
    expect(firstContacts.columns.map((c) => c.label)).toContain('剩余工作日（负数为逾期）');

    // Reviews by deadline: D's promise ran out yesterday, C's is due next Friday.
    expect(names(reviews)).toEqual(['赵四', '王三']);
    expect(reviews.rows[0]).toMatchObject({ dueOn: '2026-11-19', overdue: '是', kind: '失业登记' });
    expect(reviews.rows[1]).toMatchObject({ dueOn: '2026-11-27', workingDaysLeft: 5, overdue: '否' });

    // Only the case opened on 10 Nov is past its 1-working-day SLA.
    expect(overdueCases.rows.map((r) => r.id)).toEqual([people.overdueCase]);
    expect(overdueCases.rows[0]).toMatchObject({ name: '张一', reason: '主动要求人工服务', openedAt: '2026-11-10 10:00', dueBy: '2026-11-11' });

    expect(hardship.rows).toHaveLength(1);
    expect(hardship.rows[0]).toMatchObject({ name: '赵四', categories: '“4050”人员、残疾人' });

    // 18 days into their quota years nobody owes a service pro rata yet (see the later clock below).
    expect(quotaBehind.rows).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/13800000001|440802198001010011/);
  });

  it('filters by a district within the region, refuses one outside it, and scopes other regions out', async () => {
    const district = await callApi(service.url, demo, 'GET', '/worklists/today?district=440802');
    expect(district.status).toBe(200);
    const lists = (district.body as unknown as { lists: Record<string, Table> }).lists;
    expect(Object.values(lists).flatMap((t) => t.rows)).toEqual([]);

    const own = await callApi(service.url, districtWorker, 'GET', '/worklists/today');
    expect(own.status).toBe(200);
    expect(Object.values((own.body as unknown as { lists: Record<string, Table> }).lists).flatMap((t) => names(t))).toEqual([]);

    const outside = await callApi(service.url, districtWorker, 'GET', '/worklists/today?district=440803');
    expect(outside.status).toBe(403);
    expect(outside.body.message).toBe('该地区不在您的管辖范围内。');

    const wz = await callApi(service.url, wenzhou, 'GET', '/worklists/today');
    const wzRows = Object.values((wz.body as unknown as { lists: Record<string, Table> }).lists).flatMap((t) => names(t));
    expect(wzRows).not.toContain('张一');
    expect(wzRows).toContain('温五');
  });

  it('exports one list as CSV and XLSX with Chinese headers', async () => {
    const csv = await getFile('/worklists/today?list=reviews&format=csv', demo);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('姓名,公民身份号码,联系电话,地区代码,类别,登记日期,应办结日期');
    expect(text).toMatch(/赵四,4408\*+\w{2},138\*\*\*\*0004,440800,失业登记,2026-11-10,2026-11-19/);

    const xlsx = await getFile('/worklists/today?list=firstContacts&format=xlsx', demo);
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(xlsx.disposition)).toContain('首次联系');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const header = sheet?.getRow(3).values;
    expect(header).toEqual([undefined, '姓名', '公民身份号码', '联系电话', '地区代码', '登记日期', '应办结日期', '剩余工作日（负数为逾期）', '是否逾期', '日期是否暂定']);
    expect(sheet?.getRow(4).getCell(1).value).toBe('张一');
    expect(sheet?.getRow(4).getCell(3).value).toBe('138****0001');
    expect(sheet?.getRow(4).getCell(7).value).toBe(-9);
  });

  it('answers bad input in Chinese, never with a 500', async () => {
    for (const [query, message] of [
      ['?format=pdf', '导出格式只能是 json、csv 或 xlsx。'],
      ['?format=csv', '导出文件时请用 list 参数指定一个清单。'],
      ['?list=everything', '没有这个清单。'],
      ['?district=44', '地区代码应为 6 位数字。'],
      ['?district=440800&district=440802', '地区代码应为 6 位数字。'],
      [`?district=${'9'.repeat(5000)}`, '地区代码应为 6 位数字。'],
    ] as const) {
      const answer = await callApi(service.url, demo, 'GET', `/worklists/today${query}`);
      expect(answer.status, query.slice(0, 40)).toBe(400);
      expect(answer.body.message).toContain(message);
    }
    expect((await callApi(service.url, null, 'GET', '/worklists/today')).status).toBe(401);
  });
});

describe('GET /api/caseworker/reports/:name', () => {
  it('first-contact timeliness: the share within 5 working days and the list of those late', async () => {
    const answer = await callApi(service.url, demo, 'GET', '/reports/firstContact?month=2026-11');
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as { title: string; summary: Record<string, unknown>; table: Table; chart: { type: string; series: { values: number[] }[] } };
    expect(body.title).toBe('首次联系及时率（5个工作日内）');
    // A (late), B (on time) and D (due 17 Nov, not contacted) are judged; C is not due yet.
    expect(body.summary).toMatchObject({ judged: 3, onTime: 1, share: '33.3%' });
    expect(names(body.table)).toEqual(['张一', '赵四']);
    expect(body.table.rows[0]).toMatchObject({ lateReason: '逾期未联系', dueOn: '2026-11-09' });
    expect(body.chart.type).toBe('pie');
    expect(body.chart.series[0]?.values).toEqual([1, 0, 2]);
  });

  it('registrations by month and district, handoffs and SLA, hardship categories, quota by kind, follow-up coverage', async () => {
    const get = async (name: string) => (await callApi(service.url, demo, 'GET', `/reports/${name}?month=2026-11`)).body as unknown as { table: Table; summary: Record<string, unknown>; chart: { categories: string[]; series: { name: string; values: number[] }[] } | null };
    const registrations = await get('registrations');
    expect(registrations.table.rows.filter((r) => r.month === '2026-11')).toEqual([
      { month: '2026-11', regionCode: '440800', registered: 3, exited: 0 },
      { month: '2026-11', regionCode: '440802', registered: 1, exited: 0 },
    ]);
    expect(registrations.chart?.categories.at(-1)).toBe('2026-11');
    expect(registrations.chart?.series[0]?.values.at(-1)).toBe(4);

    const handoffs = await get('handoffs');
    expect(handoffs.table.rows).toEqual([{ regionCode: '440800', opened: 2, closed: 0, closedInTime: 0, stillOpen: 2, overdue: 1 }]);

    const hardship = await get('hardship');
    expect(hardship.table.rows).toEqual([{ category: '“4050”人员', met: 1, toCheck: 0 }, { category: '残疾人', met: 0, toCheck: 1 }]);

    const quota = await get('quota');
    expect(quota.table.rows.map((r) => [r.quotaKind, r.required, r.people, r.completed])).toEqual([['政策对接', 2, 2, 0], ['职业指导', 3, 2, 0], ['岗位推荐', 3, 2, 0], ['培训信息', 3, 2, 0]]);

    const followUp = await get('followUp');
    expect(followUp.table.rows).toEqual([
      { regionCode: '440800', people: 1, covered: 0, share: '0.0%', shareValue: 0 },
      { regionCode: '440802', people: 1, covered: 1, share: '100.0%', shareValue: 1 },
    ]);
  });

  it('exports the ledger and the EP8 report as XLSX with Chinese headers and masked numbers only', async () => {
    const ledger = await getFile('/reports/ledger?month=2026-11&format=xlsx', demo);
    expect(ledger.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.body as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('统计月份：2026-11');
    expect(sheet?.getRow(3).values).toEqual([undefined, '联系日期', '姓名', '公民身份号码', '联系电话', '联系方式', '联系内容', '联系结果', '经办人']);
    expect(sheet?.getRow(4).values).toEqual([undefined, '2026-11-05', '李二', expect.stringMatching(/^4408\*+\w{2}$/), '138****0002', '电话', '工作人员联系、政策对接', '还在找工作', 'demo']);

    const ep8 = await getFile('/reports/ep8?month=2026-11&format=csv', demo);
    const text = ep8.body.toString('utf8');
    expect(text).toContain('地区代码,本月新增登记失业人员,本月退出人数,就业困难人员认定申请（预审提交）,本月服务人次,首次联系按时率,转人工受理件数,转人工按时办结件数');
    expect(text).toContain('合计,4,0,1,1,33.3%,2,0');
    expect(text).not.toMatch(/13800000002|440802198502020021/);
  });

  it('audits every view and export with who, what and the period', async () => {
    const db = openDatabase(config.DATABASE_URL);
    await db.ready;
    try {
      const events = await db.prisma.auditEvent.findMany({ where: { action: { in: ['worklists.viewed', 'worklists.exported', 'report.viewed', 'report.exported'] } } });
      const exported = events.filter((e) => e.action === 'report.exported' && e.subjectId === 'ledger');
      expect(exported).toHaveLength(1);
      expect(exported[0]?.actor).toBe('caseworker:demo');
      expect(JSON.parse(exported[0]?.details ?? '{}')).toMatchObject({ month: '2026-11', format: 'xlsx', rows: 1 });
      expect(events.some((e) => e.action === 'worklists.exported' && e.details.includes('"reviews"'))).toBe(true);
      expect(events.some((e) => e.action === 'worklists.viewed' && e.actor === 'caseworker:wz')).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('checks month and format with Chinese messages, never a 500, and keeps other regions out', async () => {
    for (const [path, status, message] of [
      ['/reports/firstContact?month=2026-13', 400, '月份格式应为 YYYY-MM，例如 2026-11。'],
      ['/reports/firstContact?month=11/2026', 400, '月份格式应为 YYYY-MM，例如 2026-11。'],
      ['/reports/firstContact?month=2026-11&format=docx', 400, '导出格式只能是 json、csv 或 xlsx。'],
      ['/reports/firstContact?month=2026-11&month=2026-12', 400, '月份格式应为 YYYY-MM，例如 2026-11。'],
      ['/reports/nothing?month=2026-11', 400, '没有这个报表。'],
      ['/reports/firstContact?lang=fr', 400, '语言只能是 zh-CN 或 en。'],
    ] as const) {
      const answer = await callApi(service.url, demo, 'GET', path);
      expect(answer.status, path).toBe(status);
      expect(answer.body.message).toContain(message);
    }
    const english = await callApi(service.url, demo, 'GET', '/reports/firstContact?month=2026-13&lang=en');
    expect(english.body.message).toBe('The month must be YYYY-MM, e.g. 2026-11.');
    const wz = await callApi(service.url, wenzhou, 'GET', '/reports/ledger?month=2026-11');
    expect((wz.body as unknown as { table: Table }).table.rows).toEqual([]);
  });
});

describe('people behind on the yearly quota, on a later day', () => {
  it('lists who is behind pro rata, with the weeks left in their quota year', async () => {
    // The service restarted on the same database four months on.
    await service.stop();
    service = await startTestService(config, { now: () => new Date('2027-03-15T02:00:00Z') });
    const token = await loginAs(service.url, 'demo', 'jiuyebang-demo');
    const answer = await callApi(service.url, token, 'GET', '/worklists/today');
    const quota = (answer.body as unknown as { lists: Record<string, Table> }).lists.quotaBehind;
    if (!quota) throw new Error('no quota list');
    expect(quota.title).toBe('年度服务次数落后的人员');
    // A: nothing delivered, 133 days into a year from 2 Nov; B: one policy matching, nothing else.
    expect(quota.rows).toEqual([
      expect.objectContaining({ name: '张一', behindKinds: '职业指导、岗位推荐、培训信息', missing: 11, weeksLeft: 33, yearEnd: '2027-11-01' }),
      expect.objectContaining({ name: '李二', behindKinds: '职业指导、岗位推荐、培训信息', missing: 10, weeksLeft: 33, yearEnd: '2027-11-02' }),
    ]);
  });
});
