// `jiuyebang calendar import|status` as a bureau uses them: the State Council notice goes into a copy of the
// override table (never policy/calendar-overrides.json), a bad notice writes nothing, status lists the years.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCalendarCommand } from '../../src/cli/calendar/calendar-command.ts';
import { DEFAULT_CALENDAR_OVERRIDES_PATH, loadChineseDaysHolidayData, loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NOTICES = join(ROOT, 'test', 'fixtures', 'holiday-notices');
const shipped = readFileSync(DEFAULT_CALENDAR_OVERRIDES_PATH, 'utf8');
const library = loadChineseDaysHolidayData();
const inYear = (dates: string[], year: number) => dates.filter((d) => d.startsWith(`${year}-`));
const SOURCE_2025 = '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）';
/** The same source as a person reads it in a message (dates in words). */
const SOURCE_2025_SHOWN = '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）';

const dir = mkdtempSync(join(tmpdir(), 'calendar-cli-'));
const table = join(dir, 'calendar-overrides.json');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(readFileSync(DEFAULT_CALENDAR_OVERRIDES_PATH, 'utf8')).toBe(shipped);
});
beforeEach(() => copyFileSync(DEFAULT_CALENDAR_OVERRIDES_PATH, table));

async function run(argv: string[], now = '2026-06-01T09:00:00+08:00') {
  let out = '';
  let err = '';
  const code = await runCalendarCommand(argv, { out: (s) => void (out += s), err: (s) => void (err += s) }, { overridesFile: table, region: '440800', now: () => new Date(now) });
  return { code, out, err };
}

function writeNotice(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('calendar import', () => {
  it('--dry-run --json prints one JSON object with the year, days off and make-up days, and writes nothing', async () => {
    const r = await run(['import', join(NOTICES, '2026.txt'), '--dry-run', '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`${JSON.stringify({ year: 2026, holidays: inYear(library.holidays, 2026), workdays: inYear(library.workdays, 2026) })}\n`);
    expect(r.out).toContain('{"year":2026,"holidays":["2026-01-01","2026-01-02","2026-01-03","2026-02-15",');
    expect(readFileSync(table, 'utf8')).toBe(shipped);
  });

  it('writes the year into the table with the notice as its source, keeping the comment; the calendar uses it', async () => {
    const r = await run(['import', join(NOTICES, '2025.txt')]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`已写入 ${table}：2025 年 28 个放假日、5 个调休上班日（来源：${SOURCE_2025_SHOWN}）。`);
    expect(r.out.split('\n')[1]).toMatch(/^Written to /);
    const written = JSON.parse(readFileSync(table, 'utf8'));
    expect(written.$comment).toBe(JSON.parse(shipped).$comment);
    expect(written.years['2025']).toEqual({ source: SOURCE_2025, sourceDate: '2024-11-12', holidays: inYear(library.holidays, 2025), workdays: inYear(library.workdays, 2025) });
    const calendar = loadWorkCalendar(table);
    expect(calendar.sourceFor('2025-06-01')).toBe(SOURCE_2025);
    expect(calendar.addWorkingDays('2025-01-24', 1)).toEqual({ date: '2025-01-26', provisional: false });
  });

  it('importing the same notice again changes nothing (retries are safe)', async () => {
    await run(['import', join(NOTICES, '2025.txt')]);
    const before = readFileSync(table, 'utf8');
    const again = await run(['import', join(NOTICES, '2025.txt'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ year: 2025, outcome: 'unchanged' });
    expect(readFileSync(table, 'utf8')).toBe(before);
  });

  it('a different notice for a year already there is refused unless --replace', async () => {
    await run(['import', join(NOTICES, '2025.txt')]);
    const before = readFileSync(table, 'utf8');
    const withoutDragonBoat = writeNotice('2025-changed.txt', readFileSync(join(NOTICES, '2025.txt'), 'utf8').replace(/^.*五、端午节.*\n/m, ''));
    const refused = await run(['import', withoutDragonBoat]);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')[0]).toBe(`未导入：2025 年已有不同的数据（来源：${SOURCE_2025_SHOWN}）。核对无误后加 --replace 替换。`);
    expect(readFileSync(table, 'utf8')).toBe(before);
    const replaced = await run(['import', withoutDragonBoat, '--replace', '--json']);
    expect(JSON.parse(replaced.out)).toMatchObject({ outcome: 'replaced' });
    expect(JSON.parse(readFileSync(table, 'utf8')).years['2025'].holidays).not.toContain('2025-06-01');
  });

  it('an inconsistent notice is refused with each line and reason, Chinese first, and nothing is written', async () => {
    const text = readFileSync(join(NOTICES, '2025.txt'), 'utf8').replace('1月1日（周三）', '1月1日（周四）').replace('共5天', '共6天');
    const r = await run(['import', writeNotice('bad.txt', text)]);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err.trim().split('\n')).toEqual([
      '未导入：通知有 2 处问题，未写入任何内容。',
      '第6行：2025年1月1日 是周三，通知写的是周四',
      '第9行：2025年5月1日 至 2025年5月5日 共 5 天，通知写的是共 6 天',
      'Not imported: the notice has 2 problem(s); nothing was written.',
      'line 6: 1 Jan 2025 falls on 周三, the notice says 周四',
      'line 9: 1 May 2025 to 5 May 2025 is 5 days, the notice says 6',
    ]);
    expect(readFileSync(table, 'utf8')).toBe(shipped);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file that is not a notice, or is missing, is refused', async () => {
    const notNotice = await run(['import', writeNotice('letter.txt', '各位同事：\n下周一开会。\n')]);
    expect(notNotice.code).toBe(1);
    expect(notNotice.err).toContain('第1行：找不到标题中的年份');
    const missing = await run(['import', join(dir, 'missing.txt')]);
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('无法读取通知文件') });
    expect(readFileSync(table, 'utf8')).toBe(shipped);
  });

  it.each([
    ['no command', []],
    ['import without a file', ['import']],
    ['import with two files', ['import', 'a.txt', 'b.txt']],
    ['an unknown flag', ['import', 'a.txt', '--force']],
    ['an unknown command', ['add', 'a.txt']],
  ])('%s prints the usage, Chinese first, and exits 2', async (_case, argv) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')[0]).toMatch(/^用法：jiuyebang calendar import/);
  });
});

