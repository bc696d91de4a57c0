import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CALENDAR_OVERRIDES_PATH, loadCalendarOverrides, loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'calendar-overrides-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeOverrides(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('loading the working-day calendar', () => {
  it('the shipped policy/calendar-overrides.json is valid', () => {
    expect(DEFAULT_CALENDAR_OVERRIDES_PATH).toBe(join(ROOT, 'policy', 'calendar-overrides.json'));
    expect(() => loadCalendarOverrides()).not.toThrow();
  });

  it('the default calendar reproduces the SPEC §3.5 first-contact example', () => {
    expect(loadWorkCalendar().addWorkingDays('2026-02-12', 5)).toEqual({ date: '2026-02-26', provisional: false });
  });

  it('an override file wins over library data (its year replaces the library year)', () => {
    const springFestival = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'];
    const path = writeOverrides('override.json', JSON.stringify({
      years: { 2026: { source: 'TEST correction', holidays: [...springFestival, '2026-02-26'], workdays: ['2026-02-14', '2026-02-28'] } },
    }));
    expect(loadWorkCalendar(path).addWorkingDays('2026-02-12', 5).date).toBe('2026-02-27');
  });

  it('a bad override file throws an error naming the file and the bad field', () => {
    const path = writeOverrides('bad-field.json', JSON.stringify({
      years: { 2027: { source: 'TEST', holidays: ['2027-02-30'], workdays: [] } },
    }));
    expect(() => loadWorkCalendar(path)).toThrow(path);
    expect(() => loadWorkCalendar(path)).toThrow('years.2027.holidays.0');
  });

  it('an override file that is not JSON or is missing throws an error naming the file', () => {
    const broken = writeOverrides('broken.json', '{ "years": ');
    expect(() => loadWorkCalendar(broken)).toThrow(`${broken} is not valid JSON`);
    const missing = join(dir, 'missing.json');
    expect(() => loadWorkCalendar(missing)).toThrow(missing);
  });
});

describe('time-zone independence (chinese-days date functions are TZ-dependent, SPEC §3.4)', () => {
  const probe = `
    const { loadWorkCalendar } = await import(${JSON.stringify(join(ROOT, 'src/config/load-calendar-overrides.ts'))});
    const { parseIdNumber } = await import(${JSON.stringify(join(ROOT, 'src/domain/identity/id-number.ts'))});
    const { ageInFullYears } = await import(${JSON.stringify(join(ROOT, 'src/domain/identity/age.ts'))});
    const c = loadWorkCalendar();
    const days = ['2025-12-31', '2026-01-01', '2026-01-04', '2026-02-14', '2026-02-23', '2026-10-08', '2026-10-10'];
    console.log(JSON.stringify({
      workdays: days.map((d) => c.isWorkday(d)),
      deadlines: [['2025-12-31', 5], ['2026-02-12', 5], ['2026-09-28', 7], ['2026-12-25', 5]].map(([s, n]) => c.addWorkingDays(s, n)),
      months: c.addMonths('2026-09-01', 1),
      id: parseIdNumber('11010519491231002X', '2026-11-22'),
      age: ageInFullYears('2000-02-29', '2026-02-28'),
    }));`;

  const outputs = ['America/New_York', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati'].map((tz) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8',
    });
    return { tz, status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
  });

  it('gives the same working days, deadlines and ID facts under New York, UTC, Shanghai and UTC+14', () => {
    for (const o of outputs) expect(o.status, `${o.tz}: ${o.stderr}`).toBe(0);
    const first = outputs[0]?.stdout ?? '';
    expect(JSON.parse(first)).toMatchObject({
      workdays: [true, false, true, true, false, true, true],
      deadlines: [{ date: '2026-01-08' }, { date: '2026-02-26' }, { date: '2026-10-13' }, { date: '2027-01-01' }],
      months: { date: '2026-10-08' },
      age: 26,
    });
    for (const o of outputs) expect(o.stdout, o.tz).toBe(first);
  });
});
