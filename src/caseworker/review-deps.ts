// What the review, decision and person routers share: the ports they use, the policy they cite, the
// caseworker's chosen language for labels and citations, and a clause as the console shows it.
import { z } from 'zod';
import type { DecisionDesk } from './decision-desk.ts';
import type { PersonFile } from './person-file.ts';
import type { SessionFinder } from './session-auth.ts';
import { toLocale, type Locale } from '../conversation/locales.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog, OutboundChannel, OutboundSender, TranscriptLog } from '../conversation/ports.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';

/** The region pack governing a place on a day, and the working-day calendar. */
export interface ReviewPolicy {
  packFor(regionCode: string, day: string): RegionPack;
  calendar: Pick<WorkCalendar, 'isWorkday'>;
}

export interface ReviewDeps {
  sessions: SessionFinder;
  decisions: DecisionDesk;
  people: PersonFile;
  sender: OutboundSender;
  transcript: Pick<TranscriptLog, 'append'>;
  audit: AuditLog;
  localizer: Pick<Localizer, 't' | 'cite'>;
  policy: ReviewPolicy;
  now: () => Date;
  logger: { warn(obj: object, msg?: string): void };
  /** The outbound channels, asked whether each of a person's addresses can be reached now (the person file). */
  channels?: readonly OutboundChannel[];
}

const LangQuery = z.object({ lang: z.string().max(16).optional() });

/** The console's language (`?lang=en`); Chinese unless asked otherwise. */
export function consoleLocaleOf(query: unknown): Locale {
  const parsed = LangQuery.safeParse(query);
  return toLocale(parsed.success ? parsed.data.lang : undefined);
}

export interface ShownClause {
  ref: string;
  text: string;
}

export function clauseShower(localizer: Pick<Localizer, 'cite'>, locale: Locale): (ref: string) => ShownClause {
  return (ref) => ({ ref, text: localizer.cite(locale, ref) });
}

export const actorOf = (worker: { username: string }) => `caseworker:${worker.username}`;
