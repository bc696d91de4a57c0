// A district caseworker on the real service (the demo account `demo-district`, district 440802 of Zhanjiang):
// another district's person is "not found" (404) on the person view and its actions, and never appears in the
// review list, today's work lists (nor with ?district=) or the reviews of hardship and deregistration; the
// city-wide caseworker sees both districts and can narrow to one with ?district=.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDeregistrationFact, seedHardshipCase, seedPerson, wenzhouPrescreen } from '../support/review-fixtures.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { callApi, loginAs } from '../support/console-api.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

const config = tempServiceConfig();
let service: RunningService;
let db: Database;
let district = '';
let city = '';
const own = { jobSeekerId: '', registrationId: '' };
const other = { jobSeekerId: '', registrationId: '' };
let otherHardship = '';
let otherDeregistration = '';

interface Table { rows: { personId: string | null; name: string }[] }
const listsOf = (body: unknown) => (body as { lists: Record<string, Table> }).lists;
const peopleIn = (body: unknown) => Object.values(listsOf(body)).flatMap((t) => t.rows.map((r) => r.personId));

beforeAll(async () => {
  service = await startTestService(config);
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
  Object.assign(own, await seedPerson(db.prisma, { regionCode: '440802', name: '赤坎甲', status: 'pending_review' }));
  Object.assign(other, await seedPerson(db.prisma, { regionCode: '440803', name: '霞山乙', status: 'pending_review' }));
  const registered = await seedPerson(db.prisma, { regionCode: '440803', name: '霞山丙' });
  otherHardship = await seedHardshipCase(db.prisma, { jobSeekerId: registered.jobSeekerId, regionCode: '440803', prescreen: wenzhouPrescreen() });
  otherDeregistration = await seedDeregistrationFact(db.prisma, { ...registered, regionCode: '440803', situation: 'found_job', facts: {} });
  district = await loginAs(service.url, 'demo-district', 'jiuyebang-demo');
  city = await loginAs(service.url, 'demo', 'jiuyebang-demo');
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
});

describe('a district caseworker sees only their district', () => {
  it('gets 404 for another district\'s person, and the person view for their own', async () => {
    const mine = await callApi(service.url, district, 'GET', `/people/${own.jobSeekerId}`);
    expect(mine.status).toBe(200);
    expect((mine.body as { person: { name: string } }).person.name).toBe('赤坎甲');

    const theirs = await callApi(service.url, district, 'GET', `/people/${other.jobSeekerId}`);
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain('霞山');
    const reveal = await callApi(service.url, district, 'POST', `/people/${other.jobSeekerId}/reveal`, { field: 'phone', reason: '核实身份' });
    expect(reveal.status).toBe(404);
    const contact = await callApi(service.url, district, 'POST', `/people/${other.jobSeekerId}/contacts`, { way: 'phone_call', content: '电话回访', outcome: 'reached' });
    expect(contact.status).toBe(404);
    expect(await db.prisma.contactRecord.count({ where: { jobSeekerId: other.jobSeekerId } })).toBe(0);

    expect((await callApi(service.url, city, 'GET', `/people/${other.jobSeekerId}`)).status).toBe(200);
  });

  it('does not list another district\'s registration for review, nor let it be decided', async () => {
    const list = await callApi(service.url, district, 'GET', '/reviews/registrations');
    expect(list.status).toBe(200);
    const ids = (list.body as { registrations: { id: string }[] }).registrations.map((r) => r.id);
    expect(ids).toContain(own.registrationId);
    expect(ids).not.toContain(other.registrationId);

    const decide = await callApi(service.url, district, 'POST', `/reviews/registrations/${other.registrationId}/decision`, { outcome: 'registered' });
    expect(decide.status).toBe(404);
    expect((await db.prisma.registration.findUnique({ where: { id: other.registrationId } }))?.status).toBe('pending_review');

    const cityIds = (await callApi(service.url, city, 'GET', '/reviews/registrations')).body as { registrations: { id: string }[] };
    expect(cityIds.registrations.map((r) => r.id)).toEqual(expect.arrayContaining([own.registrationId, other.registrationId]));
  });

  it('does not list another district\'s hardship pre-screen or deregistration report', async () => {
    const hardship = await callApi(service.url, district, 'GET', '/reviews/hardship');
    expect((hardship.body as { requests: { caseId: string }[] }).requests.map((r) => r.caseId)).not.toContain(otherHardship);
    const deregistration = await callApi(service.url, district, 'GET', '/reviews/deregistration');
    expect((deregistration.body as { facts: { caseId: string }[] }).facts.map((f) => f.caseId)).not.toContain(otherDeregistration);
    const cityHardship = await callApi(service.url, city, 'GET', '/reviews/hardship');
    expect((cityHardship.body as { requests: { caseId: string }[] }).requests.map((r) => r.caseId)).toContain(otherHardship);
  });

  it('keeps another district out of today\'s work lists; ?district= narrows within the scope and refuses outside it', async () => {
    const today = await callApi(service.url, district, 'GET', '/worklists/today');
    expect(today.status).toBe(200);
    expect(listsOf(today.body).reviews?.rows.map((r) => r.personId)).toContain(own.jobSeekerId);
    expect(peopleIn(today.body)).not.toContain(other.jobSeekerId);

    const cityWide = await callApi(service.url, city, 'GET', '/worklists/today');
    expect(peopleIn(cityWide.body)).toEqual(expect.arrayContaining([own.jobSeekerId, other.jobSeekerId]));
    const narrowed = await callApi(service.url, city, 'GET', '/worklists/today?district=440802');
    expect(peopleIn(narrowed.body)).toContain(own.jobSeekerId);
    expect(peopleIn(narrowed.body)).not.toContain(other.jobSeekerId);

    const outside = await callApi(service.url, district, 'GET', '/worklists/today?district=440803');
    expect(outside.status).toBe(403);
    expect(outside.body.message).toBe('该地区不在您的管辖范围内。');
    const exported = await fetch(`${service.url}/api/caseworker/worklists/today?list=reviews&format=csv`, { headers: { authorization: `Bearer ${district}` } });
    const csv = await exported.text();
    expect(csv).toContain('赤坎甲');
    expect(csv).not.toContain('霞山');
  });
});
