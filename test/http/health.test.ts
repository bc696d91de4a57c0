// /healthz of the running service with an injected clock: degraded (still HTTP 200) when deadlines of the next
// 90 days reach a year without holiday data, ok otherwise; start-up logs one warning line.
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { RunningService } from '../../src/main.ts';
import { checkHealth } from '../../src/http/health.ts';

const services: RunningService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
});

/** A logger whose lines the test can read. */
function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { chunks.push(chunk.toString()); done(); } });
  return { logger: createLogger('info', sink), lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l)) };
}

async function health(service: RunningService) {
  const res = await fetch(`${service.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

describe('/healthz and the holiday data', () => {
  it('is degraded on 2026-12-02 (2027 is not covered) and ok on 2026-06-01, answering 200 both times', async () => {
    let clock = new Date('2026-12-02T09:00:00+08:00');
    const { logger, lines } = capturingLogger();
    const service = await startTestService(tempServiceConfig({ DEMO_DATA: 'false' }), { logger, now: () => clock });
    services.push(service);

    expect(await health(service)).toEqual({
      status: 200,
      body: { status: 'degraded', calendar: { coveredThrough: '2026-12-31', neededThrough: '2027-04-16', missingYears: [2027] } },
    });
    const warnings = lines().filter((l) => l.level === 40 && 'coveredThrough' in l);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ coveredThrough: '2026-12-31', missingYears: [2027], msg: expect.stringContaining('jiuyebang calendar import') });

    clock = new Date('2026-06-01T09:00:00+08:00');
    expect(await health(service)).toEqual({
      status: 200,
      body: { status: 'ok', calendar: { coveredThrough: '2026-12-31', neededThrough: '2026-10-14', missingYears: [] } },
    });
  });

  it('is ok in December once the next year is in the override table (CALENDAR_OVERRIDES_FILE), and start-up is quiet', async () => {
    const config = tempServiceConfig({ DEMO_DATA: 'false' });
    const table = config.PII_KEY_FILE.replace(/pii\.key$/, 'overrides.json');
    writeFileSync(table, JSON.stringify({ years: { 2027: { source: 'TEST notice (not real dates)', holidays: ['2027-01-01'], workdays: [] } } }));
    const { logger, lines } = capturingLogger();
    const service = await startTestService({ ...config, CALENDAR_OVERRIDES_FILE: table }, { logger, now: () => new Date('2026-12-02T09:00:00+08:00') });
    services.push(service);
    expect(await health(service)).toEqual({
      status: 200,
      body: { status: 'ok', calendar: { coveredThrough: '2027-12-31', neededThrough: '2027-04-16', missingYears: [] } },
    });
    expect(lines().filter((l) => l.level === 40 && 'coveredThrough' in l)).toEqual([]);
  });
});

describe('health report', () => {
  const coverage = { coveredThrough: '2026-12-31', neededThrough: '2027-04-16', missingYears: [2027], ok: false };

  it('a database that does not answer makes the service unavailable, whatever the calendar says', async () => {
    const report = await checkHealth({ ping: () => Promise.reject(new Error('down')), calendar: () => coverage, now: () => new Date(0) });
    expect(report).toEqual({ status: 'unavailable', calendar: { coveredThrough: '2026-12-31', neededThrough: '2027-04-16', missingYears: [2027] } });
  });

  it('asks the calendar about the injected clock', async () => {
    const asked: Date[] = [];
    const now = new Date('2026-12-02T01:00:00Z');
    await checkHealth({ ping: async () => true, calendar: (at) => (asked.push(at), { ...coverage, ok: true }), now: () => now });
    expect(asked).toEqual([now]);
  });
});
