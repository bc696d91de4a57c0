// Wires one outreach tick from ports and settings; src/main.ts (and tests) call it with their own stores and channels.
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog, OutboundChannel } from '../conversation/ports.ts';
import type { ProactivePrompter } from '../conversation/proactive-prompt.ts';
import type { DeliveryStore, DeliveryTask } from '../delivery/delivery-ports.ts';
import type { CatalogueDesk } from '../delivery/catalogue-port.ts';
import type { LoggedContactSource } from './logged-contacts.ts';
import type { OutreachFactDesk, OutreachPlanStore } from './outreach-ports.ts';
import { runOutreachTick, type TickResult } from './outreach-tick.ts';
import { memoizeCalendar } from './memo-calendar.ts';

export interface OutreachSettings {
  OUTREACH_SEND_FROM: string;
  OUTREACH_SEND_UNTIL: string;
  OUTREACH_HORIZON_DAYS: number;
  OUTREACH_LEASE_SECONDS: number;
  OUTREACH_MAX_ATTEMPTS: number;
}

export interface OutreachWiring {
  plans: OutreachPlanStore;
  deliveries: DeliveryStore;
  audit: AuditLog;
  packs: readonly RegionPack[];
  calendar: WorkCalendar;
  channels: readonly OutboundChannel[];
  /** Channels that show buttons (web chat). */
  buttonChannels: readonly string[];
  prompter: ProactivePrompter;
  localizer: Localizer;
  settings: OutreachSettings;
  facts?: OutreachFactDesk;
  /** The content catalogue quota notices carry items from (generic texts without it). */
  catalogue?: CatalogueDesk;
  /** The ledger's contacts outreach did not make (a caseworker's), counted by the planner. */
  contacts?: LoggedContactSource;
  owner?: string;
  /** The lease clock (tests); by default the tick's `now` moved on by the real time it has taken. */
  leaseClock?: () => Date;
  onClaimed?: (task: DeliveryTask) => Promise<void>;
}

export function createOutreachTick(w: OutreachWiring): (now: Date) => Promise<TickResult> {
  const s = w.settings;
  const planning = { packs: w.packs, calendar: memoizeCalendar(w.calendar), horizonDays: s.OUTREACH_HORIZON_DAYS, refillDays: Math.ceil(s.OUTREACH_HORIZON_DAYS / 2), sendFrom: s.OUTREACH_SEND_FROM, ...(w.contacts ? { contacts: w.contacts } : {}) };
  const delivery = {
    store: w.deliveries, channels: w.channels, calendar: w.calendar, window: { from: s.OUTREACH_SEND_FROM, until: s.OUTREACH_SEND_UNTIL },
    localizer: w.localizer, prompter: w.prompter, buttonChannels: new Set(w.buttonChannels),
    leaseMs: s.OUTREACH_LEASE_SECONDS * 1000, maxAttempts: s.OUTREACH_MAX_ATTEMPTS,
    ...(w.catalogue ? { catalogue: w.catalogue } : {}), ...(w.owner ? { owner: w.owner } : {}), ...(w.leaseClock ? { leaseClock: w.leaseClock } : {}), ...(w.onClaimed ? { onClaimed: w.onClaimed } : {}),
  };
  return (now) => runOutreachTick({ plans: w.plans, planning, delivery, audit: w.audit, ...(w.facts ? { facts: w.facts } : {}) }, now);
}
