// The shared fixture builds what a test names, isolates it from other tests, and cleans up after.
import { existsSync } from 'node:fs';
import { describe, expect, test } from './fixtures.ts';

const urls: string[] = [];

describe('test fixtures', () => {
  test('a test database is migrated, private, and its repositories work', async ({ testDatabase }) => {
    const repos = testDatabase.reposFor('440800');
    await repos.audit.record({ actor: 'test', action: 'fixture.checked', subjectType: 'test' });
    expect(await testDatabase.database.prisma.auditEvent.count()).toBe(1);
    expect(testDatabase.cipher.decrypt(testDatabase.cipher.encrypt('13812345678'))).toBe('13812345678');
    urls.push(testDatabase.url);
  });

  test('the next test gets another database, and the last one is gone', async ({ testDatabase }) => {
    expect(await testDatabase.database.prisma.auditEvent.count()).toBe(0);
    expect(testDatabase.url).not.toBe(urls[0]);
    expect(existsSync((urls[0] ?? '').replace(/^file:/, ''))).toBe(false);
  });

  test('the clock stands still until moved', ({ clock }) => {
    const start = clock.now();
    expect(clock.now()).toEqual(start);
    expect(clock.advance(60_000).getTime() - start.getTime()).toBe(60_000);
  });

  test('the harness runs a turn on its own database', async ({ harness }) => {
    const replies = await harness.say('帮助');
    expect(replies.length).toBeGreaterThan(0);
    expect(await harness.db.registration.count()).toBe(0);
  });
});
