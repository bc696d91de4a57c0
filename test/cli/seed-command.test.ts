// `jiuyebang seed demo --people N` on both databases: the people, registrations and addresses it writes (ID and phone
// numbers encrypted and masked, readable back with the key), progress on stderr, a second run continuing after the first.
import { loadPiiKey } from '../../src/config/load-pii-key.ts';
import { runSeedCommand } from '../../src/cli/seed/seed-command.ts';
import { demoPerson } from '../../src/cli/seed/demo-people.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';
import { tempServiceConfig } from '../support/test-service.ts';

const NOW = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 Beijing

async function seed(argv: string[], config: ReturnType<typeof tempServiceConfig>) {
  let out = '';
  let err = '';
  const code = await runSeedCommand(argv, { out: (s) => void (out += s), err: (s) => void (err += `${s}\n`) }, config, false, () => NOW);
  return { code, out, err };
}

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('seed demo on %s', (_name, provider) => {
  it.override({ provider });

  it('writes N registrants with encrypted, masked numbers, and a second run adds N more', async ({ databaseUrl }) => {
    const config = tempServiceConfig({ DATABASE_URL: databaseUrl });
    const first = await seed(['demo', '--people', '12'], config);
    expect(first.code).toBe(0);
    // The demo catalogue comes with the people: new the first time, unchanged the second.
    expect(JSON.parse(first.out)).toEqual({ created: 12, catalogue: { created: 49, changed: 0, unchanged: 0 }, rssMb: expect.any(Number), peakRssMb: expect.any(Number) });
    expect(first.err.trim().split('\n').at(-1)).toBe('seed demo: 12/12');
    const second = await seed(['demo', '--people', '3'], config);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ created: 3, catalogue: { created: 0, changed: 0, unchanged: 49 } });

    const database = openDatabase(databaseUrl);
    try {
      const db = database.prisma;
      const cipher = createPiiCipher(loadPiiKey(config));
      const people = await db.jobSeeker.findMany({ orderBy: { id: 'asc' }, include: { registrations: true, addresses: true } });
      expect(people.map((p) => p.id)).toEqual(Array.from({ length: 15 }, (_, i) => `demo-${String(i).padStart(7, '0')}`));
      for (const [i, p] of people.entries()) {
        const expected = demoPerson(i, '2026-03-02');
        expect(p.idNumberEnc).not.toContain(expected.idNumber);
        expect(cipher.decrypt(p.idNumberEnc ?? '')).toBe(expected.idNumber);
        expect(p.idNumberHash).toBe(cipher.lookupHash(expected.idNumber));
        expect(p.idNumberMask).toBe(`${expected.idNumber.slice(0, 4)}************${expected.idNumber.slice(-2)}`);
        expect(cipher.decrypt(p.phoneEnc ?? '')).toBe(expected.phone);
        expect(p.phoneMask).toBe(`${expected.phone.slice(0, 3)}****${expected.phone.slice(7)}`);
        expect([p.name, p.regionCode, p.locale, p.createdAt.toISOString()]).toEqual([expected.name, expected.district, expected.locale, NOW.toISOString()]);
        expect(p.registrations.map((r) => [r.status, r.kind, r.registeredAt.toISOString(), r.reason, r.followUpPreference, r.hardshipConfirmedAt !== null, r.hardshipFamily]))
          .toEqual([['registered', 'unemployment', `${expected.registeredOn}T01:30:00.000Z`, expected.reason, expected.refused ? 'refused' : 'monthly', expected.hardship, expected.hardshipFamily]]);
        if (expected.hardshipFamily) expect(expected.reason).toBe('graduated');
        expect(p.addresses.map((a) => [a.channel, a.conversationId])).toEqual([[expected.channel, `${expected.channel}:${expected.id}`]]);
      }
      // Graduates from hardship families are among them (i = 4 and 14), stored as such.
      expect(people.filter((p) => p.registrations[0]?.hardshipFamily).map((p) => p.id)).toEqual(['demo-0000004', 'demo-0000014']);
    } finally {
      await database.close();
    }
  });

  it('refuses a count that is not a whole number from 1', async ({ databaseUrl }) => {
    const config = tempServiceConfig({ DATABASE_URL: databaseUrl });
    const bad = await seed(['demo', '--people', '0'], config);
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toContain('--people');
  });
});
