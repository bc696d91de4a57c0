// The delivery half of a tick: claims due outreach tasks with a lease and sends each through the first of the
// person's channels (preferred, then last written from, SMS last) that may reach them now and takes it; within
// the sending hours, one message per person per day, with retries and backoff. The choice and why are recorded.
// A crash or a second worker never sends twice: tasks are claimed in slices under a lease that is renewed as the
// slice proceeds; before each send the holder writes an in-flight marker (only if it still holds the lease, else it
// leaves the task alone), and records the outcome only as the holder. A worker that takes over a task whose marker
// is set resends it only on a channel that shows a repeated idempotency key once (web chat); on any other channel
// (SMS, WeChat) the message may have gone, so it is never sent again: the task ends `unconfirmed`, audited and not
// counted in the contact ledger (a caseworker sees it as still owed). At most once, then, where a channel cannot tell.
import { randomUUID } from 'node:crypto';
import { serviceDateOf } from '../config/service-time-zone.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { OutboundChannel, Reachability, ReachabilityReason, SendOutcome } from '../conversation/ports.ts';
import { isSendingTime, nextSendingTime, type SendWindow } from '../scheduler/send-window.ts';
import { orderAddresses } from './channel-order.ts';
import type { DeliveryStore, DeliveryTask, Lease, SkippedChannel } from './delivery-ports.ts';
import { composeOutreach, outreachNotice, quotaKindOf, type MessageDeps } from './outreach-message.ts';

export interface DeliveryDeps extends MessageDeps {
  store: DeliveryStore;
  channels: readonly OutboundChannel[];
  calendar: WorkCalendar;
  window: SendWindow;
  /** Who holds the lease (this process); a fresh id per worker by default. */
  owner?: string;
  leaseMs?: number;
  /** The lease clock; by default `now` moved on by the real time the tick has taken (leases are about real processes). */
  leaseClock?: () => Date;
  maxAttempts?: number;
  /** Called after each task is claimed, before it is sent (tests crash a worker here). */
  onClaimed?: (task: DeliveryTask) => Promise<void>;
}

/** `unconfirmed`: taken over with a send in flight on a channel that cannot tell a resend: not sent again, not counted. */
export interface DeliveryResult { sent: number; deferred: number; failed: number; unconfirmed: number }

/** Tasks claimed at a time: small enough that a slice is done well within its lease, which is renewed besides. */
const CLAIM_SLICE = 50;
const BASE_BACKOFF_MS = 10 * 60_000;

/** `notBefore`: every channel tried failed only for a while (an SMS per-number limit): wait until then, no attempt counted. */
type Attempt =
  | { kind: 'sent'; channel: string; receipt: string; catalogItemId: string | null; chosenBecause: string; skipped: SkippedChannel[] }
  | { kind: 'busy' }
  /** Another worker took the task over before this one began a send: nothing was sent, nothing may be recorded. */
  | { kind: 'lost' }
  | { kind: 'failed'; retryable: boolean; reasons: string[]; notBefore?: Date };

/** Reasons a channel cannot send now that may pass (a new day's budget, the account logged in again). */
const PASSING: ReadonlySet<ReachabilityReason> = new Set(['paced', 'logged_out']);
const ALWAYS: Reachability = { canSendNow: true, reason: 'always' };

async function sendAll(channel: OutboundChannel, address: string, messages: readonly Parameters<OutboundChannel['send']>[1][]): Promise<SendOutcome> {
  let last: SendOutcome = { ok: false, retryable: false, code: 'empty_message' };
  for (const message of messages) {
    last = await channel.send(address, message);
    if (!last.ok) return last;
  }
  return last;
}

/** The channel a task was in flight on, if that channel shows a resend under the same idempotency key once. */
function resendableOn(task: DeliveryTask, deps: DeliveryDeps): string | null {
  const channel = task.inFlight ? deps.channels.find((c) => c.channel === task.inFlight?.channel) : undefined;
  return channel?.deduplicates ? channel.channel : null;
}

/**
 * Tries the person's channels in order (channel-order.ts): the first that may send now and accepts the message wins.
 * A task taken over in flight on a de-duplicating channel tries that channel first, so the resend is the same message.
 */
async function attempt(task: DeliveryTask, deps: DeliveryDeps, now: Date, lease: () => Lease): Promise<Attempt> {
  const skipped: SkippedChannel[] = [];
  let retryable = false;
  let notBefore: Date | undefined;
  let allTimed = true;
  const resend = resendableOn(task, deps);
  const order = orderAddresses(task);
  if (resend) order.sort((a, b) => Number(b.to.channel === resend) - Number(a.to.channel === resend));
  for (const { to, rank } of order) {
    const channel = deps.channels.find((c) => c.channel === to.channel);
    if (!channel) {
      skipped.push({ channel: to.channel, reason: 'not_configured' });
      continue;
    }
    if (task.avoidChannels?.includes(to.channel)) {
      skipped.push({ channel: to.channel, reason: 'receipt_failed' });
      continue;
    }
    const reach = channel.reachability ? await channel.reachability(to.address, now) : ALWAYS;
    if (!reach.canSendNow) {
      skipped.push({ channel: to.channel, reason: reach.reason });
      retryable ||= PASSING.has(reach.reason);
      allTimed = false;
      continue;
    }
    // Template-only channels (SMS: paid, mainland templates only) carry one registered notice, not the chat text.
    const composed = channel.templatesOnly ? { messages: [outreachNotice(task, deps)], catalogItemId: null } : await composeOutreach(task, to, deps, now);
    if (composed === null) return { kind: 'busy' };
    if (!(await deps.store.beginSend(task.id, channel.channel, lease()))) return { kind: 'lost' };
    const outcome = await sendAll(channel, to.address, composed.messages);
    if (outcome.ok) return { kind: 'sent', channel: to.channel, receipt: outcome.providerMessageId, catalogItemId: composed.catalogItemId, chosenBecause: `${rank}:${reach.reason}`, skipped };
    skipped.push({ channel: to.channel, reason: outcome.code });
    retryable ||= outcome.retryable;
    if (outcome.retryAt && (!notBefore || outcome.retryAt < notBefore)) notBefore = outcome.retryAt;
    allTimed &&= outcome.retryable && outcome.retryAt !== undefined;
  }
  const reasons = skipped.length > 0 ? skipped.map((s) => `${s.channel}:${s.reason}`) : ['no_reachable_address'];
  return { kind: 'failed', retryable, reasons, ...(allTimed && notBefore ? { notBefore } : {}) };
}

