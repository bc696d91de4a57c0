// The console's CaseDesk on both databases: five caseworkers claim one case at the same moment and exactly one
// wins; another region sees nothing and can change nothing; only the owner replies or closes; close hands the
// conversation back to the bot. A case is filed in the district of the person's registration, so that district's
// caseworkers see it; an unknown person's case, or one registered outside the region, is filed at the region.
import { randomUUID } from 'node:crypto';
import { createCaseDeskRepository } from '../../src/persistence/case-desk-repository.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('case desk on %s', (_name, provider) => {
  it.override({ provider });

  it('a person registered in a district has their case filed there, seen by that district and the city, not a neighbour', async ({ testDatabase }) => {
    const db = testDatabase.database;
    const repos = testDatabase.reposFor('440800');
    const desk = createCaseDeskRepository(db.prisma);
    const registered = new Date('2026-03-02T02:00:00Z');
    for (const [person, region] of [['in-district', '440802'], ['elsewhere', '330302']] as const) {
      await db.prisma.jobSeeker.create({ data: { id: person, regionCode: region, consentAt: registered } });
      await db.prisma.registration.create({ data: { id: `r-${person}`, jobSeekerId: person, regionCode: region, status: 'registered', registeredAt: registered, reason: 'lost_job' } });
    }
    const inDistrict = await repos.handoffs.open({ conversationKey: 'webchat:d1', jobSeekerId: 'in-district', reason: 'user_request', excerpt: [] });
    const elsewhere = await repos.handoffs.open({ conversationKey: 'webchat:d2', jobSeekerId: 'elsewhere', reason: 'user_request', excerpt: [] });
    const fact = await repos.handoffs.fileCase({ conversationKey: 'webchat:d1', jobSeekerId: 'in-district', kind: 'deregistration_fact', reason: 'found_job', details: {} });
    const anonymous = await repos.handoffs.open({ conversationKey: 'webchat:d3', jobSeekerId: null, reason: 'user_request', excerpt: [] });

    const ids = async (prefix: string) => (await desk.list({ prefixes: [prefix] }, 'new')).map((c) => c.id).sort();
    expect(await ids('440802')).toEqual([inDistrict.id, fact.id].sort());
    expect(await ids('440803')).toEqual([]);
    expect(await ids('4408')).toEqual([inDistrict.id, elsewhere.id, fact.id, anonymous.id].sort());
  });

  it('one claim of five wins, other regions are shut out, only the owner closes', async ({ testDatabase }) => {
    expect(testDatabase.url).toMatch(provider === 'postgres' ? /^postgres(ql)?:/ : /^file:/);
    const db = testDatabase.database;
    const repos = testDatabase.reposFor('440802');
    const desk = createCaseDeskRepository(db.prisma);
    const workers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(async (name) => {
      const id = randomUUID();
      await db.prisma.caseworker.create({ data: { id, username: `zj-${name}`, displayName: `湛江${name}`, regionCode: '440800', passwordHash: 'x' } });
      return { id, username: `zj-${name}`, displayName: `湛江${name}` };
    }));
    await repos.conversations.save('webchat:c1', -1, { mode: 'awaiting_caseworker', state: '{}', jobSeekerId: null });
    const { id } = await repos.handoffs.open({ conversationKey: 'webchat:c1', jobSeekerId: null, reason: 'user_request', excerpt: ['> 人工'], reference: '{"channelId":"webchat"}' });

    expect(await desk.get({ prefixes: ['3303'] }, id)).toBeNull();
    expect(await desk.claim({ prefixes: ['3303'] }, id, workers[0]!)).toEqual({ ok: false, reason: 'not_found' });
    expect(await desk.list({ prefixes: ['3303'] }, 'new')).toEqual([]);
    expect((await desk.list({ prefixes: ['4408'] }, 'new')).map((c) => c.id)).toEqual([id]);

    const results = await Promise.all(workers.map((w) => desk.claim({ prefixes: ['4408'] }, id, w)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = workers[results.findIndex((r) => r.ok)]!;
    for (const lost of results.filter((r) => !r.ok)) expect(lost).toEqual({ ok: false, reason: 'claimed_by_other', by: winner.displayName });
    expect(await db.prisma.auditEvent.count({ where: { action: 'handoff.claimed', subjectId: id } })).toBe(1);
    expect((await repos.conversations.load('webchat:c1'))?.mode).toBe('caseworker');

    const other = workers.find((w) => w.id !== winner.id)!;
    expect(await desk.recordReply({ prefixes: ['4408'] }, id, other, '抢答')).toMatchObject({ ok: false, reason: 'claimed_by_other' });
    expect(await desk.close({ prefixes: ['4408'] }, id, other, '抢着结束')).toMatchObject({ ok: false, reason: 'claimed_by_other' });
    expect(await desk.close({ prefixes: ['3303'] }, id, winner, '别的地区')).toEqual({ ok: false, reason: 'not_found' });
    expect(await desk.recordReply({ prefixes: ['4408'] }, id, winner, '您好，手机 13812345678')).toMatchObject({ ok: true });
    expect(await desk.close({ prefixes: ['4408'] }, id, winner, '已答复')).toMatchObject({ ok: true, case: { status: 'closed' } });
    expect(await desk.close({ prefixes: ['4408'] }, id, winner, '再次')).toEqual({ ok: false, reason: 'closed' });
    expect((await repos.conversations.load('webchat:c1'))?.mode).toBe('bot');

    const detail = await desk.get({ prefixes: ['4408'] }, id);
    expect(detail).toMatchObject({ status: 'closed', closeReason: '已答复', excerpt: ['> 人工'], reference: '{"channelId":"webchat"}' });
    expect(detail?.messages.map((m) => [m.sender, m.text])).toEqual([[`caseworker:${winner.username}`, '您好，手机 138****5678']]);
  });
});
