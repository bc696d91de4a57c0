// The DecisionDesk over SQLite and PostgreSQL: decisions are conditional, so two caseworkers (or two instances)
// deciding (or referring) the same thing at once leave exactly one; every read and write is limited to the region prefix.
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
    expect(await desk.pendingRegistrations('4408')).toEqual([]);
    expect(await desk.decideRegistration('4408', person.registrationId, { outcome: 'registered', reason: null, clause: 'c', worker: A, at: AT })).toEqual({ ok: false, reason: 'not_found' });
    expect(await desk.hardshipRequest('4408', caseId)).toBeNull();

    const registrations = await Promise.all([
      desk.decideRegistration('3303', person.registrationId, { outcome: 'registered', reason: null, clause: 'c', worker: A, at: AT }),
      desk.decideRegistration('3303', person.registrationId, { outcome: 'rejected', reason: '不符', clause: 'c', worker: B, at: AT }),
    ]);
    expect(registrations.filter((r) => r.ok)).toHaveLength(1);
    expect(registrations.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'already_decided', by: expect.stringMatching(/^[甲乙]$/) });
    expect(await db.registrationEvent.count({ where: { registrationId: person.registrationId } })).toBe(1);

    const categories = await Promise.all([
      desk.decideHardshipCategory('3303', caseId, { category: 'LOW_INCOME_FAMILY', outcome: 'confirmed', reason: null, clause: 'c', worker: A, at: AT }),
      desk.decideHardshipCategory('3303', caseId, { category: 'LOW_INCOME_FAMILY', outcome: 'rejected', reason: '不符', clause: 'c', worker: B, at: AT }),
    ]);
    expect(categories.filter((r) => r.ok)).toHaveLength(1);
    expect(categories.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'already_decided' });
    expect(await db.hardshipCategoryDecision.count({ where: { caseId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'hardship.category_decided', subjectId: caseId } })).toBe(1);

    const people = createPersonFileRepository(db, createPiiCipher(randomBytes(32)));
    const referral = { reason: '家庭生活困难', clause: 'anshan-2022#四(九)', worker: A, at: AT };
    expect(await people.referToCivilAffairs('2103', person.jobSeekerId, referral)).toBeNull();
    const referrals = await Promise.all([people.referToCivilAffairs('3303', person.jobSeekerId, referral), people.referToCivilAffairs('3303', person.jobSeekerId, referral)]);
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