/** Sends what is due at `now`; outside the sending hours it sends nothing and reports the due tasks as deferred. */
export async function deliverDue(deps: DeliveryDeps, now: Date): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, deferred: 0, failed: 0, unconfirmed: 0 };
  if (!isSendingTime(now, deps.window, deps.calendar)) return { ...result, deferred: await deps.store.countDue(now) };
  const owner = deps.owner ?? randomUUID();
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const started = performance.now();
  const clock = deps.leaseClock ?? (() => new Date(now.getTime() + (performance.now() - started)));
  const lease = (): Lease => {
    const at = clock();
    return { owner, at, until: new Date(at.getTime() + leaseMs) };
  };
  const maxAttempts = deps.maxAttempts ?? 6;
  const day = serviceDateOf(now);
  const nextDay = nextSendingTime(now, deps.window, deps.calendar, true);
  for (;;) {
    let held = lease();
    const tasks = await deps.store.claimDue(now, held, CLAIM_SLICE);
    if (tasks.length === 0) break;
    // Each person's first task of the slice asks for the day, all in one statement; the answer is who holds each
    // day, as asking one task at a time would have found, until a failed send gives a day back.
    const firsts = new Map<string, string>();
    for (const task of tasks) if (task.reachable && !firsts.has(task.jobSeekerId)) firsts.set(task.jobSeekerId, task.id);
    const holders = await deps.store.takeDays([...firsts].map(([jobSeekerId, taskId]) => ({ jobSeekerId, taskId })), day, now);
    const givenBack = new Set<string>();
    const waiting: string[] = [];
    for (const [index, task] of tasks.entries()) {
      // Half the lease gone: the rest of the slice is renewed, so no other worker takes it over while this one lives.
      const reading = lease();
      if (reading.at.getTime() - held.at.getTime() >= leaseMs / 2) {
        held = reading;
        await deps.store.renewLeases(tasks.slice(index).map((t) => t.id), held);
      }
      await deps.onClaimed?.(task);
      // Taken over with a send in flight on a channel that would show it twice: it may have gone, so never again.
      if (task.inFlight && !resendableOn(task, deps)) {
        if (await deps.store.markUnconfirmed(task.id, owner, { inFlight: task.inFlight, at: now })) result.unconfirmed += 1;
        continue;
      }
      if (!task.reachable) {
        await deps.store.finish(task.id, owner, { status: 'cancelled', reason: 'not_reachable', at: now });
        continue;
      }
      if (givenBack.delete(task.jobSeekerId)) holders.set(task.jobSeekerId, (await deps.store.takeDay(task.jobSeekerId, day, task.id, now)) ? task.id : '');
      if (holders.get(task.jobSeekerId) !== task.id) {
        waiting.push(task.id);
        result.deferred += 1;
        continue;
      }
      const outcome = await attempt(task, deps, now, lease);
      // Another worker holds it now and does all that is left (its day stays with the task, whoever sends it).
      if (outcome.kind === 'lost') continue;
      if (outcome.kind === 'sent') {
        const marked = await deps.store.markSent(task.id, owner, { channel: outcome.channel, receipt: outcome.receipt, at: now, quotaKind: quotaKindOf(task.kind), catalogItemId: outcome.catalogItemId, chosenBecause: outcome.chosenBecause, skipped: outcome.skipped });
        // Not marked: the lease was taken during the send; the new holder finds the marker and settles the task.
        if (marked) result.sent += 1;
        continue;
      }
      await deps.store.releaseDay(task.jobSeekerId, day, task.id);
      givenBack.add(task.jobSeekerId);
      if (outcome.kind === 'busy') {
        await deps.store.reschedule(task.id, owner, { availableAt: nextSendingTime(new Date(now.getTime() + 3_600_000), deps.window, deps.calendar), reason: 'conversation_busy', failed: false });
        result.deferred += 1;
      } else if (outcome.notBefore) {
        await deps.store.reschedule(task.id, owner, { availableAt: nextSendingTime(outcome.notBefore, deps.window, deps.calendar), reason: outcome.reasons.join(','), failed: false });
        result.deferred += 1;
      } else if (outcome.retryable && task.attempts + 1 < maxAttempts) {
        const backoff = new Date(now.getTime() + BASE_BACKOFF_MS * 3 ** task.attempts);
        await deps.store.reschedule(task.id, owner, { availableAt: nextSendingTime(backoff, deps.window, deps.calendar), reason: outcome.reasons.join(','), failed: true });
        result.failed += 1;
      } else {
        await deps.store.finish(task.id, owner, { status: 'undeliverable', reason: outcome.reasons.join(','), at: now });
        result.failed += 1;
      }
    }
    await deps.store.rescheduleMany(waiting, owner, { availableAt: nextDay, reason: 'daily_limit', failed: false });
  }
  return result;
}
