// GET /healthz: the database answers (else 503 "unavailable"), and the holiday data reach past every deadline
// the service may compute in the next 90 days (else 200 "degraded", so load balancers keep the instance).
import type { RequestHandler } from 'express';
import type { CalendarCoverage } from '../domain/calendar/calendar-coverage.ts';

export interface HealthChecks {
  ping(): Promise<boolean>;
  /** Coverage of the working-day data as of `now` (see assessCalendarCoverage). */
  calendar(now: Date): CalendarCoverage;
  /** The clock; tests set it. */
  now(): Date;
  /** Login state of channels that need one (WeChat through wechaty: scan_required / logged_in / logged_out). */
  channels?: () => Record<string, string>;
}

export type HealthStatus = 'ok' | 'degraded' | 'unavailable';

export interface HealthReport {
  status: HealthStatus;
  calendar: { coveredThrough: string; neededThrough: string; missingYears: number[] };
  channels?: Record<string, string>;
}

/** The report as of `checks.now()`. */
export async function checkHealth(checks: HealthChecks): Promise<HealthReport> {
  const database = await checks.ping().catch(() => false);
  const { coveredThrough, neededThrough, missingYears, ok } = checks.calendar(checks.now());
  const status: HealthStatus = !database ? 'unavailable' : ok ? 'ok' : 'degraded';
  const channels = checks.channels?.();
  return { status, calendar: { coveredThrough, neededThrough, missingYears }, ...(channels ? { channels } : {}) };
}

export function createHealthHandler(checks: HealthChecks): RequestHandler {
  return async (_req, res) => {
    const report = await checkHealth(checks);
    res.status(report.status === 'unavailable' ? 503 : 200).json(report);
  };
}
