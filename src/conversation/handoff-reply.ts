// What 转人工 says: a person will answer soon, or — out of office hours (the region's local setting, on the
// calendar's working days) — that the office is closed and when a person will answer. The case is filed either way.
import type { DialogEnv } from './dialog-types.ts';
import type { Localizer } from './localizer.ts';
import type { Locale } from './locales.ts';
import { reply, type Reply } from './reply.ts';
import { serviceMinuteOf } from '../config/service-time-zone.ts';
import { nextOfficeOpening } from '../domain/calendar/next-office-opening.ts';
import { parsePlainDate, weekdayOf } from '../domain/dates/plain-date.ts';

export function handoffOpenedReply(env: DialogEnv, at: Date, localizer: Localizer, locale: Locale): Reply {
  const opening = nextOfficeOpening(env.today, serviceMinuteOf(at), env.policy.pack.office.hours, env.policy.calendar);
  if (!opening || opening.open) return reply('handoff.opened');
  const { year, month, day } = parsePlainDate(opening.date);
  const weekday = localizer.list(locale, 'calendar.weekdays')[weekdayOf(opening.date)] ?? '';
  return reply('handoff.closed', { year, month, day, date: opening.date, weekday, time: opening.from.replace(/^0/, '') });
}
