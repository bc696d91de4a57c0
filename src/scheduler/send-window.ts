// When outreach may reach a person: inside the daily sending hours (Beijing time) of a working day, never in
// quiet hours, at weekends or on public holidays (the work calendar decides). Settings come from configuration.
import { serviceDateOf, serviceMinuteOf } from '../config/service-time-zone.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { addDays } from '../domain/dates/plain-date.ts';

export interface SendWindow {
  /** 'HH:MM' Beijing time, inclusive. */
  from: string;
  /** 'HH:MM' Beijing time, exclusive. */
  until: string;
}

const OFFSET_MS = 8 * 3_600_000;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The instant of a Beijing wall-clock time on a Beijing date. */
export function serviceInstant(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + minutesOf(hhmm) * 60_000 - OFFSET_MS);
}

export function isSendingTime(at: Date, window: SendWindow, calendar: WorkCalendar): boolean {
  const minute = serviceMinuteOf(at);
  return calendar.isWorkday(serviceDateOf(at)) && minute >= minutesOf(window.from) && minute < minutesOf(window.until);
}

/** The next instant at or after `at` when sending is allowed; `notToday` skips to a later day (one message a day). */
export function nextSendingTime(at: Date, window: SendWindow, calendar: WorkCalendar, notToday = false): Date {
  const today = serviceDateOf(at);
  if (!notToday && isSendingTime(at, window, calendar)) return at;
  if (!notToday && calendar.isWorkday(today) && serviceMinuteOf(at) < minutesOf(window.from)) return serviceInstant(today, window.from);
  let day = addDays(today, 1);
  for (let i = 0; i < 366 && !calendar.isWorkday(day); i += 1) day = addDays(day, 1);
  return serviceInstant(day, window.from);
}
