// Whoever reads the database without the key (a backup, a stolen disk, a report query) sees the masked ID,
// the places and whatever other plaintext columns a person has. For each person of the demo data this test
// counts the valid ID numbers that fit all of it, assuming the worst: the 户籍地 gives the full 6-digit address
// code and the person was 16 to 70 when registering. Fewer than 10,000 would make the mask pointless
// (a mask hiding exactly the birth date, next to a plaintext birth date, gave the number back).
import type { Database } from '../../src/persistence/database.ts';
import type { Repositories } from '../../src/persistence/repositories.ts';
import { describe, expect, test as it } from '../support/fixtures.ts';
import { checkCharacter, parseIdNumber } from '../../src/domain/identity/id-number.ts';
import { addDays, isValidPlainDate } from '../../src/domain/dates/plain-date.ts';

const MIN_CANDIDATES = 10_000;
const REGISTERED_AT = new Date('2025-03-11T02:00:00.000Z');

/** The demo people: numbers with a valid check character, both sexes, several ages and regions. */
const DEMO = [
  { name: '演示甲', idNumber: '440802199003140314', household: '广东省湛江市赤坎区' },
  { name: '演示乙', idNumber: '44080319851122002X', household: '广东省湛江市霞山区' },
  { name: '演示丙', idNumber: '330302197001010017', household: '浙江省温州市鹿城区' },
  { name: '演示丁', idNumber: '110105200402290012', household: '北京市朝阳区' },
].map((p) => ({ ...p, idNumber: withValidCheck(p.idNumber) }));

function withValidCheck(id: string): string {
  return id.slice(0, 17) + checkCharacter(id.slice(0, 17));
}

let db: Database;
let repos: Repositories;

it.beforeAll(async ({ fileDatabase }) => {
  db = fileDatabase.database;
  repos = fileDatabase.reposFor('440802');
  for (const p of DEMO) {
    const id = parseIdNumber(p.idNumber, '2025-03-11');
    if (!id.valid) throw new Error(`demo ID ${p.idNumber} is not valid`);
    await repos.registrations.submit({
      submission: {
        name: p.name, idNumber: id.normalized, phone: '13800138000', birthDate: id.birthDate, sex: id.sex, reason: 'lost_job',
        details: {
          retirementCategory: id.sex === 'M' ? 'MALE' : 'FEMALE_50', household: p.household, residence: p.household, residenceSameAsHousehold: true,
          unemployedSince: '2025-01-01', education: 'college', skills: '无', jobWanted: '叉车司机', wantsTraining: false, wantsBusiness: false, papersComplete: true, creditPromise: null,
        },
      },
      locale: 'zh-CN', conversationKey: `t:${p.name}`, channel: 'test', userKey: p.name, reference: '{}', at: REGISTERED_AT,
    });
  }
});

/** What a reader without the key learns about one person's ID number from the plaintext columns. */
interface Knowledge {
  region: string;
  /** The stored mask: '*' where a character is hidden. */
  mask: string;
  birthDate?: string;
  sex?: 'M' | 'F';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Valid 18-character ID numbers (real date in the age window, right check character) that fit `k`, counted exactly. */
function countCandidates(k: Knowledge, asOf: string): number {
  const fits = (position: number, char: string) => k.mask.length !== 18 || k.mask[position] === '*' || k.mask[position] === char;
  let count = 0;
  const from = `${Number(asOf.slice(0, 4)) - 70}${asOf.slice(4)}`;
  const to = `${Number(asOf.slice(0, 4)) - 16}${asOf.slice(4)}`;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!isValidPlainDate(day) || (k.birthDate && k.birthDate !== day)) continue;
    const head = k.region + day.replaceAll('-', '');
    if (![...head].every((c, i) => fits(i, c))) continue;
    const headSum = [...head].reduce((sum, c, i) => sum + Number(c) * (WEIGHTS[i] ?? 0), 0);
    for (let seq = 0; seq < 1000; seq += 1) {
      const s = String(seq).padStart(3, '0');
      if (!fits(14, s[0] ?? '') || !fits(15, s[1] ?? '') || !fits(16, s[2] ?? '')) continue;
      if (k.sex && (Number(s[2]) % 2 === 1 ? 'M' : 'F') !== k.sex) continue;
      const sum = headSum + Number(s[0]) * 8 + Number(s[1]) * 4 + Number(s[2]) * 2;
      if (fits(17, '10X98765432'[sum % 11] ?? '')) count += 1;
    }
  }
  return count;
}

describe('plaintext columns never narrow an ID number down', () => {
  it('no readable column holds the birth date, the sex or the full number', async () => {
    const people = await db.prisma.jobSeeker.findMany({ include: { registrations: true } });
    expect(people).toHaveLength(DEMO.length);
    for (const person of people) {
      const demo = DEMO.find((d) => d.name === person.name);
      const id = parseIdNumber(demo?.idNumber ?? '', '2025-03-11');
      if (!id.valid) throw new Error('demo person not found');
      const readable = JSON.stringify({ ...person, idNumberEnc: null, phoneEnc: null, idNumberHash: null });
      expect(readable).not.toContain(id.normalized);
      expect(readable).not.toContain(id.birthDate);
      expect(readable).not.toContain(id.birthDate.replaceAll('-', ''));
      expect(Object.keys(person)).not.toContain('birthDate');
      expect(Object.keys(person)).not.toContain('sex');
    }
  });

  it.each(DEMO.map((d) => [d.name, d.idNumber] as const))('%s: at least 10,000 numbers fit what the plaintext columns say', async (name, idNumber) => {
    const person = await db.prisma.jobSeeker.findFirstOrThrow({ where: { name } });
    const row: Record<string, unknown> = { ...person };
    const knowledge: Knowledge = {
      region: idNumber.slice(0, 6), // worst case: the 户籍地 text gives the full address code
      mask: String(row.idNumberMask ?? ''),
      ...(typeof row.birthDate === 'string' ? { birthDate: row.birthDate } : {}),
      ...(row.sex === 'M' || row.sex === 'F' ? { sex: row.sex } : {}),
    };
    const count = countCandidates(knowledge, '2025-03-11');
    expect(count, `mask ${knowledge.mask}`).toBeGreaterThanOrEqual(MIN_CANDIDATES);
  });

  it('the counter itself is sharp: a 4+4 mask beside a plaintext birth date leaves a handful', () => {
    const id = DEMO[0]?.idNumber ?? '';
    const oldMask = `${id.slice(0, 4)}**********${id.slice(-4)}`;
    expect(countCandidates({ region: id.slice(0, 6), mask: oldMask, birthDate: '1990-03-14', sex: 'M' }, '2025-03-11')).toBe(1);
    expect(countCandidates({ region: id.slice(0, 6), mask: oldMask }, '2025-03-11')).toBeLessThan(MIN_CANDIDATES);
  });

  it('the caseworker API still shows birth date and sex, read from the encrypted number', async () => {
    const rows = await repos.registrations.listInScope({ prefixes: ['4408'] });
    const first = rows.find((r) => r.name === '演示甲');
    expect(first).toMatchObject({ birthDate: '1990-03-14', sex: 'M', idNumber: `4408************${DEMO[0]?.idNumber.slice(-2)}` });
  });
});