describe('calendar status', () => {
  it('lists library and override years with their sources and how far they reach', async () => {
    await run(['import', join(NOTICES, '2025.txt')]);
    const r = await run(['status']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `2004–2024：内置日历数据（${library.source}）`,
      `2025：本地补充数据，替代内置数据（${SOURCE_2025_SHOWN}）`,
      `2026：内置日历数据（${library.source}）`,
      '节假日数据覆盖至 2026年12月31日。',
      '未来 90 天内可能计算的期限（至 2026年10月14日）都有节假日数据。',
    ]);
    expect(lines[5]).toMatch(/^2004–2024: bundled calendar data/);
  });

  it('--json: in December 2026 the data do not reach far enough, 2027 is missing', async () => {
    const r = await run(['status', '--json'], '2026-12-02T09:00:00+08:00');
    const status = JSON.parse(r.out);
    expect(status).toMatchObject({ today: '2026-12-02', coveredThrough: '2026-12-31', ok: false, missingYears: [2027] });
    expect(status.years.at(-1)).toEqual({ year: 2026, origin: 'library', source: library.source, sourceDate: null });
  });
});

describe('a broken override table', () => {
  it.each([['import', join(NOTICES, '2026.txt')], ['status']])('calendar %s says so, naming the file and field, and changes nothing', async (...argv) => {
    const broken = JSON.stringify({ years: { 2030: { holidays: [], workdays: [] } } });
    writeFileSync(table, broken);
    const r = await run(argv);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err.split('\n')[0]).toMatch(/^(未导入：)?节假日补充数据文件有误：invalid calendar overrides in .*years\.2030\.source/);
    expect(readFileSync(table, 'utf8')).toBe(broken);
  });
});

describe('jiuyebang calendar (the installed command)', () => {
  it('writes where CALENDAR_OVERRIDES_FILE points', () => {
    const r = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'calendar', 'import', join(NOTICES, '2026.txt')], {
      cwd: ROOT, env: { ...process.env, CALENDAR_OVERRIDES_FILE: table }, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(table, 'utf8')).years['2026'].sourceDate).toBe('2025-11-04');
  });
});
