// Per-number SMS limits counted in the database: two service instances (two connections, one database) that
// reserve for the same number at the same instant never both pass a limit that allows one, on SQLite and
// PostgreSQL; the hour limit holds across instances; a released reservation frees its slot; numbers are apart.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createSmsNumberLimitRepository } from '../../src/persistence/sms-number-limit-repository.ts';
import { DEFAULT_SMS_NUMBER_LIMITS } from '../../src/domain/contact/sms-number-limits.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';

const NOW = new Date('2026-03-03T02:00:00.000Z');
const after = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const PHONE = '13812345678';

describe.each(['sqlite', 'postgres'] as const)('per-number SMS limits on %s', (provider) => {
  it.override({ provider });

  async function twoInstances(url: string, onCleanup: (fn: () => Promise<void>) => void) {
    const cipher = createPiiCipher(randomBytes(32));
    const databases: Database[] = [openDatabase(url), openDatabase(url)];
    onCleanup(async () => void (await Promise.all(databases.map((d) => d.close()))));
    await Promise.all(databases.map((d) => d.ready));
    return { databases, limiters: databases.map((d) => createSmsNumberLimitRepository(d.prisma, cipher, DEFAULT_SMS_NUMBER_LIMITS)) };
  }

  it('two instances at the same instant: exactly one send passes, the others wait for the gap', async ({ databaseUrl, onTestFinished }) => {
    const { limiters, databases } = await twoInstances(databaseUrl, onTestFinished);
    const [a, b] = limiters;
    if (!a || !b) throw new Error('two limiters');
    const outcomes = await Promise.all([a, b, a, b, a, b].map((l) => l.reserve(PHONE, NOW)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const refused of outcomes.filter((o) => !o.ok)) expect(refused).toEqual({ ok: false, reason: 'min_gap', retryAt: after(30) });
    expect(await databases[0]?.prisma.smsNumberSend.count()).toBe(1);
    // The stored key is the number's HMAC, never the number.
    expect(JSON.stringify(await databases[0]?.prisma.smsNumberSend.findMany())).not.toContain(PHONE);
  });

  it('five an hour across both instances, then deferred until the first leaves the hour; other numbers unaffected', async ({ databaseUrl, onTestFinished }) => {
    const { limiters } = await twoInstances(databaseUrl, onTestFinished);
    for (let i = 0; i < 5; i += 1) expect(await limiters[i % 2]?.reserve(PHONE, after(i * 60))).toMatchObject({ ok: true });
    expect(await limiters[1]?.reserve(PHONE, after(5 * 60))).toEqual({ ok: false, reason: 'per_hour', retryAt: after(3600) });
    expect(await limiters[0]?.reserve('13912345678', after(5 * 60))).toMatchObject({ ok: true });
    expect(await limiters[0]?.reserve(PHONE, after(3600))).toMatchObject({ ok: true });
  });

  it('a released reservation (the provider refused the message) frees its slot', async ({ databaseUrl, onTestFinished }) => {
    const { limiters } = await twoInstances(databaseUrl, onTestFinished);
    const first = await limiters[0]?.reserve(PHONE, NOW);
    if (!first?.ok) throw new Error('first reservation refused');
    expect(await limiters[1]?.reserve(PHONE, after(1))).toMatchObject({ ok: false, reason: 'min_gap' });
    await limiters[0]?.release(first.id);
    expect(await limiters[1]?.reserve(PHONE, after(1))).toMatchObject({ ok: true });
  });
});
