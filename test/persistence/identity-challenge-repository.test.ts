// One-time codes in the database: kept only as a keyed hash; a wrong try and a use are conditional updates, so
// two instances answering at once count a try once and accept a code once; a restart reads the same state.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { createIdentityChallengeRepository } from '../../src/persistence/identity-challenge-repository.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { type EngineHarness } from '../support/engine-harness.ts';
import { seedPerson } from '../conversation/follow-up-fixtures.ts';

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

const T = new Date('2025-03-11T02:00:00.000Z');

describe('identity challenges', () => {
  it('stores no code in clear; matches only the issued code; another key does not match', async () => {
    const { jobSeekerId } = await seedPerson(h);
    const one = createIdentityChallengeRepository(h.db, h.cipher);
    const { id } = await one.issue({ jobSeekerId, channel: 'test', userKey: 'u', code: '482913', sentAt: T, expiresAt: new Date(T.getTime() + 600_000) });
    const row = await h.db.identityChallenge.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain('482913');
    expect(await one.matches(id, '482913')).toBe(true);
    expect(await one.matches(id, '482914')).toBe(false);
    expect(await createIdentityChallengeRepository(h.db, createPiiCipher(Buffer.alloc(32, 7))).matches(id, '482913')).toBe(false);
  });

  it('two instances: a wrong try is counted once, a code is used once, a new code supersedes the old', async () => {
    const { jobSeekerId } = await seedPerson(h);
    const [a, b] = [createIdentityChallengeRepository(h.db, h.cipher), createIdentityChallengeRepository(h.db, h.cipher)];
    const first = await a.issue({ jobSeekerId, channel: 'test', userKey: 'u', code: '111111', sentAt: T, expiresAt: new Date(T.getTime() + 600_000) });
    expect(await Promise.all([a.recordWrong(first.id, 0, null), b.recordWrong(first.id, 0, null)])).toEqual(expect.arrayContaining([true, false]));
    expect((await b.pending(jobSeekerId, 'test', 'u'))?.attempts).toBe(1);
    const second = await b.issue({ jobSeekerId, channel: 'test', userKey: 'u', code: '222222', sentAt: T, expiresAt: new Date(T.getTime() + 600_000) });
    expect((await a.pending(jobSeekerId, 'test', 'u'))?.id).toBe(second.id);
    expect(await a.close(first.id, 'verified')).toBe(false);
    expect([await a.close(second.id, 'verified'), await b.close(second.id, 'verified')]).toEqual([true, false]);
    expect(await b.wasVerified(second.id, jobSeekerId, 'test', 'u')).toBe(true);
    expect(await b.wasVerified(second.id, jobSeekerId, 'test', 'someone-else')).toBe(false);
  });

  it('the fifth wrong try locks the person for every address until the cool-down ends', async () => {
    const { jobSeekerId } = await seedPerson(h);
    const repo = createIdentityChallengeRepository(h.db, h.cipher);
    const { id } = await repo.issue({ jobSeekerId, channel: 'test', userKey: 'u', code: '111111', sentAt: T, expiresAt: new Date(T.getTime() + 600_000) });
    const until = new Date(T.getTime() + 30 * 60_000);
    expect(await repo.recordWrong(id, 4, until)).toBe(false);
    for (const n of [0, 1, 2, 3]) await repo.recordWrong(id, n, null);
    expect(await repo.recordWrong(id, 4, until)).toBe(true);
    expect(await repo.pending(jobSeekerId, 'test', 'u')).toBeNull();
    expect((await repo.sendHistory(jobSeekerId, new Date(0), T)).lockedUntil).toEqual(until);
    expect((await repo.sendHistory(jobSeekerId, new Date(0), until)).lockedUntil).toBeNull();
  });
});
