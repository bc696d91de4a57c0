// R1.1: who may register as unemployed, where, and the job-seeker path for everyone else.
import { describe, expect, it } from 'vitest';
import { assessRegistrationEligibility, type RegistrationEligibilityInput } from '../../../src/domain/registration/assess-registration-eligibility.ts';
import { pack } from '../regions/test-packs.ts';

const base = { wantsWork: true, employed: false } as const;
const assess = (input: RegistrationEligibilityInput, code = 'zhanjiang-2021') => assessRegistrationEligibility(input, pack(code));

describe('Z §一(一): working age, wish to work, no job', () => {
  it.each([
    ['2026-02-28', 'under_working_age', 'the day before the 16th birthday'],
    ['2026-03-01', 'eligible', '16周岁 (inclusive)'],
  ])('born 2010-03-01, as of %s → %s (%s)', (asOf, outcome) => {
    expect(assess({ ...base, birthDate: '2010-03-01', sex: 'M', asOf }).outcome).toBe(outcome);
  });

  it.each([
    ['2025-02-09', 'eligible'],
    ['2025-02-10', 'job_seeker_registration'],
  ])('man born 1965-01-10 (statutory age 60y1m → 2025-02-10), as of %s → %s', (asOf, outcome) => {
    expect(assess({ ...base, birthDate: '1965-01-10', sex: 'M', asOf }).outcome).toBe(outcome);
  });

  it('woman born 1975-06-10 whose track is unknown: both tracks still working age in 2024 → eligible without asking', () => {
    expect(assess({ ...base, birthDate: '1975-06-10', sex: 'F', asOf: '2024-01-01' })).toMatchObject({ outcome: 'eligible', missing: [] });
  });

  it('…in 2026 the tracks disagree → unknown, asks the retirement category (last post type)', () => {
    const r = assess({ ...base, birthDate: '1975-06-10', sex: 'F', asOf: '2026-01-01' });
    expect(r).toMatchObject({ outcome: 'unknown', missing: ['retirementCategory'] });
    expect(assess({ ...base, birthDate: '1975-06-10', sex: 'F', retirementCategory: 'FEMALE_50', asOf: '2026-01-01' }).outcome).toBe('job_seeker_registration');
    expect(assess({ ...base, birthDate: '1975-06-10', sex: 'F', retirementCategory: 'FEMALE_55', asOf: '2026-01-01' }).outcome).toBe('eligible');
  });

  it('A 四(一) / R1.1.5: employed → job-seeker registration, never a bare no', () => {
    const r = assess({ birthDate: '1990-05-15', sex: 'M', wantsWork: true, employed: true, asOf: '2025-01-01' }, 'anshan-2022');
    expect(r.outcome).toBe('job_seeker_registration');
    expect(r.jobSeekerSource).toBe('anshan-2022#四(一)');
    expect(r.reasons.map((x) => x.code)).toContain('EMPLOYED');
  });

  it('no wish to work → job-seeker registration (for training)', () => {
    expect(assess({ birthDate: '1990-05-15', sex: 'M', wantsWork: false, employed: false, asOf: '2025-01-01' }).outcome).toBe('job_seeker_registration');
  });

  it('nothing known → unknown, asks birth date, sex, wish to work, job status', () => {
    expect(assess({ asOf: '2025-01-01' })).toMatchObject({ outcome: 'unknown', missing: ['birthDate', 'sex', 'wantsWork', 'employed'] });
  });

  it('eligible answers cite Z §一(一) and record that the job status is checked against the provincial system', () => {
    const r = assess({ ...base, birthDate: '1990-05-15', sex: 'M', asOf: '2025-01-01' });
    expect(r.outcome).toBe('eligible');
    expect(r.reasons).toContainEqual({ code: 'NO_JOB_TO_BE_VERIFIED', source: 'zhanjiang-2021#一(一)' });
  });
});

describe('where to register (R1.1.3, SPEC §6 item 6)', () => {
  const person = { ...base, birthDate: '1990-05-15', sex: 'M', asOf: '2025-01-01' } as const;
  it('Z §一(二): 户籍地 or 常住地', () => {
    expect(assess(person).places.map((p) => p.place)).toEqual(['HOUSEHOLD_REGISTRATION', 'HABITUAL_RESIDENCE']);
  });
  it('A 四(二): a migrant worker may also register at the place of work or of social insurance', () => {
    const r = assess({ ...person, migrantWorker: true }, 'anshan-2022');
    expect(r.places).toEqual([
      { place: 'HABITUAL_RESIDENCE', source: 'employment-services-provisions#第六十三条' },
      { place: 'PLACE_OF_WORK', source: 'anshan-2022#四(二)' },
      { place: 'PLACE_OF_SOCIAL_INSURANCE', source: 'anshan-2022#四(二)' },
    ]);
  });
  it('the migrant options are Anshan\'s only: not in Zhanjiang', () => {
    expect(assess({ ...person, migrantWorker: true }).places.map((p) => p.place)).toEqual(['HOUSEHOLD_REGISTRATION', 'HABITUAL_RESIDENCE']);
  });
  it('national since 2015: 常住地', () => {
    expect(assess(person, 'national').places.map((p) => p.place)).toEqual(['HABITUAL_RESIDENCE']);
  });
});
