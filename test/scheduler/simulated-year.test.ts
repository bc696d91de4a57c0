// A demo city of 2,000 registrants in two regions over 14 months on a fake clock, four ticks a working day (one on days off): every person
// gets exactly their first contact, their check-ins and at least their yearly quota, on working days in the sending
// hours only, one message a day at most, nothing twice, and nothing after deregistration or withdrawn consent.
import { afterAll, describe, expect, it } from 'vitest';
import { serviceDateOf, serviceMinuteOf } from '../../src/config/service-time-zone.ts';
import { addDays, compareDates } from '../../src/domain/dates/plain-date.ts';
import { planObligations } from '../../src/domain/outreach/plan-obligations.ts';
import { quotaProgress } from '../../src/domain/quota/quota-progress.ts';
import { selectRegionPack } from '../../src/domain/regions/select-region-pack.ts';
import { memoizeCalendar } from '../../src/scheduler/memo-calendar.ts';
import { beijingAt, calendar, insertRegistrants, loopChannel, makeCity, openWorld, packs, tickOf, type World } from './outreach-world.ts';

const PEOPLE = 2000;
const START = '2026-01-05';
const END = '2027-02-26';
const CHANGES_ON = '2026-06-15';

let world: World;
afterAll(async () => world?.close());

describe('a simulated year of outreach for a demo city', () => {
  it('meets every obligation on time, once, never at night or on holidays, nothing after deregistration', { timeout: 1_200_000 }, async () => {
    world = await openWorld();
    const db = world.database.prisma;
    let clock = beijingAt(START, '00:00');
    const loop = loopChannel(() => clock);
    const tick = tickOf(world, [loop]);
    const city = makeCity(PEOPLE, beijingAt(START, '08:00'), 40);
    const deregistered = new Set(city.filter((_, i) => i % 50 === 1).map((p) => p.id));
    const withdrew = new Set(city.filter((_, i) => i % 50 === 2).map((p) => p.id));
    const refusedLater = new Set(city.filter((_, i) => i % 50 === 11).map((p) => p.id));
    let changedAt = new Date(0);
    const totals = { planned: 0, sent: 0, deferred: 0, failed: 0 };
    for (let day = START; compareDates(day, END) <= 0; day = addDays(day, 1)) {
      await insertRegistrants(world, city.filter((p) => serviceDateOf(p.registeredAt) === day));
      if (day === CHANGES_ON) {
        changedAt = beijingAt(day, '08:30');
        await db.registration.updateMany({ where: { jobSeekerId: { in: [...deregistered] } }, data: { status: 'withdrawn' } });
        await db.jobSeeker.updateMany({ where: { id: { in: [...withdrew] } }, data: { consentWithdrawnAt: changedAt } });
        await db.registration.updateMany({ where: { jobSeekerId: { in: [...refusedLater] } }, data: { followUpPreference: 'refused' } });
      }
      for (const time of ['08:00', '10:00', '15:00', '22:00'].filter((t) => calendar.isWorkday(day) || t === '10:00')) {
        clock = beijingAt(day, time);
        const r = await tick(clock);
        if (time === '08:00' || time === '22:00' || !calendar.isWorkday(day)) expect(r.sent, `${day} ${time}`).toBe(0);
        totals.planned += r.planned;
        totals.sent += r.sent;
        totals.deferred += r.deferred;
        totals.failed += r.failed;
      }
    }
    expect(totals.failed).toBe(0);

    // Never at night, at weekends or on holidays; one message a day per person; no idempotency key twice.
    // (Checked per message, reported as one list: tens of thousands of single expect() calls cost about a minute.)
    const outOfHours = loop.sent.filter((s) => !calendar.isWorkday(serviceDateOf(s.at)) || serviceMinuteOf(s.at) < 9 * 60 || serviceMinuteOf(s.at) >= 20 * 60);
    expect(outOfHours.map((s) => s.at.toISOString())).toEqual([]);
    expect(new Set(loop.sent.map((s) => s.key)).size).toBe(loop.sent.length);
    const perDay = new Set(loop.sent.map((s) => `${s.address}|${serviceDateOf(s.at)}`));
    expect(perDay.size).toBe(loop.sent.length);

    // Nothing after deregistration or withdrawn consent.
    const stopped = new Set([...deregistered, ...withdrew]);
    expect(loop.sent.filter((s) => stopped.has(s.address) && s.at > changedAt)).toEqual([]);
    expect(await db.outreachTask.count({ where: { jobSeekerId: { in: [...stopped] }, status: { in: ['pending', 'sending'] } } })).toBe(0);

    // Each sent task counts once in the ledger.
    const tasks = await db.outreachTask.findMany({ select: { id: true, jobSeekerId: true, registrationId: true, kind: true, status: true, idempotencyKey: true, dueAt: true, deadlineAt: true, doneAt: true } });
    const sentTasks = tasks.filter((t) => t.status === 'sent');
    expect(sentTasks.length).toBe(totals.sent);
    expect(loop.sent.length).toBe(totals.sent);
    expect(await db.contactRecord.count()).toBe(sentTasks.length);

    const records = await db.contactRecord.findMany({ select: { jobSeekerId: true, kind: true, serviceKinds: true, at: true } });
    const byPerson = new Map<string, typeof records>();
    for (const r of records) byPerson.set(r.jobSeekerId, [...(byPerson.get(r.jobSeekerId) ?? []), r]);
    const sentKeys = new Set(sentTasks.map((t) => t.idempotencyKey));
    // Every sent task by its deadline.
    expect(sentTasks.filter((t) => !(t.doneAt && t.deadlineAt && t.doneAt <= t.deadlineAt)).map((t) => `${t.idempotencyKey} late`)).toEqual([]);

    // The rules' own plan for each person, on the same calendar answers remembered (as the planner does).
    const rules = memoizeCalendar(calendar);
    const problems: string[] = [];
    for (const p of city) {
      const mine = byPerson.get(p.id) ?? [];
      // Exactly one first contact, by its deadline.
      const firsts = mine.filter((r) => r.kind === 'outreach_first_contact').length;
      if (firsts !== 1) problems.push(`${p.id}: ${firsts} first contacts`);
      if (stopped.has(p.id) || refusedLater.has(p.id)) continue;
      // Every check-in and quota item the rules owe by the end, delivered by its deadline; nothing they do not owe.
      const owed = planObligations(
        { registrationId: p.registrationId, regionCode: p.regionCode, registeredOn: serviceDateOf(p.registeredAt), group: p.hardship ? 'hardship' : p.reason === 'graduated' ? 'graduate' : 'unemployed', refusedMonthly: p.refused, reachable: true },
        packs, rules, { from: serviceDateOf(p.registeredAt), to: addDays(END, -7) },
      );
      for (const o of owed) if (!sentKeys.has(o.key)) problems.push(`${o.key} due ${o.dueOn} not sent`);
      // At least the yearly quota, in Zhanjiang, for the first quota year (it ends before the simulation does).
      const registeredOn = serviceDateOf(p.registeredAt);
      const pack = selectRegionPack(packs, p.regionCode, registeredOn);
      if (pack.quota !== null) {
        const contacts = mine.flatMap((r) => (JSON.parse(r.serviceKinds) as ('policy' | 'guidance' | 'jobs' | 'training')[]).map((kind) => ({ date: serviceDateOf(r.at), kind })));
        const progress = quotaProgress(pack, registeredOn, contacts, addDays(registeredOn, 364));
        if (!(progress.applicable && progress.allMet)) problems.push(`${p.id} quota ${JSON.stringify(progress)}`);
      }
    }
    expect(problems).toEqual([]);

    // A refusal mid-year in Wenzhou: after it, check-ins only every 6 months from registration.
    const refusedSample = city.find((p) => refusedLater.has(p.id) && p.regionCode === '330302' && !p.hardship);
    const later = sentTasks.filter((t) => t.jobSeekerId === refusedSample?.id && t.kind === 'check_in' && t.doneAt && t.doneAt > beijingAt(CHANGES_ON, '23:59'));
    expect(later.map((t) => t.idempotencyKey.split(':').pop()).sort()).toEqual(['m12', 'm6']);
    console.log(JSON.stringify({ people: PEOPLE, ...totals, tasks: tasks.length }));
  });
});
