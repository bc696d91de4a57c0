// The DecisionDesk over SQLite and PostgreSQL: decisions are conditional, so two caseworkers (or two instances)
// deciding (or referring) the same thing at once leave exactly one; every read and write is limited to the caseworker's scope (another district sees nothing).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { createDecisionDeskRepository } from '../../../src/persistence/reviews/decision-desk-repository.ts';
import { createPersonFileRepository } from '../../../src/persistence/reviews/person-file-repository.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createPgDatabase, tempDir } from '../migrations/fixtures/temp-databases.ts';
import { seedHardshipCase, seedPerson, wenzhouPrescreen } from '../../support/review-fixtures.ts';

const dir = tempDir();
afterAll(() => dir.remove());

const A = { id: 'cw-a', username: 'a', displayName: '甲' };
const B = { id: 'cw-b', username: 'b', displayName: '乙' };
const AT = new Date('2026-03-11T02:00:00Z');
const WENZHOU = { prefixes: ['3303'] };
const OTHER_REGION = { prefixes: ['4408'] };
const OTHER_DISTRICT = { prefixes: ['330303'] };

async function exercise(url: string): Promise<void> {
  await applyMigrations(url);
  const database: Database = openDatabase(url);
  await database.ready;
  try {
    const db = database.prisma;
    await db.caseworker.createMany({ data: [{ ...A, passwordHash: 'x', regionCode: '330300' }, { ...B, passwordHash: 'x', regionCode: '330300' }] });
    const desk = createDecisionDeskRepository(db);
    const person = await seedPerson(db, { regionCode: '330302', name: '王小二', status: 'pending_review' });
    const caseId = await seedHardshipCase(db, { jobSeekerId: person.jobSeekerId, regionCode: '330302', prescreen: wenzhouPrescreen() });

    // Another region sees nothing and changes nothing.
    expect(await desk.pendingRegistrations(OTHER_REGION)).toEqual([]);
    expect(await desk.decideRegistration(OTHER_REGION, person.registrationId, { outcome: 'registered', reason: null, clause: 'c', worker: A, at: AT })).toEqual({ ok: false, reason: 'not_found' });
    expect(await desk.hardshipRequest(OTHER_REGION, caseId)).toBeNull();
    // Nor does another district of the same city.
    expect(await desk.pendingRegistrations(OTHER_DISTRICT)).toEqual([]);
    expect(await desk.registration(OTHER_DISTRICT, person.registrationId)).toBeNull();
    expect(await desk.hardshipRequests(OTHER_DISTRICT, 'open')).toEqual([]);
    expect(await desk.reachOf(OTHER_DISTRICT, person.jobSeekerId)).toBeNull();
    expect(await desk.pendingRegistrations({ prefixes: ['330303', '330302'] })).toHaveLength(1);

    const registrations = await Promise.all([
      desk.decideRegistration(WENZHOU, person.registrationId, { outcome: 'registered', reason: null, clause: 'c', worker: A, at: AT }),
      desk.decideRegistration(WENZHOU, person.registrationId, { outcome: 'rejected', reason: '不符', clause: 'c', worker: B, at: AT }),
    ]);
    expect(registrations.filter((r) => r.ok)).toHaveLength(1);
    expect(registrations.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'already_decided', by: expect.stringMatching(/^[甲乙]$/) });
    expect(await db.registrationEvent.count({ where: { registrationId: person.registrationId } })).toBe(1);

    const categories = await Promise.all([
      desk.decideHardshipCategory(WENZHOU, caseId, { category: 'LOW_INCOME_FAMILY', outcome: 'confirmed', reason: null, clause: 'c', worker: A, at: AT }),
      desk.decideHardshipCategory(WENZHOU, caseId, { category: 'LOW_INCOME_FAMILY', outcome: 'rejected', reason: '不符', clause: 'c', worker: B, at: AT }),
    ]);
    expect(categories.filter((r) => r.ok)).toHaveLength(1);
    expect(categories.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'already_decided' });
    expect(await db.hardshipCategoryDecision.count({ where: { caseId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'hardship.category_decided', subjectId: caseId } })).toBe(1);

    const people = createPersonFileRepository(db, createPiiCipher(randomBytes(32)));
    const referral = { reason: '家庭生活困难', clause: 'anshan-2022#四(九)', worker: A, at: AT };
    expect(await people.referToCivilAffairs({ prefixes: ['2103'] }, person.jobSeekerId, referral)).toBeNull();
    expect(await people.profile(OTHER_DISTRICT, person.jobSeekerId)).toBeNull();
    expect(await people.referToCivilAffairs(OTHER_DISTRICT, person.jobSeekerId, referral)).toBeNull();
    expect((await people.profile({ prefixes: ['330302'] }, person.jobSeekerId))?.jobSeekerId).toBe(person.jobSeekerId);
    const referrals = await Promise.all([people.referToCivilAffairs(WENZHOU, person.jobSeekerId, referral), people.referToCivilAffairs(WENZHOU, person.jobSeekerId, referral)]);
    expect(referrals.filter((r) => r?.created)).toHaveLength(1);
    expect(new Set(referrals.map((r) => r?.caseId)).size).toBe(1);
    expect(await db.handoffCase.count({ where: { jobSeekerId: person.jobSeekerId, kind: 'civil_affairs_referral' } })).toBe(1);
  } finally {
    await database.close();
  }
}

describe('decision desk repository', () => {
  it('SQLite: one decision wins, other regions see nothing', async () => {
    await exercise(`file:${join(dir.path, 'decisions.db')}`);
  });

  it('PostgreSQL: one decision wins, other regions see nothing', async () => {
    const database = await createPgDatabase();
    try {
      await exercise(database.url);
    } finally {
      await database.drop();
    }
  });
});
