// `jiuyebang catalog import` as an office uses it: a file with bad rows writes nothing and names each row's line and
// reason (Chinese first), a good file is imported once (the same file again changes nothing, an edited row is
// updated), without a terminal the progress is a plain line, and the demo catalogue imports cleanly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCatalogCommand } from '../../src/cli/catalog/catalog-command.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { migratedDatabase } from '../support/temp-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'catalog-cli-'));
const NOW = new Date('2026-03-02T01:00:00Z');
const HEADER = 'key,kind,region,district,title,summary,targetGroups,minAge,maxAge,keywords,effectiveFrom,expiresOn,link,place,startsAt';
const FAIR = 'fair-q1,guidance,2103,,第一季度失业人员专场招聘会,"百余家企业, 免费入场",,,,,2026-01-01,2026-03-31,,鞍山市人力资源市场,2026-03-21 09:00';
const WELD = 'weld,training,2103,210381,免费焊工培训,合格后推荐就业,,18,50,焊工;电焊,2026-01-01,2026-06-30,,海城市职业教育中心,2026-03-22 08:30';

let db: { url: string; remove(): Promise<void> };
beforeEach(async () => {
  db = await migratedDatabase('sqlite', 'jyb-catalog-');
  return () => db.remove();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCatalogCommand(argv, { out: (s) => void (out += s), err: (s) => void (err += s) }, { databaseUrl: db.url, now: () => NOW, tty: false });
  return { code, out, err };
}

async function items() {
  const database = openDatabase(db.url);
  await database.ready;
  try {
    return await database.prisma.catalogItem.findMany({ orderBy: { id: 'asc' } });
  } finally {
    await database.close();
  }
}

describe('catalog import', () => {
  it('refuses a file with bad rows as a whole: each row by line and reason, Chinese then English, exit 1, nothing written', async () => {
    const path = file('bad.csv', [HEADER, FAIR, 'weld,course,2103,,t,s,,,,,2026-01-01,2026-06-30,,place,', WELD, 'x,jobs,2103,,t,s,,,,,2026-05-01,2026-04-01,https://x.cn,,', `${WELD.replace('weld', 'weld')}`].join('\n'));
    const r = await run(['import', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      '未导入：文件有 3 处问题，未写入任何内容。',
      '第3行：“kind”不对：policy、guidance、jobs 或 training',
      '第5行：失效日期早于生效日期。',
      '第6行：编号“weld”与第4行重复。',
      'Not imported: the file has 3 problems; nothing was written.',
      'Line 3: "kind" is wrong: policy, guidance, jobs or training',
      'Line 5: Expires before it takes effect.',
      'Line 6: Key "weld" repeats line 4.',
      '',
    ]);
    expect(await items()).toEqual([]);
  });

  it('imports a good file once: the same file again is unchanged, an edited row is updated; progress is a plain line', async () => {
    const path = file('good.csv', `${HEADER}\r\n${FAIR}\r\n${WELD}\r\n`);
    const first = await run(['import', path]);
    expect(first).toMatchObject({ code: 0, out: '已导入 good.csv：新增 2 条，更新 0 条，未变 0 条。\nImported good.csv: 2 new, 0 changed, 0 unchanged.\n' });
    expect(first.err).toBe('catalog import: 1/2\ncatalog import: 2/2\n');
    expect(first.err).not.toContain(String.fromCharCode(27));
    expect(first.err).not.toMatch(/[█░]/);
    const stored = await items();
    expect(stored.map((i) => [i.id, i.district, i.startsAt?.toISOString()])).toEqual([['2103:fair-q1', null, '2026-03-21T01:00:00.000Z'], ['2103:weld', '210381', '2026-03-22T00:30:00.000Z']]);

    expect((await run(['import', path])).out).toBe('已导入 good.csv：新增 0 条，更新 0 条，未变 2 条。\nImported good.csv: 0 new, 0 changed, 2 unchanged.\n');
    expect((await items()).map((i) => i.importedAt)).toEqual(stored.map((i) => i.importedAt));

    const edited = file('good.csv', `${HEADER}\n${FAIR.replace('百余家企业', '120家企业')}\n${WELD}\n`);
    expect((await run(['import', edited, '--json'])).out).toBe(`${JSON.stringify({ file: edited, imported: true, dryRun: false, created: 0, changed: 1, unchanged: 1 })}\n`);
    expect((await items())[0]?.summary).toBe('120家企业, 免费入场');
  });

  it('--dry-run counts without writing', async () => {
    const r = await run(['import', file('dry.csv', `${HEADER}\n${FAIR}\n`), '--dry-run']);
    expect(r.out).toBe('试导入 dry.csv（未写入）：将新增 1 条，更新 0 条，未变 0 条。\nDry run of dry.csv (nothing written): 1 new, 0 changed, 0 unchanged.\n');
    expect(await items()).toEqual([]);
  });

  it.each([
    ['a wrong extension', () => file('catalogue.xlsx', 'x'), '不支持的文件类型'],
    ['a GBK file (not UTF-8)', () => file('gbk.csv', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0xd5, 0xd0, 0xc6, 0xb8])])), '不是 UTF-8 编码'],
    ['a file over 5 MB', () => file('big.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)), '太大（上限 5 MB）'],
    ['a missing file', () => join(dir, 'none.csv'), '无法读取文件'],
  ])('refuses %s with a clear message and exit 1', async (_name, make, words) => {
    const r = await run(['import', make()]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toContain(words);
    expect(await items()).toEqual([]);
  });

  it.each([[[]], [['import']], [['export', 'x.csv']], [['import', 'a.csv', 'b.csv']], [['import', 'a.csv', '--force']]])('usage for %j, exit 2', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^用法：jiuyebang catalog import/);
  });

  it('the demo catalogue imports cleanly, and a second time changes nothing', async () => {
    const demo = resolve(import.meta.dirname, '..', '..', 'demo', 'catalogue.json');
    const first = JSON.parse((await run(['import', demo, '--json'])).out);
    expect(first).toMatchObject({ imported: true, changed: 0, unchanged: 0 });
    expect(first.created).toBeGreaterThanOrEqual(30);
    expect(JSON.parse((await run(['import', demo, '--json'])).out)).toMatchObject({ created: 0, changed: 0, unchanged: first.created });
    const fairs = (await items()).filter((i) => i.region === '2103' && i.key.startsWith('fair-') && i.kind === 'guidance');
    expect(fairs.length).toBeGreaterThanOrEqual(4);
    expect(fairs.every((f) => f.place !== null && f.startsAt !== null)).toBe(true);
  });
});
