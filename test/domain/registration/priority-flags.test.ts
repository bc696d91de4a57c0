// R1.11.1–R1.11.2: the priority flags a caseworker sees on a record, each with its Anshan clause.
import { describe, expect, it } from 'vitest';
import { parseClauseRef } from '../../../src/domain/clauses/clause-ref.ts';
import { PRIORITY_FLAG_SOURCES, priorityFlags } from '../../../src/domain/registration/priority-flags.ts';

const flagsOf = (r: ReturnType<typeof priorityFlags>) => r.flags.map((f) => f.flag);

describe('priorityFlags: youth aged 16–24 (R1.11.1, A 三)', () => {
  it.each([
    ['2009-06-02', '2025-06-01', false], // 15
    ['2009-06-01', '2025-06-01', true], // 16th birthday
    ['2001-06-01', '2025-05-31', true], // 23
    ['2000-06-01', '2025-05-31', true], // 24, the day before turning 25
    ['2000-06-01', '2025-06-01', false], // 25th birthday
    ['2004-02-29', '2021-02-28', true], // 17: Feb 29 birthday reached on Feb 28 (SPEC §4.6)
  ] as const)('born %s, on %s → youth %s', (birthDate, asOf, youth) => {
    const r = priorityFlags({ birthDate, graduateLeftSchoolWithoutJob: false, povertyAlleviated: false, hardshipRecognised: false }, asOf);
    expect(flagsOf(r)).toEqual(youth ? ['YOUTH_16_24'] : []);
    expect(r.unknown).toEqual([]);
  });
});

describe('priorityFlags: record flags (R1.11.2, A 四(二))', () => {
  it.each([
    [{ graduateLeftSchoolWithoutJob: true }, ['GRADUATE_WITHOUT_JOB'], ['YOUTH_16_24', 'POVERTY_ALLEVIATED', 'HARDSHIP_PERSON']],
    [{ povertyAlleviated: true, hardshipRecognised: true }, ['POVERTY_ALLEVIATED', 'HARDSHIP_PERSON'], ['YOUTH_16_24', 'GRADUATE_WITHOUT_JOB']],
    [{ birthDate: '2003-01-01', graduateLeftSchoolWithoutJob: true, povertyAlleviated: true, hardshipRecognised: true }, ['YOUTH_16_24', 'GRADUATE_WITHOUT_JOB', 'POVERTY_ALLEVIATED', 'HARDSHIP_PERSON'], []],
    [{}, [], ['YOUTH_16_24', 'GRADUATE_WITHOUT_JOB', 'POVERTY_ALLEVIATED', 'HARDSHIP_PERSON']],
    [{ birthDate: '1980-01-01', graduateLeftSchoolWithoutJob: false, povertyAlleviated: false, hardshipRecognised: false }, [], []],
  ] as const)('%j → flags %j, still to ask %j', (profile, flags, unknown) => {
    const r = priorityFlags(profile, '2025-06-01');
    expect(flagsOf(r)).toEqual(flags);
    expect(r.unknown).toEqual(unknown);
    for (const f of r.flags) expect(f.source).toBe(PRIORITY_FLAG_SOURCES[f.flag]);
    expect(r.productDecisions).toEqual(['PRIORITY_FLAGS_ALL_REGIONS']);
  });

  it('a birth date after the reference date is not decided', () => {
    expect(priorityFlags({ birthDate: '2030-01-01' }, '2025-06-01').unknown).toContain('YOUTH_16_24');
  });

  it.each([[{ birthDate: '2025-02-30' }], [{ povertyAlleviated: 'yes' }], [{ extra: true }]])('rejects malformed %j', (profile) => {
    // @ts-expect-error malformed on purpose: data entering from outside is parsed, not trusted
    expect(() => priorityFlags(profile, '2025-06-01')).toThrow();
  });

  // That each section exists in the Anshan notice is checked in test/policy/policy-notice-clauses.test.ts.
  it.each(Object.values(PRIORITY_FLAG_SOURCES))('source %s is a section of the Anshan notice', (source) => {
    expect(parseClauseRef(source)).toMatchObject({ kind: 'source', source: 'anshan-2022' });
  });
});
